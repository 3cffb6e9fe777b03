import type { GlossStatus, SavedStatus } from '@/lib/gloss/types';

/** How a unit's status is written in XLIFF 1.2: the `state` of `<target>` and `approved` of `<trans-unit>`. */
export interface Xliff12State {
  state?: string;
  approved?: 'yes';
}

/** How a unit's status is written in XLIFF 2.0: `state` and `subState` of `<segment>`. */
export interface Xliff20State {
  state: 'initial' | 'translated' | 'reviewed' | 'final';
  subState?: string;
}

/** Our sub-state for a gloss whose Chinese changed (2.0 has no needs-review state). */
export const STALE_SUBSTATE = 'br:stale';

/**
 * Status → XLIFF 1.2. untranslated → no target (`new` if one is written), draft → `translated`,
 * reviewed → `signed-off` with `approved="yes"`, stale → `needs-review-translation`.
 * `('reviewed')` → `{ state: 'signed-off', approved: 'yes' }`.
 */
export function toXliff12State(status: GlossStatus): Xliff12State {
  switch (status) {
    case 'untranslated':
      return { state: 'new' };
    case 'draft':
      return { state: 'translated' };
    case 'reviewed':
      return { state: 'signed-off', approved: 'yes' };
    case 'stale':
      return { state: 'needs-review-translation' };
  }
}

/**
 * Status → XLIFF 2.0. untranslated → `initial` (no target), draft → `translated`, reviewed →
 * `final`, stale → `initial` with subState `br:stale`. `('draft')` → `{ state: 'translated' }`.
 */
export function toXliff20State(status: GlossStatus): Xliff20State {
  switch (status) {
    case 'untranslated':
      return { state: 'initial' };
    case 'draft':
      return { state: 'translated' };
    case 'reviewed':
      return { state: 'final' };
    case 'stale':
      return { state: 'initial', subState: STALE_SUBSTATE };
  }
}

const REVIEWED_12 = new Set(['signed-off', 'final']);

/**
 * XLIFF 1.2 → the status an imported target is saved with: reviewed when the unit is approved or
 * its target is `signed-off`/`final`; draft otherwise (any other state, or none: a target present
 * is a translation). `({ state: 'final' })` → `'reviewed'`; `({ state: 'needs-review-translation' })` → `'draft'`.
 */
export function fromXliff12State(state: string | undefined, approved: string | undefined): SavedStatus {
  if (approved?.trim().toLowerCase() === 'yes') return 'reviewed';
  return state && REVIEWED_12.has(state.trim().toLowerCase()) ? 'reviewed' : 'draft';
}

/** XLIFF 2.0 → our status: `reviewed` and `final` are reviewed, anything else draft. `('final')` → `'reviewed'`. */
export function fromXliff20State(state: string | undefined): SavedStatus {
  const s = state?.trim().toLowerCase();
  return s === 'final' || s === 'reviewed' ? 'reviewed' : 'draft';
}
