import { describe, expect, it } from 'vitest';
import { withConflicts } from './conflict-view';
import type { ConflictFile } from './merge';

describe('withConflicts', () => {
  const versions = [
    { text: 'A', author: 'ann', revision: 'r1' },
    { text: 'B', author: 'bo', revision: 'r2' },
  ];
  const cases: { name: string; conflicts: ConflictFile; expected: unknown[] }[] = [
    { name: 'no conflicts: the same object', conflicts: {}, expected: [undefined, undefined] },
    { name: 'one block in conflict', conflicts: { p2: { versions } }, expected: [undefined, { versions }] },
    { name: 'a conflict of a block no longer there', conflicts: { gone: { versions } }, expected: [undefined, undefined] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const text = { slug: 'a', blocks: [{ id: 'p1' }, { id: 'p2' }] };
      const shown = withConflicts(text, c.conflicts);
      expect(shown.blocks.map((b) => (b as { conflict?: unknown }).conflict)).toEqual(c.expected);
      if (Object.keys(c.conflicts).length === 0) expect(shown).toBe(text);
    });
});
