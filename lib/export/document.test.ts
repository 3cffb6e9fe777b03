import { describe, expect, it } from 'vitest';
import type { ReadToken } from '@/lib/annotate/types';
import { splitSections, type SectionLimits } from '@/lib/text/sections';
import { buildExportDocument, findDocSection, runsText, textPieces, textRuns, type Run } from './document';
import { textView } from '@/lib/testing/text-view';

const tok = (text: string, start: number, pinyin?: string): ReadToken => ({
  text,
  start,
  end: start + text.length,
  chinese: /\p{Script=Han}/u.test(text),
  ...(pinyin ? { pinyin } : {}),
});

describe('textRuns', () => {
  const cases: { name: string; text: string; tokens?: ReadToken[]; markers?: [number, number][]; expected: Run[] }[] = [
    { name: 'empty text gives no runs', text: '', expected: [] },
    { name: 'plain text is one run', text: '你好。', expected: [{ kind: 'text', text: '你好。' }] },
    {
      name: 'a Markdown link becomes a link run',
      text: '看[这里](https://a.example/x)。',
      expected: [
        { kind: 'text', text: '看' },
        { kind: 'link', text: '这里', href: 'https://a.example/x' },
        { kind: 'text', text: '。' },
      ],
    },
    {
      name: 'a note marker splits the text at its offset',
      text: '甲乙丙',
      markers: [[2, 1]],
      expected: [
        { kind: 'text', text: '甲乙' },
        { kind: 'note', number: 1 },
        { kind: 'text', text: '丙' },
      ],
    },
    {
      name: 'a marker inside a link goes after the link',
      text: '[甲乙](https://a.b)丙',
      markers: [[2, 4]],
      expected: [
        { kind: 'link', text: '甲乙', href: 'https://a.b/' },
        { kind: 'note', number: 4 },
        { kind: 'text', text: '丙' },
      ],
    },
    {
      name: 'a marker past the end goes at the end',
      text: 'abc',
      markers: [[Number.MAX_SAFE_INTEGER, 2]],
      expected: [
        { kind: 'text', text: 'abc' },
        { kind: 'note', number: 2 },
      ],
    },
    {
      name: 'words with readings become ruby, one pair per character',
      text: '自动驾驶，好',
      tokens: [tok('自动驾驶', 0, 'zì dòng jià shǐ'), tok('，', 4), tok('好', 5, 'hǎo')],
      expected: [
        {
          kind: 'ruby',
          pairs: [
            ['自', 'zì'],
            ['动', 'dòng'],
            ['驾', 'jià'],
            ['驶', 'shǐ'],
          ],
        },
        { kind: 'text', text: '，' },
        { kind: 'ruby', pairs: [['好', 'hǎo']] },
      ],
    },
    {
      name: 'a reading that does not pair up with the characters goes over the whole word',
      text: 'AI芯片',
      tokens: [tok('AI芯片', 0, 'AI xīn piàn')],
      expected: [{ kind: 'ruby', pairs: [['AI芯片', 'AI xīn piàn']] }],
    },
    {
      name: 'several markers at one offset keep their number order',
      text: '甲乙',
      markers: [
        [1, 3],
        [1, 2],
      ],
      expected: [
        { kind: 'text', text: '甲' },
        { kind: 'note', number: 2 },
        { kind: 'note', number: 3 },
        { kind: 'text', text: '乙' },
      ],
    },
  ];
  it.each(cases)('$name', ({ text, tokens, markers, expected }) => {
    expect(textRuns(text, tokens ?? [], markers ?? [])).toEqual(expected);
  });
});

describe('textPieces', () => {
  const cases: { runs: Run[]; expected: string[] }[] = [
    { runs: [], expected: [] },
    {
      runs: [
        { kind: 'text', text: '甲' },
        { kind: 'note', number: 1 },
        { kind: 'text', text: '乙' },
      ],
      expected: ['甲', '乙'],
    },
    {
      runs: [
        { kind: 'link', text: 'https://a.b', href: 'https://a.b/' },
        { kind: 'text', text: '。' },
      ],
      expected: ['https://a.b。'],
    },
    {
      runs: [
        { kind: 'link', text: 'GPTNB', href: 'https://gptnb.com/' },
        { kind: 'text', text: '。' },
      ],
      expected: ['GPTNB', '。'],
    },
  ];
  it.each(cases)('$expected', ({ runs, expected }) => expect(textPieces(runs)).toEqual(expected));
});

