import { describe, expect, it } from 'vitest';
import { splitSections } from '@/lib/text/sections';
import type { BlockType } from '@/lib/text/types';
import { readingRedirect } from './reading-redirect';

const blocks = Array.from({ length: 30 }, (_, i) => ({
  id: `b${String(i).padStart(5, '0')}`,
  type: (i === 12 ? 'break' : 'paragraph') as BlockType,
  text: '段落'.repeat(5),
}));
const sections = splitSections(blocks, { singlePageChars: 50, singlePageBlocks: 5, maxChars: 100, maxBlocks: 10 });
const text = {
  blocks,
  retired: [{ id: 'gone01', mergedInto: 'b00025' }, { id: 'gone02', mergedInto: 'gone01' }, { id: 'gone03' }],
};

describe('readingRedirect', () => {
  it('has sections b00000, b00010, b00020', () => {
    expect(sections.map((s) => s.name)).toEqual(['b00000', 'b00010', 'b00020']);
  });

  it.each([
    // Sections: a page, except the first, which lives at the text's URL.
    { kind: 's', id: 'b00010', expected: undefined },
    { kind: 's', id: 'b00000', expected: { path: '/read/novel', permanent: true } },
    // An old section name is a block id: its section, at the block.
    { kind: 's', id: 'b00017', expected: { path: '/read/novel/s/b00010#b00017', permanent: true } },
    { kind: 's', id: 'b00003', expected: { path: '/read/novel#b00003', permanent: true } },
    { kind: 's', id: 'gone02', expected: { path: '/read/novel/s/b00020#b00025', permanent: true } },
    { kind: 's', id: 'gone03', expected: undefined },
    { kind: 's', id: 'nope00', expected: undefined },
    // Paragraphs: a live one is a page; a retired one goes where its text went, or to the text.
    { kind: 'p', id: 'b00017', expected: undefined },
    { kind: 'p', id: 'gone02', expected: { path: '/read/novel/p/b00025', permanent: true } },
    { kind: 'p', id: 'gone03', expected: { path: '/read/novel#gone03', permanent: false } },
    { kind: 'p', id: 'b00012', expected: undefined },
    { kind: 'p', id: 'nope00', expected: undefined },
  ] as const)('/$kind/$id → $expected', ({ kind, id, expected }) => {
    expect(readingRedirect(text, sections, 'novel', { kind, id })).toEqual(expected);
  });
});
