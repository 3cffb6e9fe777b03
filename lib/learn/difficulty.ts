import { isAboveLevel, MAX_READER_LEVEL } from './hsk';

/** How hard a text is for readers of each HSK level, measured on its running Chinese words. */
export interface Difficulty {
  /** Chinese words counted (every occurrence). */
  tokens: number;
  /** Reader level ("1" … "9") → share of the words above it, rounded to 3 decimals. */
  aboveLevel: Record<string, number>;
  /** The lowest reader level that knows at least 95 % of the words; null when none does (or no words). */
  levelFor95: number | null;
}

/** The share of unknown words a reader can meet and still read fluently. */
export const FLUENT_SHARE = 0.05;

const round = (share: number) => Math.round(share * 1000) / 1000;

/**
 * The difficulty of a text from the reading level of each of its Chinese words (null: in no
 * HSK list). `textDifficulty([1, 1, 2, null])` → `{ tokens: 4, aboveLevel: { '1': 0.5, '2': 0.25, … }, levelFor95: null }`.
 */
export function textDifficulty(levels: readonly (number | null)[]): Difficulty {
  const aboveLevel: Record<string, number> = {};
  let levelFor95: number | null = null;
  for (let reader = 1; reader <= MAX_READER_LEVEL; reader++) {
    const above = levels.filter((level) => isAboveLevel(level, reader)).length;
    const share = levels.length === 0 ? 0 : above / levels.length;
    aboveLevel[String(reader)] = round(share);
    if (levelFor95 === null && levels.length > 0 && share <= FLUENT_SHARE) levelFor95 = reader;
  }
  return { tokens: levels.length, aboveLevel, levelFor95 };
}
