import 'server-only';
import { createHash } from 'node:crypto';
import { Segment, useDefault as loadDefaultDictionaries, type DictEntry } from 'segmentit';
import type { Token } from './types';
import type { WordList } from './word-list';

export type { WordList } from './word-list';

/** The longest run of Han characters segmentit is given at once: its tokenizer is exponential in a run's length. */
export const MAX_RUN = 30;

// segmentit scores every way of cutting a run into dictionary words (about 10 µs each here). A run with
// more ways than this is cut again, at a point no dictionary word spans if there is one ('哈哈哈…' has none).
const MAX_WAYS = 500;
// Each segmenter holds ~120 MB of dictionaries; one per distinct word list, the least recently used dropped.
const MAX_SEGMENTERS = 4;
// Longer pieces are cut too: segmentit's optimizers are quadratic in a piece's words ('a-' × 5,000 took
// 0.3 s, × 25,000 73 s). Only text with no whitespace and no wide punctuation for this long gets here.
const MAX_PIECE = 200;
// Listed Chinese words go into segmentit's dictionary with a high frequency score (its scorer prefers a
// high average score; with 5000, 自动驾驶 and 激光雷达 were still split in the seed text), keeping the
// part of speech of words it knows and making new ones nouns (noun, verb or both made no difference).
const NOUN = 0x00100000;
const USER_WORD_FREQUENCY = 100000;

