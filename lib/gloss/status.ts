import type { GlossState, GlossStateFile, GlossStatus } from './types';
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

/**
 * States written before the revision of a reviewed gloss was recorded say "reviewed" for any
 * text, so a hand edit after the review still looked reviewed. This records, for each such
 * state, the revision of the gloss as it is now (the best that can be known: the gloss at the
 * first sync after this change is taken as the one reviewed), so a later edit makes it a draft.
 * Returns the states (a new object only when something changed) and the keys recorded.
 * `({ a: 'Hi' }, { a: { hash, zh, status: 'reviewed' } })` → `{ states: { a: { …, revision: glossRevision('Hi') } }, recorded: ['a'] }`.
 */
export function recordReviewedRevisions(
  glosses: Readonly<Record<string, string>>,
  states: GlossStateFile,
): { states: GlossStateFile; recorded: string[] } {
  const recorded = Object.keys(states).filter((key) => {
    const state = states[key];
    return state?.status === 'reviewed' && state.revision === undefined && hasGloss(glosses[key]);
  });
  if (recorded.length === 0) return { states, recorded };
  const next: GlossStateFile = { ...states };
  for (const key of recorded) next[key] = { ...states[key]!, revision: glossRevision(glosses[key]) };
  return { states: next, recorded };
}
