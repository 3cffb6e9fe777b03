import { contentWords, wordKey } from './english';
import { chineseLength, englishLength } from './length';
import { chineseNumbers, englishNumbers } from './numbers';

/**
 * What the aligner knows about each sentence: its length, and the anchors that may tie it to a
 * sentence of the other side. Anchors are of two kinds: keys both sides share as written
 * (numbers as values, Latin-script names, a closing ? or !), and lexical items of the Chinese
 * (dictionary senses, glossary renderings) looked for among the English words.
 */

/** A Chinese word or term and the English renderings that show it was translated. */
export interface LexicalItem {
  /** The word or term (`'激光雷达'`); one item per key and sentence. */
  key: string;
  /** Renderings, each as its content words in `wordKey` form; one rendering found is enough. */
  renderings: string[][];
}

/** The lexical items of one Chinese sentence: `'激光雷达很贵。'` → `[{ key: '激光雷达', renderings: [['lidar']] }, …]`. */
export type Lexicon = (sentence: string) => readonly LexicalItem[];

export interface ZhFeatures {
  han: number;
  latin: number;
  /** Numbers and the final mark, shared with the English as written. */
  keys: Set<string>;
  /** Latin-script words (names, GPT-4), in `wordKey` form, looked for among the English words. */
  names: Set<string>;
  items: readonly LexicalItem[];
}

export interface EnFeatures {
  letters: number;
  keys: Set<string>;
  words: Set<string>;
}

const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:[-'’.][A-Za-z0-9]+)*/gu;
const FINAL_MARK = /([?？!！])[\s"'”’」』)）]*$/u;

function markKeys(text: string): string[] {
  const mark = FINAL_MARK.exec(text)?.[1];
  if (mark === undefined) return [];
  return [mark === '?' || mark === '？' ? 'mark:?' : 'mark:!'];
}

/** Features of a Chinese sentence. `'他用 GPT-4 吗？'` → han 3, latin 4, keys `num:4`, `mark:?`, names `gpt-4`. */
export function chineseFeatures(text: string, lexicon?: Lexicon): ZhFeatures {
  const keys = new Set<string>();
  for (const value of chineseNumbers(text)) keys.add(`num:${value}`);
  for (const mark of markKeys(text)) keys.add(mark);
  const names = new Set<string>();
  for (const [word] of text.matchAll(LATIN_WORD)) if (word.length > 1) names.add(wordKey(word));
  return { ...chineseLength(text), keys, names, items: lexicon?.(text) ?? [] };
}

/** Features of an English sentence. `'Does he use GPT-4?'` → letters 12, keys `num:4`, `mark:?`, words `use`, `gpt-4`. */
export function englishFeatures(text: string): EnFeatures {
  const keys = new Set<string>();
  for (const value of englishNumbers(text)) keys.add(`num:${value}`);
  for (const mark of markKeys(text)) keys.add(mark);
  return { letters: englishLength(text), keys, words: new Set(contentWords(text)) };
}

/** Whether an English sentence shows a lexical item: one of its renderings has all its words there. */
export function showsItem(item: LexicalItem, en: EnFeatures): boolean {
  return item.renderings.some((words) => words.every((word) => en.words.has(word)));
}

/** The anchors of Chinese sentence `zh` found in English sentence `en`, as anchor ids (`k:` keys, `n:` names, `i:` items). */
export function sharedAnchors(zh: ZhFeatures, en: EnFeatures): string[] {
  const shared: string[] = [];
  for (const key of zh.keys) if (en.keys.has(key)) shared.push(`k:${key}`);
  for (const name of zh.names) if (en.words.has(name)) shared.push(`n:${name}`);
  for (const item of zh.items) if (showsItem(item, en)) shared.push(`i:${item.key}`);
  return shared;
}