const HAN = /\p{Script=Han}/u;
const HAN_WORD = /^\p{Script=Han}+$/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const ASCII_ALNUM = /^[A-Za-z0-9]$/;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const LOW_SURROGATE = /[\uDC00-\uDFFF]/;
// A URL as segmentit's URL tokenizer sees it (its protocols and characters); one token, cut out
// beforehand so that no listed term or length limit breaks it.
const URL = /(?:https?|ftp|news|telnet):\/\/[A-Za-z0-9!#$%&()*+,\-./:;=?@[\\\]^_`|~]+/y;

// Where a long run may be cut: after one of these particles (的 first), unless it starts a word with the next character.
const PARTICLES = ['的', '了是在和'];
const PARTICLE_WORDS = new Set(['的确', '的士', '的话', '了解', '了结', '了却', '是否', '是非', '在于', '在乎', '在意', '和平', '和谐', '和睦', '和蔼', '和尚']);

/**
 * Cuts every run of more than MAX_RUN Han characters: after the last 的 (else 了/是/在/和) in each
 * window of MAX_RUN characters, else at MAX_RUN. Pure; the pieces join back to the text.
 * `'好'.repeat(31)` → `['好'.repeat(30), '好']`; `'我的' + '好'.repeat(30)` → `['我的', '好'.repeat(30)]`; `''` → `[]`.
 */
export function splitLongRuns(text: string): string[] {
  const cuts: number[] = [];
  for (const match of text.matchAll(HAN_RUN)) {
    const chars = Array.from(match[0]);
    let offset = match.index;
    for (let from = 0; chars.length - from > MAX_RUN; ) {
      const cut = runCut(chars, from);
      for (let i = from; i < cut; i += 1) offset += chars[i]?.length ?? 0;
      cuts.push(offset);
      from = cut;
    }
  }
  return cutAt(text, cuts);
}

/** Where to end the window of MAX_RUN characters starting at `from` (an index into `chars`). */
function runCut(chars: readonly string[], from: number): number {
  for (const particles of PARTICLES) {
    for (let i = from + MAX_RUN - 1; i >= from; i -= 1) {
      const char = chars[i] ?? '';
      if (particles.includes(char) && !PARTICLE_WORDS.has(char + (chars[i + 1] ?? ''))) return i + 1;
    }
  }
  return from + MAX_RUN;
}

function cutAt(text: string, cuts: readonly number[]): string[] {
  if (text === '') return [];
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(1).map((end, i) => text.slice(bounds[i], end));
}

/**
 * Splits a block into tokens (Chinese words, Latin words, numbers, URLs, punctuation, whitespace) with
 * UTF-16 offsets; the tokens join back to the text exactly. Listed words with letters, digits,
 * punctuation or spaces are kept whole wherever they occur (but never inside a Latin word or number);
 * listed Chinese words wherever segmentit's dictionary, or a tie, allows.
 * `'近日，播客节目 No Priors'` with `['播客', 'No Priors']` → 近日 / ， / 播客 / 节目 / ␠ / No Priors; `''` → `[]`.
 */
export function segmentWords(text: string, words: WordList = []): Token[] {
  if (text === '') return [];
  const listed = words.map((word) => word.trim()).filter((word) => word !== '');
  const hanWords = listed.filter((word) => HAN_WORD.test(word));
  const wholeTerms = termIndex(listed.filter((word) => !HAN_WORD.test(word)));
  const segmenter = getSegmenter(hanWords);
  const tokens: Token[] = [];
  let free = 0;
  const flush = (end: number) => {
    // A loop, not push(...): a long block gives more tokens than a call can take arguments.
    if (end > free) for (const token of segmentFree(text.slice(free, end), free, segmenter)) tokens.push(token);
  };
  const lower = asciiLowerCase(text);
  for (let at = 0; at < text.length; ) {
    const length = urlLength(text, at) || whitespaceLength(text, at) || matchTerm(text, lower, at, wholeTerms);
    if (length > 0) {
      flush(at);
      tokens.push(makeToken(text.slice(at, at + length), at));
      at += length;
      free = at;
    } else {
      at += 1;
    }
  }
  flush(text.length);
  return preferListedWords(text, tokens, hanWords, segmenter);
}

/**
 * segmentit alone, with its default dictionaries: no word list, no bounds, no offsets. Only for
 * measuring the adapter against it; never call it on text with long runs of Han characters.
 * `segmentitAlone('自动驾驶汽车')` → e.g. `['自动', '驾驶', '汽车']`.
 */
export function segmentitAlone(text: string): string[] {
  return getSegmenter([]).segment.doSegment(text, { simple: true });
}

function urlLength(text: string, at: number): number {
  if (!'fhnt'.includes(text[at] ?? '-')) return 0;
  URL.lastIndex = at;
  return URL.exec(text)?.[0].length ?? 0;
}

function whitespaceLength(text: string, at: number): number {
  let end = at;
  while (end < text.length && WHITESPACE.test(text[end] ?? '')) end += 1;
  return end - at;
}

function makeToken(text: string, start: number): Token {
  return { text, start, end: start + text.length, chinese: HAN.test(text) };
}

/** Segments text with no whitespace and no listed term in it, piece by bounded piece. */
function segmentFree(text: string, offset: number, segmenter: Segmenter): Token[] {
  const tokens: Token[] = [];
  let at = offset;
  for (const chunk of splitAtWidePunctuation(text)) {
    const pieces = splitLongRuns(chunk).flatMap(capLength).flatMap((piece) => splitByWays(piece, segmenter));
    for (const piece of pieces) {
      tokens.push(...alignWords(piece, at, segmenter.segment.doSegment(piece, { simple: true })));
      at += piece.length;
    }
  }
  return tokens;
}

/**
 * Cuts text before and after each run of punctuation or symbols outside ASCII (，。「」…), which never
 * join a word, keeping chunks small. ASCII punctuation stays in: 3.14, 10%, a@b.com.
 */
function splitAtWidePunctuation(text: string): string[] {
  const cuts: number[] = [];
  let wasWide = false;
  Array.from(text).reduce((at, char) => {
    const wide = char > '\u007f' && PUNCTUATION.test(char);
    if (at > 0 && wide !== wasWide) cuts.push(at);
    wasWide = wide;
    return at + char.length;
  }, 0);
  return cutAt(text, cuts);
}

/** Cuts a piece into parts of at most MAX_PIECE code units, after ASCII punctuation where there is some. */
function capLength(piece: string): string[] {
  const cuts: number[] = [];
  for (let from = 0; piece.length - from > MAX_PIECE; ) {
    let cut = from + MAX_PIECE;
    for (let at = cut; at > from + MAX_PIECE / 2; at -= 1) {
      if (ASCII_PUNCTUATION.test(piece[at - 1] ?? '')) {
        cut = at;
        break;
      }
    }
    if (LOW_SURROGATE.test(piece[cut] ?? '')) cut -= 1;
    cuts.push(cut);
    from = cut;
  }
  return cutAt(piece, cuts);
}

/**
 * Lays segmentit's words, which come without offsets, onto the piece they came from. A word that is not
 * next in the piece is looked for further on and the stretch skipped becomes one token per character; a
 * word not found at all is ignored. (segmentit has not been seen to do either; this keeps us total.)
 */
function alignWords(piece: string, offset: number, words: readonly string[]): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const word of words) {
    const found = word === '' ? -1 : piece.indexOf(word, at);
    if (found < 0) continue;
    tokens.push(...characterTokens(piece.slice(at, found), offset + at), makeToken(word, offset + found));
    at = found + word.length;
  }
  tokens.push(...characterTokens(piece.slice(at), offset + at));
  return tokens;
}

