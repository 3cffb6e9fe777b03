/**
 * Glossary entries written in the browser: what a term and its renderings may be, checked
 * before anything is stored. Pure: the store reads and writes the files.
 */
import type { Checked } from './note-edit';

export const MAX_TERM_CHARS = 40;
export const MAX_RENDERINGS = 20;
export const MAX_RENDERING_CHARS = 200;
export const MAX_TERM_NOTE = 2000;

/** A glossary entry as its file stores it (the term is the key). */
export interface StoredTermEntry {
  en?: string[];
  forbidden?: string[];
  note?: string;
  doNotTranslate?: true;
}

/** What a request asks to store for a term. */
export interface TermEntryInput {
  en: readonly string[];
  forbidden?: readonly string[] | undefined;
  note?: string | undefined;
  doNotTranslate?: boolean | undefined;
}

const HAN = /\p{Script=Han}/u;
const CONTROL = /[\u0000-\u001F\u007F]/;

/**
 * A term as a glossary key: NFC, trimmed, with at least one Chinese character, no line break or
 * control character, at most MAX_TERM_CHARS. `checkTerm(' 特拉斯 ')` → `'特拉斯'`; `checkTerm('Tesla')` → error.
 */
export function checkTerm(term: string): Checked<string> {
  const value = term.normalize('NFC').trim();
  if (value === '') return { ok: false, error: 'The term is empty' };
  if (value.length > MAX_TERM_CHARS) return { ok: false, error: `The term is longer than ${MAX_TERM_CHARS} characters` };
  if (CONTROL.test(value)) return { ok: false, error: 'The term holds a line break or a control character' };
  if (!HAN.test(value)) return { ok: false, error: 'A glossary term is Chinese: it needs at least one Chinese character' };
  return { ok: true, value };
}

function checkRenderings(list: readonly string[], what: string): Checked<string[]> {
  if (list.length > MAX_RENDERINGS) return { ok: false, error: `At most ${MAX_RENDERINGS} ${what} renderings` };
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of list) {
    const value = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (value === '') return { ok: false, error: `An ${what} rendering is empty` };
    if (value.length > MAX_RENDERING_CHARS)
      return {
        ok: false,
        error: `The ${what} rendering "${value.slice(0, 40)}…" is longer than ${MAX_RENDERING_CHARS} characters`,
      };
    if (CONTROL.test(value)) return { ok: false, error: `The ${what} rendering "${value}" holds a control character` };
    const key = value.toLowerCase();
    if (seen.has(key)) return { ok: false, error: `The ${what} rendering "${value}" is listed twice` };
    seen.add(key);
    out.push(value);
  }
  return { ok: true, value: out };
}

/**
 * Checks a glossary entry and gives it in the shape its file stores: approved renderings (at least
 * one, unless the term is a name kept as written), forbidden ones that are not also approved, an
 * optional note; empty optional parts are left out.
 * `checkTermEntry({ en: ['merge'], forbidden: ['merger'] })` → `{ en: ['merge'], forbidden: ['merger'] }`.
 */
export function checkTermEntry(input: TermEntryInput): Checked<StoredTermEntry> {
  const en = checkRenderings(input.en, 'approved');
  if (!en.ok) return en;
  const forbidden = checkRenderings(input.forbidden ?? [], 'forbidden');
  if (!forbidden.ok) return forbidden;
  if (en.value.length === 0 && !input.doNotTranslate)
    return { ok: false, error: 'A term needs at least one approved English rendering (or to be kept as written)' };
  const approved = new Set(en.value.map((r) => r.toLowerCase()));
  const both = forbidden.value.find((r) => approved.has(r.toLowerCase()));
  if (both !== undefined) return { ok: false, error: `"${both}" cannot be both approved and forbidden` };
  const note = (input.note ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (note.length > MAX_TERM_NOTE) return { ok: false, error: `The note is longer than ${MAX_TERM_NOTE} characters` };
  if (/[\u0000-\u0008\u000B-\u001F\u007F]/.test(note)) return { ok: false, error: 'The note holds a control character' };
  return {
    ok: true,
    value: {
      ...(en.value.length > 0 ? { en: en.value } : {}),
      ...(forbidden.value.length > 0 ? { forbidden: forbidden.value } : {}),
      ...(note !== '' ? { note } : {}),
      ...(input.doNotTranslate ? { doNotTranslate: true as const } : {}),
    },
  };
}

/**
 * A file of keyed entries as JSON with one entry a line, so a change is one line in a diff.
 * `serializeEntryFile({ n1: { body: 'x' } })` → `'{\n  "n1": {"body":"x"}\n}\n'`.
 */
export function serializeEntryFile(entries: Readonly<Record<string, unknown>>): string {
  const lines = Object.entries(entries).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return lines.length === 0 ? '{}\n' : `{\n${lines.join(',\n')}\n}\n`;
}
