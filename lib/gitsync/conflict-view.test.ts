import { describe, expect, it } from 'vitest';
import { withConflicts } from './conflict-view';
import type { ConflictFile } from './merge';

describe('withConflicts', () => {
  const versions = [
    { text: 'A', author: 'ann', revision: 'r1' },
    { text: 'B', author: 'bo', revision: 'r2' },
  ];
  const cases: { name: string; conflicts: ConflictFile; blocks: unknown[]; title?: unknown }[] = [
    { name: 'no conflicts: the same object', conflicts: {}, blocks: [undefined, undefined] },
    { name: 'one block in conflict', conflicts: { p2: { versions } }, blocks: [undefined, { versions }] },
    { name: 'a conflict of a block no longer there', conflicts: { gone: { versions } }, blocks: [undefined, undefined] },
    { name: 'the title in conflict', conflicts: { title: { versions } }, blocks: [undefined, undefined], title: { versions } },
    {
      name: 'the title and a block',
      conflicts: { title: { versions }, p1: { versions } },
      blocks: [{ versions }, undefined],
      title: { versions },
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const text = { slug: 'a', title: { zh: '题', en: 'Title' }, blocks: [{ id: 'p1' }, { id: 'p2' }] };
      const shown = withConflicts(text, c.conflicts);
      expect(shown.blocks.map((b) => (b as { conflict?: unknown }).conflict)).toEqual(c.blocks);
      expect((shown.title as { conflict?: unknown }).conflict).toEqual(c.title);
      expect(shown.title).toMatchObject({ zh: '题', en: 'Title' });
      if (Object.keys(c.conflicts).length === 0) expect(shown).toBe(text);
    });
});
