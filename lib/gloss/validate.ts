import { hashText } from '@/lib/text/hash';
import { describeUnstorable, findUnstorable } from '@/lib/text/unstorable';

/** The longest gloss a save accepts, in characters. */
export const MAX_GLOSS_LENGTH = 20_000;

export type GlossInput = { ok: true; text: string } | { ok: false; code: 'too-long' | 'empty' | 'invalid'; error: string };

// C0 and C1 control characters and DEL, except newline and tab.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Cleans a gloss as typed: Unicode NFC, line endings as LF, control characters other than
 * newline and tab removed, surrounding whitespace trimmed. Refuses more than MAX_GLOSS_LENGTH
 * characters, an empty result unless clearing was asked for, lone surrogates (half of a
 * character that UTF-8 cannot store; two such texts would share one revision) and noncharacters
 * such as U+FFFF (XML, and so EPUB and XLIFF, cannot carry them).
 * `('  Hello\r\nworld\u0007 ')` → `{ ok: true, text: 'Hello\nworld' }`.
 */
export function cleanGloss(raw: string, options: { allowEmpty?: boolean } = {}): GlossInput {
  const unstorable = findUnstorable(raw);
  if (unstorable) {
    return {
      ok: false,
      code: 'invalid',
      error: `The gloss contains ${describeUnstorable(unstorable)} at line ${unstorable.line}, column ${unstorable.column}, which cannot be stored or exported (EPUB and XLIFF cannot carry it); nothing was saved`,
    };
  }
  const text = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
  if ([...text].length > MAX_GLOSS_LENGTH) {
    return { ok: false, code: 'too-long', error: `A gloss can have at most ${MAX_GLOSS_LENGTH} characters` };
  }
  if (!text && !options.allowEmpty) {
    return { ok: false, code: 'empty', error: 'The gloss is empty; to remove it, clear it explicitly' };
  }
  return { ok: true, text };
}

/** The revision of a gloss: a hash of its text; absent and empty glosses share one. `('Hello')` → 12 hex digits. */
export function glossRevision(text: string | undefined): string {
  return hashText(text ?? '');
}
