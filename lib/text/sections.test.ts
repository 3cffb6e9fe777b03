import { describe, expect, it } from 'vitest';
import { chapterLevel, sectionIndexAt, splitSections, type SectionBlock, type SectionLimits } from './sections';

const limits: SectionLimits = { singlePageChars: 100, singlePageBlocks: 10, maxChars: 60, maxBlocks: 6 };

let counter = 0;
const p = (text = '这是一个段落。'.padEnd(10, '字')): SectionBlock => ({
  id: `p${(counter++).toString(36).padStart(5, '0')}`,
  type: 'paragraph',
  text,
});
const h = (text: string, level = 2): SectionBlock => ({
  id: `h${(counter++).toString(36).padStart(5, '0')}`,
  type: 'heading',
  text,
  level,
});
const paragraphs = (n: number, text?: string) => Array.from({ length: n }, () => p(text));

/** Each section as [first block id, number of blocks]. */
const shape = (blocks: SectionBlock[]) => splitSections(blocks, limits).map((s) => [s.name, s.end - s.start]);

describe('splitSections', () => {
  const cases: { name: string; blocks: () => SectionBlock[]; expected: (blocks: SectionBlock[]) => unknown }[] = [
    { name: 'an empty text has no sections', blocks: () => [], expected: () => [] },
    {
      name: 'a short text is one section, headings and all',
      blocks: () => [h('第一章'), ...paragraphs(3), h('第二章'), ...paragraphs(3)],
      expected: (b) => [[b[0]!.id, 8]],
    },
    {
      name: 'a text that is one heading is one section',
      blocks: () => [h('只有标题', 1)],
      expected: (b) => [[b[0]!.id, 1]],
    },
    {
      name: 'a long text splits at its chapter headings',
      blocks: () => [h('第一章'), ...paragraphs(4), h('第二章'), ...paragraphs(4), h('第三章'), ...paragraphs(4)],
      expected: (b) => [
        [b[0]!.id, 5],
        [b[5]!.id, 5],
        [b[10]!.id, 5],
      ],
    },
    {
      name: 'text before the first chapter is a section of its own',
      blocks: () => [...paragraphs(2), h('第一章'), ...paragraphs(4), h('第二章'), ...paragraphs(4)],
      expected: (b) => [
        [b[0]!.id, 2],
        [b[2]!.id, 5],
        [b[7]!.id, 5],
      ],
    },
    {
      name: 'a chapter with only a heading joins the next one (no empty sections)',
      blocks: () => [
        h('第一部', 2),
        h('第一章', 2),
        ...paragraphs(4),
        h('第二章', 2),
        ...paragraphs(4),
        h('第三章'),
        ...paragraphs(3),
      ],
      expected: (b) => [
        [b[0]!.id, 6],
        [b[6]!.id, 5],
        [b[11]!.id, 4],
      ],
    },
    {
      name: 'a part heading opens the first chapter of its part',
      blocks: () => [
        h('第一部', 1),
        h('第一章'),
        ...paragraphs(4),
        h('第二章'),
        ...paragraphs(4),
        h('第二部', 1),
        h('第三章'),
        ...paragraphs(3),
      ],
      expected: (b) => [
        [b[0]!.id, 6],
        [b[6]!.id, 5],
        [b[11]!.id, 5],
      ],
    },
    {
      name: 'short lines read as headings inside chapters do not cut them',
      blocks: () => [
        h('第一回', 3),
        ...paragraphs(2),
        h('诗曰', 2),
        ...paragraphs(2),
        h('第二回', 3),
        ...paragraphs(2),
        h('又诗', 2),
        ...paragraphs(2),
        h('第三回', 3),
        ...paragraphs(4),
      ],
      expected: (b) => [
        [b[0]!.id, 6],
        [b[6]!.id, 6],
        [b[12]!.id, 5],
      ],
    },
    {
      name: 'classic chapter headings cut chapters, other headings at their level do not',
      blocks: () => [
        h('第一回'),
        ...paragraphs(2),
        h('诗曰'),
        ...paragraphs(2),
        h('第二回'),
        ...paragraphs(1),
        h('其一'),
        h('后一页'),
        ...paragraphs(2),
        h('第三回'),
        ...paragraphs(4),
      ],
      expected: (b) => [
        [b[0]!.id, 6],
        [b[6]!.id, 6],
        [b[12]!.id, 5],
      ],
    },
    {
      name: 'an oversized chapter is cut into parts of about equal length',
      blocks: () => [h('第一章'), ...paragraphs(11), h('第二章'), ...paragraphs(2)],
      expected: (b) => [
        [b[0]!.id, 6],
        [b[6]!.id, 6],
        [b[12]!.id, 3],
      ],
    },
    {
      name: 'a text with no headings is cut into parts',
      blocks: () => paragraphs(15),
      expected: (b) => [
        [b[0]!.id, 5],
        [b[5]!.id, 5],
        [b[10]!.id, 5],
      ],
    },
    {
      name: 'a single heading does not count as chapters: the title heading and parts',
      blocks: () => [h('书名', 1), ...paragraphs(11)],
      expected: (b) => [
        [b[0]!.id, 6],
        [b[6]!.id, 6],
      ],
    },
    {
      name: 'a block longer than the limit stays whole, in a section of its own',
      blocks: () => [...paragraphs(3), p('长'.repeat(200)), ...paragraphs(3)],
      expected: (b) => [
        [b[0]!.id, 3],
        [b[3]!.id, 1],
        [b[4]!.id, 3],
      ],
    },
  ];
  it.each(cases)('$name', ({ blocks, expected }) => {
    const made = blocks();
    expect(shape(made)).toEqual(expected(made));
  });

  it('covers every block exactly once, in order', () => {
    const blocks = [h('第一章'), ...paragraphs(40), h('第二章'), ...paragraphs(3), h('第三章'), ...paragraphs(17)];
    const sections = splitSections(blocks, limits);
    expect(sections[0]!.start).toBe(0);
    sections.forEach((s, i) => expect(s.start).toBe(i === 0 ? 0 : sections[i - 1]!.end));
    expect(sections.at(-1)!.end).toBe(blocks.length);
    for (const s of sections) expect(s.end - s.start).toBeLessThanOrEqual(limits.maxBlocks);
  });

  it('keeps the names of later sections when a chapter is inserted before them', () => {
    const later = [h('第二章'), ...paragraphs(4), h('第三章'), ...paragraphs(9)];
    const before = splitSections([h('第一章'), ...paragraphs(4), ...later], limits).map((s) => s.name);
    const inserted = splitSections([h('第一章'), ...paragraphs(4), h('新的一章'), ...paragraphs(5), ...later], limits).map(
      (s) => s.name,
    );
    expect(inserted).toEqual(expect.arrayContaining(before.slice(1)));
    expect(inserted).toHaveLength(before.length + 1);
  });

  it('gives headings, part numbers and opening words for the table of contents', () => {
    const blocks = [
      h('第一章'),
      ...paragraphs(11, '天下大势，分久必合，合久必分。周末七国分争。'),
      h('第二章'),
      ...paragraphs(2),
    ];
    const sections = splitSections(blocks, { ...limits, maxChars: 200 });
    expect(sections.map((s) => [s.headings, s.part])).toEqual([
      [['第一章'], { n: 1, of: 2 }],
      [['第一章'], { n: 2, of: 2 }],
      [['第二章'], undefined],
    ]);
    expect(sections[1]!.opening).toBe('天下大势，分久必合，合久必分。周末七国分争。');
    expect(
      splitSections([h('书'), ...paragraphs(20, '话说天下大势，分久必合，合久必分：周末七国分争，并入于秦。')], limits)[0]!
        .opening,
    ).toBe('话说天下大势，分久必合，合久必分：周末七国分争，…');
  });
});

