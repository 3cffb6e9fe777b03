// Checked by hand (stored-value.ts): this module runs in the browser on every reading page, so it
// holds only what reading the stored list needs; saving, sorting and exporting are in word-list.ts.
import { isIsoDateTime, isNumberIn, isRecord, isText, readArray } from './stored-value';

/**
 * A reader's saved words, kept in the browser (localStorage), and their export for Anki (TSV) and
 * spreadsheets (CSV). Pure: storage is the caller's. Everything here may come from a stored list
 * a page or a person edited, so it is validated on the way in and escaped on the way out.
 */

/** Where a word was met: the Chinese sentence, its paragraph's English, and a link back. */
export interface WordContext {
  sentence: string;
  english: string;
  slug: string;
  /** The text's title as shown when saved. */
  title: string;
  /** `/read/<slug>#<block id>`. */
  permalink: string;
  /** ISO time of saving. */
  savedAt: string;
}

export interface SavedWord {
  word: string;
  /** The reading in the context it was first saved from. */
  pinyin: string;
  senses: string[];
  /** HSK 3.0 level (else 2.0); null when in no list. */
  hsk: number | null;
  /** Newest first; one per place the word was saved from. */
  contexts: WordContext[];
}

/** Limits that keep a stored list small whatever is put into it. */
export const WORD_LIST_LIMITS = { words: 5_000, contexts: 10, field: 2_000, senses: 8 } as const;

const SLUG = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const PERMALINK = /^\/read\/[a-z0-9][a-z0-9_-]{0,79}(?:#[a-z][a-z0-9]{5})?$/;
const isField = (value: unknown): value is string => isText(value, 0, WORD_LIST_LIMITS.field);

function readContext(value: unknown): WordContext | undefined {
  if (!isRecord(value)) return undefined;
  const { sentence, english, slug, title, permalink, savedAt } = value;
  if (!isField(sentence) || !isField(english) || !isText(slug, 0, Infinity, SLUG) || !isField(title)) return undefined;
  if (!isText(permalink, 0, Infinity, PERMALINK) || !isIsoDateTime(savedAt)) return undefined;
  return { sentence, english, slug, title, permalink, savedAt };
}

/** One stored word with only its known fields, or undefined when it is not well formed. */
export function readSavedWord(value: unknown): SavedWord | undefined {
  if (!isRecord(value)) return undefined;
  const { word, pinyin, hsk } = value;
  if (!isText(word, 1, 32) || !isField(pinyin) || !(hsk === null || isNumberIn(hsk, 1, 9, true))) return undefined;
  const senses = readArray(value.senses, 0, WORD_LIST_LIMITS.senses, (s) => (isField(s) ? s : undefined));
  const contexts = readArray(value.contexts, 1, WORD_LIST_LIMITS.contexts, readContext);
  if (!senses || !contexts) return undefined;
  return { word, pinyin, senses, hsk, contexts };
}

/**
 * A stored word list, keeping the entries that are well formed and dropping the rest (a list is
 * never lost whole for one bad entry). `parseWordList('[]')` → `[]`; `parseWordList('x')` → `[]`.
 */
export function parseWordList(json: string | null): SavedWord[] {
  if (!json) return [];
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.flatMap((entry) => {
    const parsed = readSavedWord(entry);
    return parsed ? [parsed] : [];
  });
}