describe('buildExportDocument', () => {
  const text = textView([
    ['paragraph', '开头。', 'Start.'],
    ['heading', '第一章', 'One', 2],
    ['paragraph', '特拉斯也会。', 'Tesla too.'],
    ['heading', '小节', 'Sub', 3],
    ['break', ''],
    ['heading', '第二章', undefined, 2],
    ['list-item', '没有翻译'],
  ]);
  const notes = [
    { id: 'n2', block: 'b00003', quote: '也会', occurrence: 1, body: 'Second.' },
    { id: 'n1', block: 'b00003', quote: '特拉斯', occurrence: 1, body: 'First.', enQuote: 'Tesla' },
    { id: 'gone', block: 'zzzzzz', quote: '无', occurrence: 1, body: 'Orphan.' },
    { id: 'moved', block: 'b00001', quote: '不在', occurrence: 1, body: 'Detached.' },
  ];
  // The reader's sectioning with no single-page text: a section per chapter.
  const byChapter: SectionLimits = { singlePageChars: 0, singlePageBlocks: 0, maxChars: 10_000, maxBlocks: 1_000 };
  const doc = buildExportDocument({ text, notes, sections: splitSections(text.blocks, byChapter) });

  it('has the reader’s sections, named by their first block, numbered, with their chapter’s headings', () => {
    expect(doc.sections.map((s) => [s.name, s.number, s.headings.map((h) => h.id), s.blocks.map((b) => b.id)])).toEqual([
      ['b00001', 1, [], ['b00001']],
      ['b00002', 2, ['b00002'], ['b00002', 'b00003', 'b00004', 'b00005']],
      ['b00006', 3, ['b00006'], ['b00006', 'b00007']],
    ]);
  });

  it('is cut as the reader cuts it when no sections are given: a short text is one section', () => {
    expect(buildExportDocument({ text, notes }).sections.map((s) => s.name)).toEqual(
      splitSections(text.blocks).map((s) => s.name),
    );
    expect(buildExportDocument({ text, notes }).sections).toHaveLength(1);
  });

  it('gives the parts of a long chapter its headings, and its part', () => {
    const long = textView([
      ['heading', '第一章', 'One', 2],
      ...Array.from({ length: 6 }, (_, i) => ['paragraph', `第${i}段。`, `P${i}.`] as ['paragraph', string, string]),
      ['heading', '第二章', 'Two', 2],
      ['paragraph', '二。', 'Two.'],
    ]);
    const parts = buildExportDocument({
      text: long,
      notes: [],
      sections: splitSections(long.blocks, { ...byChapter, maxBlocks: 4 }),
    }).sections;
    expect(parts.map((s) => [s.name, s.headings.map((h) => h.id), s.part ?? null])).toEqual([
      ['b00001', ['b00001'], { n: 1, of: 2 }],
      ['b00005', ['b00001'], { n: 2, of: 2 }],
      ['b00008', ['b00008'], null],
    ]);
  });

  it('finds a section by its name or as the reader’s Section n, and nothing else', () => {
    expect(findDocSection(doc, 'b00006')?.number).toBe(3);
    expect(findDocSection(doc, 's3')?.name).toBe('b00006');
    expect(findDocSection(doc, 's4')).toBeUndefined();
    expect(findDocSection(doc, 'b00003')).toBeUndefined();
  });

  it('numbers notes in document order, by position in the paragraph; detached and orphaned notes are kept', () => {
    expect(doc.notes.map((n) => [n.number, n.id, n.detached])).toEqual([
      [1, 'moved', true],
      [2, 'n1', false],
      [3, 'n2', false],
      [4, 'gone', true],
    ]);
    const b3 = doc.sections[1]?.blocks[1];
    expect(b3?.zh).toEqual([
      { kind: 'text', text: '特拉斯' },
      { kind: 'note', number: 2 },
      { kind: 'text', text: '也会' },
      { kind: 'note', number: 3 },
      { kind: 'text', text: '。' },
    ]);
    expect(b3?.glosses.map((g) => g.lang)).toEqual(['en']);
    expect(b3?.glosses[0]?.runs).toEqual([
      { kind: 'text', text: 'Tesla' },
      { kind: 'note', number: 2 },
      { kind: 'text', text: ' too.' },
      { kind: 'note', number: 3 },
    ]);
    expect(doc.sections.map((s) => s.notes.map((n) => n.number))).toEqual([[1], [2, 3], [4]]);
  });

  it('keeps untranslated blocks with no English runs and breaks empty', () => {
    const last = doc.sections[2]?.blocks;
    expect(last?.map((b) => [b.type, runsText(b.zh), b.glosses[0]?.runs])).toEqual([
      ['heading', '第二章', null],
      ['list-item', '没有翻译', null],
    ]);
    expect(doc.sections[1]?.blocks[3]).toMatchObject({ type: 'break', zh: [], glosses: [{ lang: 'en', runs: null }] });
  });

  it('is one section for a text without headings, and empty for an empty text', () => {
    expect(
      buildExportDocument({
        text: textView([
          ['paragraph', '一'],
          ['paragraph', '二'],
        ]),
        notes: [],
      }).sections,
    ).toHaveLength(1);
    expect(buildExportDocument({ text: textView([]), notes: [] })).toMatchObject({ sections: [], notes: [] });
  });
});
