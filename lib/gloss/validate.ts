import { hashText } from '@/lib/text/hash';

/** The longest gloss a save accepts, in characters. */
export const MAX_GLOSS_LENGTH = 20_000;

export type GlossInput = { ok: true; text: string } | { ok: false; code: 'too-long' | 'empty' | 'invalid'; error: string };

// Half of a surrogate pair with no other half.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// C0 and C1 control characters and DEL, except newline and tab.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Cleans a gloss as typed: Unicode NFC, line endings as LF, control characters other than
 * newline and tab removed, surrounding whitespace trimmed. Refuses more than MAX_GLOSS_LENGTH
 * characters, an empty result unless clearing was asked for, and lone surrogates (half of a
 * character that UTF-8 cannot store; two such texts would share one revision).
 * `('  Hello\r\nworld\u0007 ')` → `{ ok: true, text: 'Hello\nworld' }`.
 */
export function cleanGloss(raw: string, options: { allowEmpty?: boolean } = {}): GlossInput {
  if (LONE_SURROGATE.test(raw)) {
    return {
      ok: false,
      code: 'invalid',
      error: 'The gloss contains a broken character (a lone UTF-16 surrogate); nothing was saved',
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
