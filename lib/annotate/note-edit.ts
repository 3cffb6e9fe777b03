/**
 * Translator's notes written in the browser: where a selected passage anchors a note, what a
 * note's text may be, and the id a new note gets. Pure: the store reads and writes the file.
 */

/** The longest quote a note may be anchored to, in characters. */
export const MAX_NOTE_QUOTE = 500;
/** The longest note, in characters. */
export const MAX_NOTE_BODY = 4000;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Where a note is anchored: a quote of the block's Chinese (the n-th occurrence), and optionally a quote of its gloss. */
export interface NoteAnchor {
  quote: string;
  occurrence: number;
  enQuote?: string;
}

// Control characters other than tab and line feed have no place in a note or a quote.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

function countOf(text: string, quote: string): number {
  let count = 0;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) count += 1;
  return count;
}

/**
 * Anchors a selected passage of one paragraph: a quote of its Chinese is kept with its
 * occurrence (1 unless given); a quote found only in its gloss anchors the note to the whole
 * Chinese paragraph, its marker in the English going after the quote.
 * `anchorQuote('特拉斯', '其实特拉斯也会', 'Tesla too')` → `{ quote: '特拉斯', occurrence: 1 }`;
 * `anchorQuote('Tesla', '其实特拉斯也会', 'Tesla too')` → `{ quote: '其实特拉斯也会', occurrence: 1, enQuote: 'Tesla' }`.
 */
export function anchorQuote(quote: string, zh: string, gloss: string | undefined, occurrence?: number): Checked<NoteAnchor> {
  const trimmed = quote.normalize('NFC').trim();
  if (trimmed === '') return { ok: false, error: 'The quote is empty: select a passage of the paragraph' };
  if (trimmed.length > MAX_NOTE_QUOTE)
    return { ok: false, error: `The quote is ${trimmed.length} characters long; at most ${MAX_NOTE_QUOTE}` };
  if (CONTROL.test(trimmed) || trimmed.includes('\n'))
    return { ok: false, error: 'The quote holds a line break or a control character' };
  const inChinese = countOf(zh, trimmed);
  if (inChinese > 0) {
    const n = occurrence ?? 1;
    if (!Number.isInteger(n) || n < 1 || n > inChinese)
      return { ok: false, error: `The quote occurs ${inChinese} time(s) in the paragraph; occurrence ${n} is not one of them` };
    return { ok: true, value: { quote: trimmed, occurrence: n } };
  }
  if (gloss && gloss.includes(trimmed) && zh.trim() !== '')
    return { ok: true, value: { quote: zh, occurrence: 1, enQuote: trimmed } };
  return { ok: false, error: 'The quote is in neither the Chinese nor the gloss of this paragraph' };
}

/**
 * A note's text as stored: trimmed, line endings made `\n`, not empty, not too long, no control
 * characters. `checkNoteBody('  Typo for Tesla. ')` → `'Typo for Tesla.'`.
 */
export function checkNoteBody(body: string): Checked<string> {
  const text = body.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (text === '') return { ok: false, error: 'A note needs a text' };
  if (text.length > MAX_NOTE_BODY)
    return { ok: false, error: `The note is ${text.length} characters long; at most ${MAX_NOTE_BODY}` };
  if (CONTROL.test(text)) return { ok: false, error: 'The note holds a control character' };
  return { ok: true, value: text };
}

/** The id of a new note: one more than the highest `n<number>`. `nextNoteId(['n1', 'n31', 'x'])` → `'n32'`. */
export function nextNoteId(ids: Iterable<string>): string {
  let highest = 0;
  for (const id of ids) {
    const match = /^n(\d{1,9})$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `n${highest + 1}`;
}

/** Whether a URL's note id can name a note (the notes file's key shape). */
export function isNoteId(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,32}$/.test(value);
}
