/**
 * Pure cutting of text into pieces segmentit can take: segmentit's tokenizer is exponential in a
 * Han run's length and its optimizers quadratic in a piece's words, so long runs and pieces are
 * cut first. Every function here is total and its pieces join back to the text.
 */

/** The longest run of Han characters segmentit is given at once: its tokenizer is exponential in a run's length. */
export const MAX_RUN = 30;

// segmentit scores every way of cutting a run into dictionary words (about 10 µs each here). A run with
// more ways than this is cut again, at a point no dictionary word spans if there is one ('哈哈哈…' has none).
const MAX_WAYS = 500;
// Longer pieces are cut too: segmentit's optimizers are quadratic in a piece's words ('a-' × 5,000 took
// 0.3 s, × 25,000 73 s). Only text with no whitespace and no wide punctuation for this long gets here.
const MAX_PIECE = 200;

const HAN_RUN = /\p{Script=Han}+/gu;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const LOW_SURROGATE = /[\uDC00-\uDFFF]/;

// Where a long run may be cut: after one of these particles (的 first), unless it starts a word with the next character.
const PARTICLES = ['的', '了是在和'];
const PARTICLE_WORDS = new Set([
  '的确',
  '的士',
  '的话',
  '了解',
  '了结',
  '了却',
  '是否',
  '是非',
  '在于',
  '在乎',
  '在意',
  '和平',
  '和谐',
  '和睦',
  '和蔼',
  '和尚',
]);

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
    for (let from = 0; chars.length - from > MAX_RUN;) {
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

export function cutAt(text: string, cuts: readonly number[]): string[] {
  if (text === '') return [];
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(1).map((end, i) => text.slice(bounds[i], end));
}

/**
 * Cuts text before and after each run of punctuation or symbols outside ASCII (，。「」…), which never
 * join a word, keeping chunks small. ASCII punctuation stays in: 3.14, 10%, a@b.com.
 */
export function splitAtWidePunctuation(text: string): string[] {
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
export function capLength(piece: string): string[] {
  const cuts: number[] = [];
  for (let from = 0; piece.length - from > MAX_PIECE;) {
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

/** A segmenter's dictionary as the counting of segmentations needs it. */
export interface WordLengths {
  /** Dictionary words by length. */
  table: Readonly<Record<number, Readonly<Record<string, unknown>>>>;
  /** The lengths of the words each character starts, shortest first. */
  lengthsByFirst: ReadonlyMap<string, readonly number[]>;
}

// ---- Bounding the ways segmentit tries ----

/** Cuts a piece's Han runs until none has more than MAX_WAYS segmentations. */
export function splitByWays(piece: string, segmenter: WordLengths): string[] {
  const cuts: number[] = [];
  for (const match of piece.matchAll(HAN_RUN)) {
    cuts.push(...boundedCuts(match[0], segmenter).map((cut) => cut + match.index));
  }
  return cutAt(piece, cuts);
}

/** Cut points (offsets into `run`) that leave no part with more than MAX_WAYS segmentations. */
function boundedCuts(run: string, segmenter: WordLengths): number[] {
  if (2 ** (run.length - 1) <= MAX_WAYS) return [];
  const ends = wordEnds(run, segmenter);
  if (countWays(ends) <= MAX_WAYS) return [];
  const cut = bestCut(run, ends);
  return [...boundedCuts(run.slice(0, cut), segmenter), cut, ...boundedCuts(run.slice(cut), segmenter).map((c) => c + cut)];
}

/** For each position, where the dictionary words starting there end (one character if none), as segmentit sees it. */
function wordEnds(run: string, { table, lengthsByFirst }: WordLengths): number[][] {
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
