import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@/lib/gloss/history-entry';
import { glossRevision } from '@/lib/gloss/validate';
import { lastGlossChanges } from './last-changes';

function gloss(id: string, editor: string, time: string, before: string | null, after: string | null): HistoryEntry {
  return { id, editor, time, kind: 'gloss', before, after, revision: glossRevision(after ?? '') };
}

function status(id: string, editor: string, time: string, text: string): HistoryEntry {
  return { id, editor, time, kind: 'status', before: 'draft', after: 'reviewed', revision: glossRevision(text) };
}

describe('lastGlossChanges', () => {
  const cases: {
    name: string;
    entries: HistoryEntry[];
    now: Record<string, string> | undefined;
    expected: Record<string, string>;
  }[] = [
    { name: 'no history, no changes', entries: [], now: {}, expected: {} },
    {
      name: 'the last change of each paragraph wins',
      entries: [
        gloss('a1', 'ann', 't1', null, 'Tesla'),
        gloss('b2', 'bob', 't2', null, 'Cars'),
        gloss('a1', 'cy', 't3', 'Tesla', 'Teslas'),
      ],
      now: { a1: 'Teslas', b2: 'Cars' },
      expected: { a1: 'cy@t3', b2: 'bob@t2' },
    },
    {
      name: 'a status change is not a change of the translation',
      entries: [gloss('a1', 'ann', 't1', null, 'Tesla'), status('a1', 'rev', 't2', 'Tesla')],
      now: { a1: 'Tesla' },
      expected: { a1: 'ann@t1' },
    },
    {
      name: 'a last change that never reached the gloss file (a crash) is left out',
      entries: [gloss('a1', 'ann', 't1', null, 'Tesla'), gloss('a1', 'cy', 't2', 'Tesla', 'Teslas')],
      now: { a1: 'Tesla' },
      expected: { a1: 'ann@t1' },
    },
    {
      name: 'with an unreadable gloss file the history counts as written',
      entries: [gloss('a1', 'ann', 't1', null, 'Tesla'), gloss('a1', 'cy', 't2', 'Tesla', 'Teslas')],
      now: undefined,
      expected: { a1: 'cy@t2' },
    },
  ];
  for (const { name, entries, now, expected } of cases) {
    it(name, () => {
      const changes = lastGlossChanges(entries, now && ((id) => now[id]));
      expect(Object.fromEntries([...changes].map(([id, c]) => [id, `${c.by}@${c.time}`]))).toEqual(expected);
    });
  }
});
