/**
 * What the search needs from a full-text engine: documents of pre-made tokens in three fields,
 * and "which documents hold all of these tokens in this field". Tokenising, folding, matching
 * and highlighting are ours, so a deployment with a very large library can put a search server
 * behind this interface without touching anything else.
 */
export const engineFields = ['zh', 'en', 'py'] as const;
export type EngineField = (typeof engineFields)[number];

export interface EngineDocument {
  /** A number unique among the live documents. */
  key: number;
  /** Folded Han characters and stems of the Latin words in the Chinese. */
  zh: string[];
  /** Stems of the glosses' words: English as they are, other languages prefixed (`fr:chat`). */
  en: string[];
  /** Toneless syllables of the Chinese characters. */
  py: string[];
}

export interface SearchEngine {
  add(document: EngineDocument): void;
  remove(key: number): void;
  /** The documents that hold every token in the field, each with a relevance score (higher is better). */
  match(field: EngineField, tokens: readonly string[]): Map<number, number>;
  /** How many documents are live. */
  readonly size: number;
}
