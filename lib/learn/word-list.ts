// Checked by hand (stored-value.ts): this module runs in the browser on every reading page.
import { splitSentences } from '@/lib/align/sentences';
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

/** The sentence of `paragraph` that holds offset `at`: `sentenceAt('我去银行。他在家。', 6)` → `'他在家。'`. */
export function sentenceAt(paragraph: string, at: number): string {
  const sentences = splitSentences(paragraph, 'zh');
  const found = sentences.find((s) => s.start <= at && at < s.end) ?? sentences.findLast((s) => s.start <= at);
  return (found?.text ?? paragraph.trim()).slice(0, WORD_LIST_LIMITS.field);
}

/**
 * The list with a word saved: a new word goes first; a word already saved gains the new context
 * (first), unless it was saved from the same sentence of the same paragraph, which only refreshes it.
 * `saveWord([], { word: '银行', … })` → `[{ word: '银行', … }]`.
 */
export function saveWord(list: readonly SavedWord[], entry: SavedWord): SavedWord[] {
  const known = list.find((w) => w.word === entry.word);
  if (!known) return [entry, ...list].slice(0, WORD_LIST_LIMITS.words);
  const fresh = entry.contexts.filter(
    (c) => !known.contexts.some((k) => k.permalink === c.permalink && k.sentence === c.sentence),
  );
  const merged: SavedWord = { ...known, contexts: [...fresh, ...known.contexts].slice(0, WORD_LIST_LIMITS.contexts) };
  return [merged, ...list.filter((w) => w !== known)];
}

/** The list without `word`. */
export function removeWord(list: readonly SavedWord[], word: string): SavedWord[] {
  return list.filter((w) => w.word !== word);
}

export const wordOrders = ['date', 'level', 'text'] as const;
export type WordOrder = (typeof wordOrders)[number];

const newest = (w: SavedWord) => w.contexts[0]?.savedAt ?? '';
const byNewest = (a: SavedWord, b: SavedWord) => (newest(a) < newest(b) ? 1 : newest(a) > newest(b) ? -1 : 0);

/**
 * The list in an order: newest saved first, by HSK level (unlisted last; newest first within a
 * level) or by the title of the text last met in. Stable, and never changes its input.
 */
export function sortWords(list: readonly SavedWord[], order: WordOrder): SavedWord[] {
  const sorted = [...list].sort(byNewest);
  if (order === 'level') return sorted.sort((a, b) => (a.hsk ?? 99) - (b.hsk ?? 99));
  if (order === 'text') return sorted.sort((a, b) => (a.contexts[0]?.title ?? '').localeCompare(b.contexts[0]?.title ?? ''));
  return sorted;
}

/**
 * The words matching a search, in the word, its pinyin (tone marks optional), senses or
 * sentences, case-insensitively. `filterWords(list, 'yinhang')` finds 银行 (yín háng).
 */
export function filterWords(list: readonly SavedWord[], query: string): SavedWord[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, '');
  const wanted = fold(query);
  if (!wanted) return [...list];
  return list.filter((w) =>
    [w.word, w.pinyin, ...w.senses, ...w.contexts.flatMap((c) => [c.sentence, c.english, c.title])].some((s) =>
      fold(s).includes(wanted),
    ),
  );
}

/**
 * The sentence with the word made an Anki cloze (its first occurrence): `clozeOf('我去银行。', '银行')`
 * → `'我去{{c1::银行}}。'`; the word alone as a cloze when the sentence lacks it. Braces already in
 * the sentence are kept apart so they cannot close the cloze early.
 */
export function clozeOf(sentence: string, word: string): string {
  const safe = (s: string) => s.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }').replace(/::/g, ': :');
  const at = sentence.indexOf(word);
  if (at < 0) return `{{c1::${safe(word)}}}`;
  return `${safe(sentence.slice(0, at))}{{c1::${safe(word)}}}${safe(sentence.slice(at + word.length))}`;
}

/** The columns of an export, in order: one row per word and context. */
export const EXPORT_COLUMNS = ['Cloze', 'Word', 'Pinyin', 'Meaning', 'HSK', 'English', 'Source'] as const;

function rows(list: readonly SavedWord[], origin: string): string[][] {
  return list.flatMap((w) =>
    w.contexts.map((c) => [
      clozeOf(c.sentence, w.word),
      w.word,
      w.pinyin,
      w.senses.join('; '),
      w.hsk === null ? '' : String(w.hsk),
      c.english,
      `${c.title} ${origin}${c.permalink}`.trim(),
    ]),
  );
}

/** A TSV field: tabs and line breaks become spaces (Anki's TSV has no quoting when html is off). */
const tsvField = (value: string) => value.replace(/[\t\r\n]+/g, ' ').trim();

/**
 * The list as a file Anki imports (File → Import): header lines saying the separator, that fields
 * are plain text, and the column names; then one row per word and context, its sentence a cloze.
 * `origin` makes the links absolute (`https://example.org`, or '' to keep them relative).
 */
export function toAnkiTsv(list: readonly SavedWord[], origin = ''): string {
  const header = ['#separator:tab', '#html:false', `#columns:${EXPORT_COLUMNS.join('\t')}`];
  const body = rows(list, origin).map((row) => row.map(tsvField).join('\t'));
  return `${[...header, ...body].join('\n')}\n`;
}

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * A formula-looking field (`=`, `+`, `-`, `@` first) gets a leading apostrophe, so a spreadsheet
 * shows it instead of running it: a saved sentence is text anyone may have written.
 */
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The list as CSV (RFC 4180, CRLF line ends) with a header row, one row per word and context. */
export function toCsv(list: readonly SavedWord[], origin = ''): string {
  const lines = [[...EXPORT_COLUMNS], ...rows(list, origin).map((row) => row.map(inert))];
  return `${lines.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * Two word lists merged (this browser's and the account's, on sign-in): every word of both, each
 * with the contexts of both (the same place once). `mergeWordLists([银行 at A], [银行 at B])` →
 * `[银行 at A and B]`.
 */
export function mergeWordLists(mine: readonly SavedWord[], theirs: readonly SavedWord[]): SavedWord[] {
  let merged = [...mine];
  // Oldest first, so the words of `theirs` keep their order after the ones only `mine` has.
  for (const entry of [...theirs].reverse()) merged = saveWord(merged, entry);
  return merged.slice(0, WORD_LIST_LIMITS.words);
}
