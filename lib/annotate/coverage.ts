import type { DictionaryEntry } from './types';

/**
 * How well a text is annotated: the share of its Chinese words that get a meaning from the
 * dictionary, and how many words are four or more characters long (in a novel mostly mis-cuts,
 * 傳齊轎夫 or 鄉裡人聽見鑼響 taken as one word).
 */

const HAN = /\p{Script=Han}/gu;

export interface Coverage {
  /** Tokens with at least one Han character. */
  hanTokens: number;
  /** Of those, the ones with senses of their own (the word is in the dictionary). */
  withSenses: number;
  /** Of those, the ones explained: senses of their own, or every Han character has some. */
  explained: number;
  /** Of those, the ones of four or more Han characters. */
  long: number;
}

/** A word is explained when its entry has senses, or is put together from characters that all have some. */
export function isExplained(entry: DictionaryEntry | undefined): boolean {
  if (!entry) return false;
  if (entry.senses.length > 0) return true;
  const parts = entry.parts?.filter((part) => part.char.match(HAN)) ?? [];
  return parts.length > 0 && parts.every((part) => part.senses.length > 0);
}

/**
 * The coverage of a text's tokens, each with its dictionary entry.
 * `coverageOf([{ text: '母親', entry: { pinyin: 'mǔ qīn', senses: ['mother'] } }])` →
 * `{ hanTokens: 1, withSenses: 1, explained: 1, long: 0 }`; `[]` → all 0.
 */
export function coverageOf(tokens: readonly { text: string; entry: DictionaryEntry | undefined }[]): Coverage {
  const coverage: Coverage = { hanTokens: 0, withSenses: 0, explained: 0, long: 0 };
  for (const { text, entry } of tokens) {
    const han = text.match(HAN)?.length ?? 0;
    if (han === 0) continue;
    coverage.hanTokens += 1;
    if (entry && entry.senses.length > 0) coverage.withSenses += 1;
    if (isExplained(entry)) coverage.explained += 1;
    if (han >= 4) coverage.long += 1;
  }
  return coverage;
}

/** A share in percent with one decimal: `percent(618, 1000)` → `61.8`; nothing of nothing → 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
