import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './history-entry';
import { checkFourEyes } from './four-eyes';

const entry = (editor: string, kind: 'gloss' | 'status' = 'gloss', id = 'abcdef'): HistoryEntry => ({
  time: '2026-12-07T10:00:00Z',
  editor,
  id,
  kind,
  before: null,
  after: 'x',
  revision: 'r',
});

describe('four eyes', () => {
  const cases = [
    { name: 'off: the author may review', history: [entry('ann')], reviewer: 'ann', fourEyes: false, ok: true },
    { name: 'on: the last author may not', history: [entry('bob'), entry('ann')], reviewer: 'ann', fourEyes: true, ok: false },
    { name: 'on: an earlier author may', history: [entry('ann'), entry('bob')], reviewer: 'ann', fourEyes: true, ok: true },
    {
      name: 'on: status entries do not count',
      history: [entry('bob'), entry('ann', 'status')],
      reviewer: 'ann',
      fourEyes: true,
      ok: true,
    },
    {
      name: 'on: other paragraphs do not count',
      history: [entry('bob'), entry('ann', 'gloss', 'zzzzzz')],
      reviewer: 'ann',
      fourEyes: true,
      ok: true,
    },
    { name: 'on: no history (imported text)', history: [], reviewer: 'ann', fourEyes: true, ok: true },
  ];
  it.each(cases)('$name', ({ history, reviewer, fourEyes, ok }) => {
    expect(checkFourEyes(history, 'abcdef', reviewer, fourEyes).ok).toBe(ok);
  });
});
