import 'server-only';
import { StoreWriteError, type StoreWriteReason } from '@/lib/store/errors';
import { hashText } from '@/lib/text/hash';

/**
 * What a change to a note, a glossary entry or a word list gives: the stored object, or why not.
 * `conflict` carries what is stored now (null when it is gone), like a gloss save's 409.
 */
export type AnnotationResult<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'not-found' | 'invalid'; error: string }
  | { ok: false; kind: 'conflict'; error: string; current: unknown }
  | { ok: false; kind: 'store'; error: string; reason: StoreWriteReason };

/** The revision of a stored entry or file: a hash of what is stored. `revisionOf({ en: ['Tesla'] })` → 12 hex digits. */
export function revisionOf(value: unknown): string {
  return hashText(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Runs a change, turning a failed write into a result that says nothing was saved and why. */
export async function storing<T>(change: () => Promise<AnnotationResult<T>>): Promise<AnnotationResult<T>> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof StoreWriteError)
      return { ok: false, kind: 'store', reason: error.reason, error: `Nothing was saved: ${error.message}` };
    throw error;
  }
}
