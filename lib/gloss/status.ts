import type { GlossState, GlossStatus } from './types';
import { glossRevision } from './validate';

/**
 * Whether a gloss has English in it: the one definition of "translated" (a whitespace-only
 * gloss is untranslated everywhere). `hasGloss('  ')` → false, `hasGloss('Hello')` → true.
 */
export function hasGloss(en: string | undefined | null): en is string {
  return typeof en === 'string' && en.trim() !== '';
}

/**
 * The status of one gloss: untranslated without English text, stale when the Chinese changed
 * since the gloss was saved (its hash differs), else what the translator marked it; a state
 * recorded for another revision of the gloss says nothing about this one, which is a draft.
 * `('Hello', { hash: 'abc…', status: 'reviewed' }, 'abc…')` → `'reviewed'`.
 */
export function glossStatus(en: string | undefined, state: GlossState | undefined, currentHash: string): GlossStatus {
  if (!hasGloss(en)) return 'untranslated';
  if (!state) return 'draft';
  if (state.revision !== undefined && state.revision !== glossRevision(en)) return 'draft';
  if (state.hash !== currentHash) return 'stale';
  return state.status;
}
