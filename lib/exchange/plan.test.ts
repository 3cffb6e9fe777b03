import { describe, expect, it } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { countOutcomes, planImport, type CurrentUnit } from './plan';
import type { ImportedUnit } from './types';

const current = new Map<string, CurrentUnit>([
  ['title', { source: '标题', gloss: 'Title' }],
  ['aaaaaa', { source: '第一段。', gloss: 'First.' }],
  ['bbbbbb', { source: '第二段。' }],
]);
const retired = new Set(['zzzzzz']);
const rev = glossRevision;
const unit = (over: Partial<ImportedUnit>): ImportedUnit => ({
  id: 'aaaaaa',
  source: '第一段。',
  target: 'First!',
  status: 'draft',
  revision: rev('First.'),
  ...over,
});

describe('planImport', () => {
  const cases = [
    {
      name: 'a new target on an unchanged gloss is applied',
      input: unit({}),
      expected: { outcome: 'applied', current: 'First.', incoming: 'First!', status: 'draft' },
    },
    {
      name: 'a reviewed target is applied as reviewed',
      input: unit({ status: 'reviewed' }),
      expected: { outcome: 'applied', status: 'reviewed' },
    },
    {
      name: 'a target on an untranslated block is applied',
      input: unit({ id: 'bbbbbb', source: '第二段。', target: 'Second.', revision: rev('') }),
      expected: { outcome: 'applied', current: '', incoming: 'Second.' },
    },
    {
      name: 'the title is a unit like any other',
      input: unit({ id: 'title', source: '标题', target: 'The title', revision: rev('Title') }),
      expected: { outcome: 'applied' },
    },
    {
      name: 'the target is cleaned first (NFC, spaces, CRLF)',
      input: unit({ target: '  Cafe\u0301\r\nbar  ' }),
      expected: { outcome: 'applied', incoming: 'Café\nbar' },
    },
    { name: 'the same text as the gloss is unchanged', input: unit({ target: 'First.' }), expected: { outcome: 'unchanged' } },
    {
      name: 'unchanged even when the revision is old',
      input: unit({ target: 'First.', revision: rev('older') }),
      expected: { outcome: 'unchanged' },
    },
    {
      name: 'a source that differs from the Chinese now is stale',
      input: unit({ source: '第一段（旧）。' }),
      expected: { outcome: 'stale', fileSource: '第一段（旧）。', currentSource: '第一段。' },
    },
    {
      name: 'a source that differs only in spacing is not stale',
      input: unit({ source: '  第一段。\n' }),
      expected: { outcome: 'applied' },
    },
    {
      name: 'a gloss changed since export is a conflict, both kept',
      input: unit({ revision: rev('what it was at export') }),
      expected: { outcome: 'conflict', current: 'First.', incoming: 'First!' },
    },
    {
      name: 'no revision and a gloss in the app is a conflict',
      input: unit({ revision: undefined }),
      expected: { outcome: 'conflict', reason: expect.stringMatching(/does not say which version/) },
    },
    {
      name: 'no revision and no gloss is applied',
      input: unit({ id: 'bbbbbb', source: '第二段。', revision: undefined }),
      expected: { outcome: 'applied' },
    },
    {
      name: 'an unknown id is rejected',
      input: unit({ id: 'qqqqqq' }),
      expected: { outcome: 'rejected', reason: expect.stringMatching(/no paragraph/) },
    },
    {
      name: 'a retired id is rejected as removed',
      input: unit({ id: 'zzzzzz' }),
      expected: { outcome: 'rejected', reason: expect.stringMatching(/removed/) },
    },
    {
      name: 'no target on an untranslated block is empty, not an error',
      input: unit({ id: 'bbbbbb', source: '第二段。', target: undefined, revision: rev('') }),
      expected: { outcome: 'empty', reason: expect.stringMatching(/no target/) },
    },
    {
      name: 'an empty target on an untranslated block is empty',
      input: unit({ id: 'bbbbbb', source: '第二段。', target: ' \n ', revision: rev('') }),
      expected: { outcome: 'empty' },
    },
    {
      name: 'an empty target on an untranslated block whose Chinese changed is empty too (nothing to import)',
      input: unit({ id: 'bbbbbb', source: '第二段（旧）。', target: '', revision: undefined }),
      expected: { outcome: 'empty' },
    },
    {
      name: 'a missing target on a block with a gloss is rejected, not a deletion',
      input: unit({ target: undefined }),
      expected: { outcome: 'rejected', reason: expect.stringMatching(/no target/) },
    },
    {
      name: 'an empty target on a block with a gloss is rejected, not a deletion',
      input: unit({ target: '  \n ' }),
      expected: { outcome: 'rejected', reason: expect.stringMatching(/empty/) },
    },
    {
      name: 'a copy of the Chinese (left untranslated in the CAT tool) is empty, and the gloss stays',
      input: unit({ target: '第一段。' }),
      expected: { outcome: 'empty', reason: expect.stringMatching(/copy of the Chinese/) },
    },
    {
      name: 'a copy of the Chinese on an untranslated block is empty',
      input: unit({ id: 'bbbbbb', source: '第二段。', target: '第二段。', revision: rev('') }),
      expected: { outcome: 'empty', reason: expect.stringMatching(/copy of the Chinese/) },
    },
    {
      name: 'control characters are rejected',
      input: unit({ target: 'Fir\u0007st' }),
      expected: { outcome: 'rejected', reason: expect.stringMatching(/control characters/) },
    },
    {
      name: '30,000 characters are rejected',
      input: unit({ target: 'a'.repeat(30_000) }),
      expected: { outcome: 'rejected', reason: expect.stringMatching(/at most 20000/) },
    },
    {
      name: 'markup the app cannot keep is rejected',
      input: unit({ problem: 'the target contains inline markup' }),
      expected: { outcome: 'rejected', reason: 'the target contains inline markup' },
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(planImport([input], current, retired)).toEqual([expect.objectContaining({ id: input.id, ...expected })]);
  });

  it('--force applies a conflict', () => {
    expect(planImport([unit({ revision: rev('other') })], current, retired, { force: true })[0]).toMatchObject({
      outcome: 'applied',
    });
  });

  it('--force does not apply a stale unit', () => {
    expect(planImport([unit({ source: '别的。' })], current, retired, { force: true })[0]).toMatchObject({ outcome: 'stale' });
  });

  it('every copy of a duplicated id is rejected', () => {
    const plans = planImport(
      [unit({}), unit({ target: 'Other' }), unit({ id: 'bbbbbb', source: '第二段。', target: 'Second.', revision: rev('') })],
      current,
      retired,
    );
    expect(plans.map((p) => [p.id, p.outcome])).toEqual([
      ['aaaaaa', 'rejected'],
      ['aaaaaa', 'rejected'],
      ['bbbbbb', 'applied'],
    ]);
    expect(plans[0]?.reason).toMatch(/appears 2 times/);
  });

  it('counts outcomes', () => {
    const plans = planImport(
      [unit({}), unit({ id: 'qqqqqq' }), unit({ id: 'title', source: '标题', target: 'Title' })],
      current,
      retired,
    );
    expect(countOutcomes(plans)).toEqual({ applied: 1, unchanged: 1, empty: 0, stale: 0, conflict: 0, rejected: 1 });
  });

  it('is total: no units, no plans', () => {
    expect(planImport([], current, retired)).toEqual([]);
  });
});