function characterTokens(text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  let at = offset;
  for (const char of text) {
    tokens.push(makeToken(char, at));
    at += char.length;
  }
  return tokens;
}

/**
 * Keeps listed Chinese words whole where segmentit split them on a tie: an occurrence that is not one
 * token replaces the tokens it overlaps if that takes no more tokens (重/构成 → 重构/成), and never when
 * it costs a word (传播/客观 stays: 传/播客/观 is longer) or breaks another listed word. One pass, left
 * to right; at the same start the longer word goes first.
 */
function preferListedWords(text: string, tokens: readonly Token[], hanWords: readonly string[], segmenter: Segmenter): Token[] {
  const listed = new Set(hanWords);
  const result: Token[] = [];
  let next = 0;
  for (const { start, end, word } of occurrences(text, listed)) {
    for (let token = tokens[next]; token && token.end <= start; token = tokens[next]) {
      result.push(token);
      next += 1;
    }
    // Already inside a replacement made for an earlier occurrence.
    if ((result.at(-1)?.end ?? 0) > start) continue;
    const from = tokens[next]?.start ?? start;
    let last = next;
    while ((tokens[last]?.end ?? end) < end) last += 1;
    const overlapped = tokens.slice(next, last + 1);
    if (overlapped.length === 1 && from === start && overlapped[0]?.end === end) continue;
    if (overlapped.some((token) => token.text.length > 1 && listed.has(token.text))) continue;
    const to = overlapped.at(-1)?.end ?? end;
    const replacement = [
      ...segmentFree(text.slice(from, start), from, segmenter),
      makeToken(word, start),
      ...segmentFree(text.slice(end, to), end, segmenter),
    ];
    if (replacement.length > overlapped.length) continue;
    result.push(...replacement);
    next = last + 1;
  }
  return [...result, ...tokens.slice(next)];
}

