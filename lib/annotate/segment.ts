import 'server-only';
import { capLength, splitAtWidePunctuation, splitByWays, splitLongRuns } from './segment-cut';
import { asciiLowerCase, matchTerm, occurrences, termIndex } from './segment-terms';
import { dropSegmenter, getSegmenter, type Segmenter } from './segmenter';
import { applySplits, parseSplit, type Split } from './segment-splits';
import type { Token } from './types';
import type { WordList } from './word-list';

export type { WordList } from './word-list';

const HAN = /\p{Script=Han}/u;
const HAN_WORD = /^\p{Script=Han}+$/u;
const WHITESPACE = /\s/u;
// A URL as segmentit's URL tokenizer sees it (its protocols and characters); one token, cut out
// beforehand so that no listed term or length limit breaks it.
const URL = /(?:https?|ftp|news|telnet):\/\/[A-Za-z0-9!#$%&()*+,\-./:;=?@[\\\]^_`|~]+/y;

/**
 * Splits a block into tokens (Chinese words, Latin words, numbers, URLs, punctuation, whitespace) with
 * UTF-16 offsets; the tokens join back to the text exactly. Listed words with letters, digits,
 * punctuation or spaces are kept whole wherever they occur (but never inside a Latin word or number);
 * listed Chinese words wherever segmentit's dictionary, or a tie, allows; a listed split (`小镇|上`)
 * cuts its text's words where it says, wherever it occurs.
 * `'近日，播客节目 No Priors'` with `['播客', 'No Priors']` → 近日 / ， / 播客 / 节目 / ␠ / No Priors; `''` → `[]`.
 */
export function segmentWords(text: string, words: WordList = []): Token[] {
  if (text === '') return [];
  const entries = words.map((word) => word.trim()).filter((word) => word !== '');
  // `小镇|上` is a split, not a word: applied to the tokens at the end.
  const splits = entries.map(parseSplit).filter((split): split is Split => split !== undefined);
  const listed = entries.filter((word) => !word.includes('|'));
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
  for (let at = 0; at < text.length;) {
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
  const preferred = preferListedWords(text, tokens, hanWords, segmenter);
  return splits.length > 0 ? applySplits(text, preferred, splits) : preferred;
}

/**
 * Lets go of the segmenter made for a word list (about 120 MB), when that list has just been
 * replaced by another: otherwise it stays until three newer lists push it out.
 */
export function forgetWordList(words: WordList): void {
  const listed = words.map((word) => word.trim()).filter((word) => word !== '' && !word.includes('|'));
  dropSegmenter(listed.filter((word) => HAN_WORD.test(word)));
}

/**
 * segmentit alone, with its default dictionaries: no word list, no bounds, no offsets. Only for
 * measuring the adapter against it; never call it on text with long runs of Han characters.
 * `segmentitAlone('自动驾驶汽车')` → e.g. `['自动', '驾驶', '汽车']`.
 */
export function segmentitAlone(text: string): string[] {
  return getSegmenter([]).cut(text);
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

/** A run of digits, with their decimal points or thousands commas (half- or full-width). */
const DIGIT_RUN = /[0-9０-９][0-9０-９.,，．]*/gu;
const HAS_HAN = /\p{Script=Han}/u;

/**
 * A word as tokens, its numbers apart from its characters: segmentit gives 2025年 and
 * 2024年9月8日 as one word, whose readings (nián, nián yuè rì) then sat over the numbers too.
 * `numbersApart('2024年9月8日', 0)` → `2024`, `年`, `9`, `月`, `8`, `日`.
 */
function numbersApart(word: string, start: number): Token[] {
  if (!HAS_HAN.test(word) || !/[0-9０-９]/u.test(word)) return [makeToken(word, start)];
  const tokens: Token[] = [];
  let at = 0;
  for (const match of word.matchAll(DIGIT_RUN)) {
    if (match.index > at) tokens.push(makeToken(word.slice(at, match.index), start + at));
    tokens.push(makeToken(match[0], start + match.index));
    at = match.index + match[0].length;
  }
  if (at < word.length) tokens.push(makeToken(word.slice(at), start + at));
  return tokens;
}

/** Segments text with no whitespace and no listed term in it, piece by bounded piece. */
function segmentFree(text: string, offset: number, segmenter: Segmenter): Token[] {
  const tokens: Token[] = [];
  let at = offset;
  for (const chunk of splitAtWidePunctuation(text)) {
    const pieces = splitLongRuns(chunk)
      .flatMap(capLength)
      .flatMap((piece) => splitByWays(piece, segmenter));
    for (const piece of pieces) {
      tokens.push(...alignWords(piece, at, segmenter.cut(piece)));
      at += piece.length;
    }
  }
  return tokens;
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
    tokens.push(...characterTokens(piece.slice(at, found), offset + at), ...numbersApart(word, offset + found));
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
