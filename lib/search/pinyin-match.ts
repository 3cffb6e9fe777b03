/**
 * Pinyin queries: `zhēngliú`, `zheng1 liu2`, `zhengliu`, `zheng liu` all find 蒸馏. A block's
 * readings come from the reader's own pinyin layer (the reading in context); a query is read as
 * letters with optional tones and syllable breaks, and matched against the block's syllables
 * one Chinese character after another, so no syllable table is needed to split `zhengliu`.
 */

/** The readings of one block's Chinese characters, in order. */
export interface BlockSyllables {
  /** Toneless, lower-case, ü written as v: `zheng`, `lv`. Shared strings, one per distinct syllable. */
  syllables: string[];
  /** 1–4, or 0 for the neutral tone. */
  tones: Uint8Array;
  /** Offset of each character in the block's text. */
  starts: Uint32Array;
  /** Offset just past each character. */
  ends: Uint32Array;
}

const TONE_OF_MARK: Readonly<Record<string, number>> = { '\u0304': 1, '\u0301': 2, '\u030C': 3, '\u0300': 4 };
const UMLAUT = '\u0308';

const pool = new Map<string, string>();
function shared(syllable: string): string {
  let kept = pool.get(syllable);
  if (kept === undefined) {
    kept = syllable;
    if (pool.size < 10_000) pool.set(syllable, syllable);
  }
  return kept;
}

/** A tone-marked syllable as letters and tone. `splitTone('lǜ')` → `{ letters: 'lv', tone: 4 }`. */
export function splitTone(syllable: string): { letters: string; tone: number } {
  let letters = '';
  let tone = 0;
  for (const char of syllable.normalize('NFD').toLowerCase()) {
    const mark = TONE_OF_MARK[char];
    if (mark !== undefined) tone = mark;
    else if (char === UMLAUT) letters = letters.endsWith('u') ? `${letters.slice(0, -1)}v` : letters;
    else if (char >= 'a' && char <= 'z') letters += char;
  }
  return { letters, tone };
}

// A library has a few thousand distinct readings and millions of characters: split each reading once.
const splitReadings = new Map<string, { letters: string; tone: number }>();
function splitToneOnce(reading: string): { letters: string; tone: number } {
  let split = splitReadings.get(reading);
  if (!split) {
    split = splitTone(reading);
    split.letters = shared(split.letters);
    if (splitReadings.size < 20_000) splitReadings.set(reading, split);
  }
  return split;
}

/**
 * A block's syllables from its readings by offset (what `pinyinByOffset` returns).
 * `blockSyllables('蒸馏', ['zhēng', 'liú'])` → syllables `['zheng', 'liu']`, tones `[1, 2]`.
 */
