/**
 * Changes to a word-list file (`content/<slug>.terms`) made from the reading page: terms to keep
 * whole are added, terms removed, and splits (`小镇|上`: cut 小镇上 there) added or removed,
 * keeping the file's comments and order. Pure: the store reads and writes the file.
 */
import type { Checked } from './note-edit';
import { parseWordList } from './word-list';

export const MAX_LISTED_TERM = 40;
export const MAX_TERMS_PER_CHANGE = 50;

// The comment rule of parseWordList: `#` at the start of a line or after whitespace.
const COMMENT = /(?:^|\s)#.*$/;
const HAN = /\p{Script=Han}/u;

/** A line's term as parseWordList reads it ('' for a blank or comment line). */
function termOfLine(line: string): string {
  return line.replace(COMMENT, '').trim().replace(/\s+/g, ' ');
}

/**
 * A term as a line of a word list: trimmed, inner whitespace one space; refused when empty, too
 * long, holding a line break or a `#` that would start a comment, or, for a split, with an empty
 * part or no Chinese. `checkListedTerm(' 小镇|上 ')` → `'小镇|上'`.
 */
export function checkListedTerm(term: string): Checked<string> {
  const value = term
    .normalize('NFC')
    .trim()
    .replace(/[ \t]+/g, ' ');
  if (value === '') return { ok: false, error: 'A term is empty' };
  if (value.length > MAX_LISTED_TERM)
    return { ok: false, error: `The term "${value.slice(0, 20)}…" is longer than ${MAX_LISTED_TERM} characters` };
  if (/[\u0000-\u001F\u007F]/.test(value))
    return { ok: false, error: `The term "${value}" holds a line break or a control character` };
  if (value.startsWith('#') || /\s#/.test(value))
    return { ok: false, error: `The term "${value}" would be read as a comment (#)` };
  if (value.includes('|')) {
    const parts = value.split('|');
    if (parts.some((part) => part.trim() === '')) return { ok: false, error: `The split "${value}" has an empty part` };
    if (!HAN.test(value)) return { ok: false, error: `The split "${value}" has no Chinese character` };
  }
  return { ok: true, value };
}

export interface WordListChange {
  add?: readonly string[] | undefined;
  remove?: readonly string[] | undefined;
}

/**
 * Applies a change to a word-list file's text: removed terms lose their lines, added terms not
 * already listed go at the end, one a line; comments and the other lines stay as they are. A term
 * both added and removed is refused. `editWordList('# 词\n赋能\n', { add: ['播客'], remove: ['赋能'] })`
 * → `'# 词\n播客\n'`.
 */
export function editWordList(fileText: string, change: WordListChange): Checked<{ text: string; words: string[] }> {
  const add: string[] = [];
  const remove = new Set<string>();
  const count = (change.add?.length ?? 0) + (change.remove?.length ?? 0);
  if (count === 0) return { ok: false, error: 'Nothing to change: give terms to add or remove' };
  if (count > MAX_TERMS_PER_CHANGE) return { ok: false, error: `At most ${MAX_TERMS_PER_CHANGE} terms in one change` };
  for (const raw of change.remove ?? []) {
    const term = checkListedTerm(raw);
    if (!term.ok) return term;
    remove.add(term.value);
  }
  for (const raw of change.add ?? []) {
    const term = checkListedTerm(raw);
    if (!term.ok) return term;
    if (remove.has(term.value)) return { ok: false, error: `"${term.value}" is both added and removed` };
    if (!add.includes(term.value)) add.push(term.value);
  }
  const lines = fileText.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  if (lines.at(-1) === '') lines.pop();
  const kept = lines.filter((line) => !remove.has(termOfLine(line)));
  const listed = new Set(kept.map(termOfLine));
  for (const term of add) if (!listed.has(term)) kept.push(term);
  const text = kept.length === 0 ? '' : `${kept.join('\n')}\n`;
  return { ok: true, value: { text, words: parseWordList(text) } };
}