describe('chapterLevel', () => {
  it.each([
    { name: 'a title (1) and two chapters (2)', blocks: [h('书', 1), h('一', 2), h('二', 2)], expected: 2 },
    { name: 'two chapters (1) and a subsection (2)', blocks: [h('一', 1), h('二', 1), h('节', 2)], expected: 1 },
    {
      name: 'three chapters (3) and two short lines (2)',
      blocks: [h('一', 3), h('诗', 2), h('二', 3), h('诗', 2), h('三', 3)],
      expected: 3,
    },
    { name: 'as many at two levels: the higher', blocks: [h('一', 1), h('节', 2), h('二', 1), h('节', 2)], expected: 1 },
    { name: 'a title alone', blocks: [h('书', 1), p()], expected: undefined },
    { name: 'no headings', blocks: [p(), p()], expected: undefined },
  ])('$name: $expected', ({ blocks, expected }) => {
    expect(chapterLevel(blocks)).toBe(expected);
  });
});

describe('sectionIndexAt', () => {
  const sections = splitSections(paragraphs(15), limits);
  it.each([
    { block: 0, expected: 0 },
    { block: 4, expected: 0 },
    { block: 5, expected: 1 },
    { block: 14, expected: 2 },
    { block: 15, expected: -1 },
    { block: -1, expected: -1 },
  ])('block $block is in section $expected', ({ block, expected }) => {
    expect(sectionIndexAt(sections, block)).toBe(expected);
  });
});
