// Saving, sorting, searching and exporting the saved words (Anki TSV, CSV); reading a stored list
// is in saved-word.ts, which reading pages load without the rest.

import { splitSentences } from '@/lib/align/sentences';
import { WORD_LIST_LIMITS, type SavedWord } from './saved-word';

export { parseWordList, readSavedWord, WORD_LIST_LIMITS, type SavedWord, type WordContext } from './saved-word';

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
