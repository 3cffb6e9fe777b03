/**
 * HSK levels of words, from the complete-hsk-vocabulary lists (lib/learn/data/README.md): the new
 * HSK 3.0 (levels 1–6, and 7 for its one band 7–9) and the old HSK 2.0 (1–6). Pure: the data is
 * read by lib/store/hsk-data.ts and handed in.
 */

/** The levels of a word in each list; null where the list lacks it. */
export interface HskLevels {
  '3.0': number | null;
  '2.0': number | null;
}

/** The data file's shape: word → `[HSK 3.0, HSK 2.0]` (0 = not listed); traditional form → simplified. */
export interface HskData {
  words: Record<string, [number, number]>;
  traditional: Record<string, string>;
}

/** Highest level a reader can choose: HSK 3.0 goes to 9 (its last band is 7–9). */
export const MAX_READER_LEVEL = 9;

/** Written 7 in the data, HSK 3.0's last band covers 7, 8 and 9. */
export const LAST_BAND = 7;

const fromPair = ([current, old]: [number, number]): HskLevels => ({ '3.0': current || null, '2.0': old || null });

/**
 * A word's levels: the word as written, else its simplified form (given by the annotate pipeline
 * for a traditional text, or the list's own traditional forms); null when no list has it.
 * `hskLevels(data, '銀行')` → `{ '3.0': 2, '2.0': 3 }`.
 */
export function hskLevels(data: HskData, word: string, simplified?: string): HskLevels | null {
  for (const form of [word, simplified, data.traditional[word]]) {
    if (!form) continue;
    const pair = Object.hasOwn(data.words, form) ? data.words[form] : undefined;
    if (pair) return fromPair(pair);
  }
  return null;
}

/** Chinese numerals and digits only (三十五, 2025, 一百): counted as level 1, whatever the lists say. */
const NUMERAL = /^[0-9０-９零〇一二三四五六七八九十百千万亿两]+$/u;

/**
 * The level used to mark and measure a word: its HSK 3.0 level, else its HSK 2.0 level, 1 for a
 * number, and null (beyond the lists) otherwise. `readingLevel(data, '银行')` → `2`; `'三十五'` → `1`.
 */
export function readingLevel(data: HskData, word: string, simplified?: string): number | null {
  const levels = hskLevels(data, word, simplified);
  if (levels) return levelOfPair([levels['3.0'] ?? 0, levels['2.0'] ?? 0], word);
  return levelOfPair(undefined, word, partsLevel(data, simplified ?? word));
}

/** Longest listed word tried when splitting an unlisted one. */
const LONGEST_PART = 6;

/**
 * The level of a word the lists lack, from listed words it is made of (the segmenter joins
 * 一个, 我认为, 不同的): split into the fewest listed parts, the highest of their levels; null
 * when some character belongs to no listed part (names such as 特斯拉 stay unlisted).
 * `partsLevel(data, '自动驾驶')` → `5` (自动 3, 驾驶 5).
 */
export function partsLevel(data: HskData, word: string): number | null {
  const chars = [...word];
  if (chars.length < 2) return null;
  // best[i]: the fewest parts covering chars[0, i), with the highest level among them.
  const best: ({ parts: number; level: number } | null)[] = [{ parts: 0, level: 0 }];
  for (let end = 1; end <= chars.length; end++) {
    best[end] = null;
    for (let start = Math.max(0, end - LONGEST_PART); start < end; start++) {
      const before = best[start];
      if (!before || (start === 0 && end === chars.length)) continue;
      const piece = chars.slice(start, end).join('');
      const pair = Object.hasOwn(data.words, piece) ? data.words[piece] : undefined;
      const level = levelOfPair(pair, piece);
      if (level === null) continue;
      const next = { parts: before.parts + 1, level: Math.max(before.level, level) };
      const known = best[end];
      if (!known || next.parts < known.parts || (next.parts === known.parts && next.level < known.level)) best[end] = next;
    }
  }
  return best[chars.length]?.level ?? null;
}

/**
 * The same from a page lexicon's `[HSK 3.0, HSK 2.0]` pair (undefined: not listed) and, for an
 * unlisted word, the level of its parts (see partsLevel), in the browser.
 * `levelOfPair([0, 6], '一丝不苟')` → `6`; `levelOfPair(undefined, '特拉斯')` → `null`.
 */
export function levelOfPair(pair: readonly [number, number] | undefined, word: string, fromParts?: number | null): number | null {
  if (pair?.[0]) return pair[0];
  if (pair?.[1]) return pair[1];
  if (NUMERAL.test(word)) return 1;
  return fromParts ?? null;
}

/**
 * The value of a word span's `data-hsk` attribute, which the level options' styles key on:
 * the level, `x` beyond the lists, and none for level 1 (never above a reader), to keep pages small.
 * `hskAttribute(4)` → `'4'`; `hskAttribute(null)` → `'x'`; `hskAttribute(1)` → `undefined`.
 */
export function hskAttribute(level: number | null): string | undefined {
  if (level === null) return 'x';
  return level > 1 ? String(level) : undefined;
}

/**
 * Whether a word at `level` (null: not in the lists) is above a reader at `readerLevel`: a word of
 * the band 7–9 is above readers of levels 1–6 only. `isAboveLevel(4, 3)` → `true`; `isAboveLevel(7, 8)` → `false`.
 */
export function isAboveLevel(level: number | null, readerLevel: number): boolean {
  if (level === null) return true;
  return level > Math.min(readerLevel, LAST_BAND);
}
