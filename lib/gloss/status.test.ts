import { describe, expect, it } from 'vitest';
import { glossStatus, recordReviewedRevisions } from './status';
import type { GlossStateFile } from './types';
import { glossRevision } from './validate';

const HASH = 'abcdef012345';
const state = (status: 'draft' | 'reviewed', revision?: string) => ({
  hash: HASH,
  zh: '中文',
  status,
  ...(revision ? { revision } : {}),
});

describe('recordReviewedRevisions', () => {
  const cases: { name: string; glosses: Record<string, string>; states: GlossStateFile; recorded: string[] }[] = [
    { name: 'nothing to record', glosses: {}, states: {}, recorded: [] },
    { name: 'a reviewed state without a revision', glosses: { a: 'Hello' }, states: { a: state('reviewed') }, recorded: ['a'] },
    { name: 'a draft needs none', glosses: { a: 'Hello' }, states: { a: state('draft') }, recorded: [] },
    {
      name: 'a revision already recorded is kept',
      glosses: { a: 'Hello' },
      states: { a: state('reviewed', glossRevision('Earlier')) },
      recorded: [],
    },
    { name: 'no gloss, nothing reviewed', glosses: { a: '  ' }, states: { a: state('reviewed') }, recorded: [] },
  ];
  it.each(cases)('$name', ({ glosses, states, recorded }) => {
    const result = recordReviewedRevisions(glosses, states);
    expect(result.recorded).toEqual(recorded);
    for (const key of recorded) expect(result.states[key]?.revision).toBe(glossRevision(glosses[key]));
    if (recorded.length === 0) expect(result.states).toBe(states);
  });

  it('after it, a hand edit of a reviewed gloss makes it a draft (before it, it stayed reviewed)', () => {
    const states: GlossStateFile = { a: state('reviewed') };
    expect(glossStatus('Edited by hand', states.a, HASH)).toBe('reviewed');
    const { states: recorded } = recordReviewedRevisions({ a: 'Reviewed text' }, states);
    expect(glossStatus('Reviewed text', recorded.a, HASH)).toBe('reviewed');
    expect(glossStatus('Edited by hand', recorded.a, HASH)).toBe('draft');
  });
});