export function blockSyllables(text: string, readings: readonly (string | undefined)[]): BlockSyllables {
  const syllables: string[] = [];
  const tones: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  readings.forEach((reading, at) => {
    if (!reading) return;
    const { letters, tone } = splitToneOnce(reading);
    if (!letters) return;
    syllables.push(letters);
    tones.push(tone);
    starts.push(at);
    ends.push(at + ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1));
  });
  return { syllables, tones: Uint8Array.from(tones), starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** A query term read as pinyin. */
export interface PinyinQuery {
  /** Toneless letters, ü as v: `zhengliu`. */
  letters: string;
  /** Tone required at a letter (from a tone mark on it), by letter index. */
  markTones: Map<number, number>;
  /** Positions where a syllable must end (a space, an apostrophe, a tone number), with the tone a number asked for. */
  breaks: Map<number, number | undefined>;
}

/**
 * Reads a term as pinyin, or `undefined` when it cannot be pinyin (other letters, digits other
 * than tone numbers). `parsePinyin('zheng1 liu2')` → letters `zhengliu`, breaks at 5 (tone 1) and 8 (tone 2);
 * `parsePinyin('lǜ')` → letters `lv`, tone 4 on the v.
 */
export function parsePinyin(term: string): PinyinQuery | undefined {
  let letters = '';
  const markTones = new Map<number, number>();
  const breaks = new Map<number, number | undefined>();
  const source = term.normalize('NFKC').normalize('NFD').toLowerCase();
  let afterLetter = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    const mark = TONE_OF_MARK[char];
    const wasAfterLetter = afterLetter;
    afterLetter = (char >= 'a' && char <= 'z') || mark !== undefined || char === UMLAUT || char === ':';
    if (char >= 'a' && char <= 'z') {
      if (char === 'u' && source[i + 1] === ':') {
        letters += 'v';
        i += 1;
      } else letters += char;
    } else if (mark !== undefined) {
      if (!letters) return undefined;
      markTones.set(letters.length - 1, mark);
    } else if (char === UMLAUT) {
      if (!letters.endsWith('u')) return undefined;
      letters = `${letters.slice(0, -1)}v`;
    } else if (char >= '1' && char <= '5') {
      if (!wasAfterLetter) return undefined;
      breaks.set(letters.length, char === '5' ? 0 : Number(char));
    } else if (/[\s'’-]/u.test(char)) {
      if (letters && !breaks.has(letters.length)) breaks.set(letters.length, undefined);
    } else {
      return undefined;
    }
  }
  if (!letters) return undefined;
  breaks.delete(0);
  return { letters, markTones, breaks };
}

/** Whether the syllable at `index` of a block continues the one before it with nothing in between. */
function adjacent(block: BlockSyllables, index: number): boolean {
  return index === 0 || block.starts[index] === block.ends[index - 1];
}

/** The number of characters matched from syllable `first`, or 0. */
function matchAt(block: BlockSyllables, first: number, query: PinyinQuery): number {
  const { letters } = query;
  let pos = 0;
  let index = first;
  while (pos < letters.length) {
    if (index >= block.syllables.length || (index > first && !adjacent(block, index))) return 0;
    const syllable = block.syllables[index] ?? '';
    if (!letters.startsWith(syllable, pos)) return 0;
    const end = pos + syllable.length;
    const tone = block.tones[index] ?? 0;
    for (let k = pos; k < end; k++) {
      const wanted = query.markTones.get(k);
      if (wanted !== undefined && wanted !== tone) return 0;
      if (k > pos && query.breaks.has(k)) return 0;
    }
    const numbered = query.breaks.get(end);
    if (numbered !== undefined && numbered !== tone) return 0;
    pos = end;
    index += 1;
  }
  return index - first;
}

/**
 * Where a pinyin query occurs in a block, as `[start, end)` offsets of its Chinese.
 * In 知识蒸馏 (zhī shi zhēng liú), `findPinyin(block, parsePinyin('zhengliu'))` → `[[2, 4]]`.
 */
export function findPinyin(block: BlockSyllables, query: PinyinQuery): [number, number][] {
  const found: [number, number][] = [];
  for (let first = 0; first < block.syllables.length; first++) {
    const count = matchAt(block, first, query);
    if (count > 0) {
      found.push([block.starts[first] ?? 0, block.ends[first + count - 1] ?? 0]);
      first += count - 1;
    }
  }
  return found;
}

/**
 * The ways a query's letters split into known syllables, respecting its breaks; at most `limit`.
 * `splitSyllables(parsePinyin('xian'), new Set(['xi', 'an', 'xian']))` → `[['xi', 'an'], ['xian']]`.
 */
export function splitSyllables(query: PinyinQuery, known: ReadonlySet<string>, limit = 8): string[][] {
  const { letters } = query;
  const out: string[][] = [];
  // Positions from which no split reaches the end: without them `xianxian…q` would take 2^n steps.
  const dead = new Set<number>();
  const walk = (pos: number, taken: string[]): boolean => {
    if (out.length >= limit) return true;
    if (pos === letters.length) {
      out.push([...taken]);
      return true;
    }
    if (dead.has(pos)) return false;
    let reached = false;
    // Syllables are 1–6 letters long (a, zhuang).
    for (let len = 1; len <= 6 && pos + len <= letters.length; len++) {
      if (len > 1 && query.breaks.has(pos + len - 1)) break;
      const syllable = letters.slice(pos, pos + len);
      if (!known.has(syllable)) continue;
      taken.push(syllable);
      if (walk(pos + len, taken)) reached = true;
      taken.pop();
    }
    if (!reached) dead.add(pos);
    return reached;
  };
  walk(0, []);
  return out;
}

/**
 * The tone a query asks of each syllable of one of its splits (from a mark on it or a number
 * after it), or undefined where it asks none.
 * `splitTones(parsePinyin('zhì neng'), ['zhi', 'neng'])` → `[4, undefined]`.
 */
export function splitTones(query: PinyinQuery, split: readonly string[]): (number | undefined)[] {
  let pos = 0;
  return split.map((syllable) => {
    const end = pos + syllable.length;
    let tone = query.breaks.get(end);
    for (let k = pos; k < end && tone === undefined; k++) tone = query.markTones.get(k);
    pos = end;
    return tone;
  });
}

/** A syllable with its tone as one engine token: `tonedSyllable('zhi', 4)` → `'zhi4'`; the neutral tone is 0. */
export function tonedSyllable(syllable: string, tone: number): string {
  return `${syllable}${tone}`;
}

/**
 * Several pinyin terms read as one, with a syllable break between them: `zheng` and `liu` as
 * `zheng liu`. `joinPinyin([parsePinyin('zheng'), parsePinyin('liu2')]).letters` → `'zhengliu'`.
 */
export function joinPinyin(queries: readonly PinyinQuery[]): PinyinQuery {
  let letters = '';
  const markTones = new Map<number, number>();
  const breaks = new Map<number, number | undefined>();
  for (const query of queries) {
    const offset = letters.length;
    if (offset > 0 && !breaks.has(offset)) breaks.set(offset, undefined);
    for (const [at, tone] of query.markTones) markTones.set(at + offset, tone);
    for (const [at, tone] of query.breaks) breaks.set(at + offset, tone);
    letters += query.letters;
  }
  return { letters, markTones, breaks };
}
