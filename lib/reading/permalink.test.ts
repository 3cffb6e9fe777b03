import { describe, expect, it } from 'vitest';
import { splitSections, type SectionBlock } from '@/lib/text/sections';
import { blockLink, resolvePermalink, sectionPath } from './permalink';

const blocks: SectionBlock[] = Array.from({ length: 30 }, (_, i) => ({
  id: `b${String(i).padStart(5, '0')}`,
  type: 'paragraph',
  text: '段落'.repeat(5),
}));
const sections = splitSections(blocks, { singlePageChars: 50, singlePageBlocks: 5, maxChars: 100, maxBlocks: 10 });
const text = {
  blocks,
  retired: [
    { id: 'gone01', mergedInto: 'b00025' },
    { id: 'gone02', mergedInto: 'gone01' },
    { id: 'gone03' },
    { id: 'loop01', mergedInto: 'loop02' },
    { id: 'loop02', mergedInto: 'loop01' },
  ],
};

describe('resolvePermalink', () => {
  it('has three sections of ten blocks to resolve in', () => {
    expect(sections.map((s) => [s.start, s.end])).toEqual([
      [0, 10],
      [10, 20],
      [20, 30],
    ]);
  });
  it.each([
    { id: 'b00000', expected: { id: 'b00000', block: 0, section: 0, retired: false } },
    { id: 'b00017', expected: { id: 'b00017', block: 17, section: 1, retired: false } },
    { id: 'b00029', expected: { id: 'b00029', block: 29, section: 2, retired: false } },
    { id: 'gone01', expected: { id: 'b00025', block: 25, section: 2, retired: true } },
    { id: 'gone02', expected: { id: 'b00025', block: 25, section: 2, retired: true } },
    { id: 'gone03', expected: undefined },
    { id: 'loop01', expected: undefined },
    { id: 'nope00', expected: undefined },
    { id: '', expected: undefined },
  ])('#$id → $expected', ({ id, expected }) => {
    expect(resolvePermalink(text, sections, id)).toEqual(expected);
  });
});

describe('sectionPath and blockLink', () => {
  it.each([
    { index: 0, expected: '/read/novel' },
    { index: 1, expected: '/read/novel/s/b00010' },
    { index: 2, expected: '/read/novel/s/b00020' },
    { index: 9, expected: '/read/novel' },
  ])('section $index is at $expected', ({ index, expected }) => {
    expect(sectionPath('novel', sections, index)).toBe(expected);
  });
  it('links a block by the text and its id alone', () => {
    expect(blockLink('novel', 'b00017')).toBe('/read/novel#b00017');
  });
});