/** Every occurrence of every word in the text, by start, longer words first at the same start. */
function occurrences(text: string, words: ReadonlySet<string>): { start: number; end: number; word: string }[] {
  const found: { start: number; end: number; word: string }[] = [];
  for (const word of words) {
    for (let start = text.indexOf(word); start >= 0; start = text.indexOf(word, start + 1)) {
      found.push({ start, end: start + word.length, word });
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

// ---- Listed terms with letters, digits, punctuation or spaces: matched here, longest first. ----

/** Terms by their first character (ASCII lower-cased), longest first. */
type TermIndex = Map<string, string[]>;

function termIndex(terms: readonly string[]): TermIndex {
  const index: TermIndex = new Map();
  for (const term of [...new Set(terms.map(asciiLowerCase))].sort((a, b) => b.length - a.length)) {
    const first = term[0];
    if (first !== undefined) index.set(first, [...(index.get(first) ?? []), term]);
  }
  return index;
}

function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (char) => char.toLowerCase());
}

/** The length of the longest term at `at`, or 0. A term does not start or end inside a Latin word or number. */
function matchTerm(text: string, lower: string, at: number, index: TermIndex): number {
  for (const term of index.get(lower[at] ?? '') ?? []) {
    const end = at + term.length;
    if (!lower.startsWith(term, at)) continue;
    if (joinsAlnum(text[at - 1], term[0]) || joinsAlnum(term.at(-1), text[end])) continue;
    return term.length;
  }
  return 0;
}

function joinsAlnum(left: string | undefined, right: string | undefined): boolean {
  return ASCII_ALNUM.test(left ?? '') && ASCII_ALNUM.test(right ?? '');
}

// ---- segmentit instances, one per process and word list ----

interface Segmenter {
  segment: Segment;
  /** Dictionary words by length, and the lengths of the words each character starts, to count a run's segmentations. */
  table: Record<number, Record<string, DictEntry>>;
  lengthsByFirst: Map<string, number[]>;
}

const SEGMENTERS = Symbol.for('bilingual-reader.segmenters');
type SegmenterCache = Map<string, Segmenter>;

// On globalThis: Next.js loads this module once per route bundle, and each copy would load 120 MB again.
function segmenterCache(): SegmenterCache {
  const holder = globalThis as typeof globalThis & { [SEGMENTERS]?: SegmenterCache };
  holder[SEGMENTERS] ??= new Map();
  return holder[SEGMENTERS];
}

function getSegmenter(hanWords: readonly string[]): Segmenter {
  const sorted = [...new Set(hanWords)].sort();
  const key = createHash('sha256').update(sorted.join('\n')).digest('hex');
  const cache = segmenterCache();
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const segmenter = createSegmenter(sorted);
  cache.set(key, segmenter);
  for (const oldest of cache.keys()) {
    if (cache.size <= MAX_SEGMENTERS) break;
    cache.delete(oldest);
  }
  return segmenter;
}

function createSegmenter(hanWords: readonly string[]): Segmenter {
  const segment = loadDefaultDictionaries(new Segment());
  const known = segment.getDict('TABLE') ?? {};
  const lines = hanWords.map((word) => {
    const entry = Object.hasOwn(known, word) ? known[word] : undefined;
    return `${word}|${entry?.p ?? NOUN}|${Math.max(entry?.f ?? 0, USER_WORD_FREQUENCY)}`;
  });
  if (lines.length > 0) segment.loadDict(lines.join('\n'));
  const table = segment.getDict('TABLE2') ?? {};
  const lengthSets = new Map<string, Set<number>>();
  for (const [length, words] of Object.entries(table)) {
    for (const word of Object.keys(words)) {
      const first = word[0] ?? '';
      lengthSets.set(first, (lengthSets.get(first) ?? new Set()).add(Number(length)));
    }
  }
  const lengthsByFirst = new Map([...lengthSets].map(([first, lengths]) => [first, [...lengths].sort((a, b) => a - b)]));
  return { segment, table, lengthsByFirst };
}

// ---- Bounding the ways segmentit tries ----

/** Cuts a piece's Han runs until none has more than MAX_WAYS segmentations. */
function splitByWays(piece: string, segmenter: Segmenter): string[] {
  const cuts: number[] = [];
  for (const match of piece.matchAll(HAN_RUN)) {
    cuts.push(...boundedCuts(match[0], segmenter).map((cut) => cut + match.index));
  }
  return cutAt(piece, cuts);
}

/** Cut points (offsets into `run`) that leave no part with more than MAX_WAYS segmentations. */
function boundedCuts(run: string, segmenter: Segmenter): number[] {
  if (2 ** (run.length - 1) <= MAX_WAYS) return [];
  const ends = wordEnds(run, segmenter);
  if (countWays(ends) <= MAX_WAYS) return [];
  const cut = bestCut(run, ends);
  return [...boundedCuts(run.slice(0, cut), segmenter), cut, ...boundedCuts(run.slice(cut), segmenter).map((c) => c + cut)];
}

/** For each position, where the dictionary words starting there end (one character if none), as segmentit sees it. */
function wordEnds(run: string, { table, lengthsByFirst }: Segmenter): number[][] {
  const ends: number[][] = [];
  for (let at = 0; at < run.length; at += 1) {
    const found: number[] = [];
    for (const length of lengthsByFirst.get(run[at] ?? '') ?? []) {
      if (at + length > run.length) break;
      if (run.slice(at, at + length) in (table[length] ?? {})) found.push(at + length);
    }
    ends.push(found.length > 0 ? found : [at + 1]);
  }
  return ends;
}

function countWays(ends: readonly number[][]): number {
  const ways: number[] = [];
  ways[ends.length] = 1;
  for (let at = ends.length - 1; at >= 0; at -= 1) {
    ways[at] = (ends[at] ?? []).reduce((sum, end) => sum + (ways[end] ?? 0), 0);
  }
  return ways[0] ?? 0;
}

/** A cut no dictionary word spans, nearest the middle; else the middle. Never inside a surrogate pair. */
function bestCut(run: string, ends: readonly number[][]): number {
  const middle = run.length >> 1;
  const spanned = new Array<boolean>(run.length).fill(false);
  ends.forEach((wordEnds, start) => {
    for (const end of wordEnds) for (let at = start + 1; at < end; at += 1) spanned[at] = true;
  });
  const cost = (cut: number) =>
    LOW_SURROGATE.test(run[cut] ?? '') ? Infinity : Math.abs(cut - middle) + (spanned[cut] ? run.length : 0);
  let best = 1;
  for (let cut = 2; cut < run.length; cut += 1) if (cost(cut) < cost(best)) best = cut;
  return best;
}
