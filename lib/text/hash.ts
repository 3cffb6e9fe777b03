import { createHash } from 'node:crypto';

/**
 * A short, stable fingerprint of a block's text (NFC-normalised, so the same characters in
 * another Unicode form hash alike). `'你好'` → `'670d9743542c'` (12 hex digits of SHA-256).
 */
export function hashText(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex').slice(0, 12);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const ID_LENGTH = 6;

/**
 * A candidate block id derived from the text and an attempt number: six URL-safe
 * characters, starting with a letter so it also works as an HTML id and CSS selector.
 * `('你好', 0)` → e.g. `'kq3z9a'`; a new attempt gives another candidate.
 */
export function candidateId(text: string, attempt: number): string {
  const bytes = createHash('sha256')
    .update(`${attempt}\u0000${text.normalize('NFC')}`, 'utf8')
    .digest();
  let id = LETTERS[(bytes[0] ?? 0) % LETTERS.length] ?? 'a';
  for (let i = 1; i < ID_LENGTH; i += 1) id += ALPHANUMERIC[(bytes[i] ?? 0) % ALPHANUMERIC.length];
  return id;
}

/** Whether a string has the shape of a block id; checked before any lookup. */
export function isBlockId(value: string): boolean {
  return /^[a-z][a-z0-9]{5}$/.test(value);
}
