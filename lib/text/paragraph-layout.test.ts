import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeAnyText } from './decode';
import { applyParagraphLayout, detectParagraphLayout, displayWidth, type ParagraphLayout } from './paragraph-layout';
import { prepareText } from './prepare';

const fixture = (name: string) =>
  decodeAnyText(readFileSync(fileURLToPath(new URL(`./fixtures/layouts/${name}`, import.meta.url))), name).text;
const linesOf = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');

describe('detectParagraphLayout on real file shapes (水浒传, see fixtures/layouts/README.md)', () => {
  const cases: { file: string; expected: ParagraphLayout }[] = [
    { file: 'blank-utf8-crlf.txt', expected: 'blank' },
    { file: 'line-gb18030.txt', expected: 'line' },
    { file: 'line-big5-traditional.txt', expected: 'line' },
    { file: 'wrapped-gb18030.txt', expected: 'wrapped' },
  ];
  it.each(cases)('$file → $expected', ({ file, expected }) => {
    expect(detectParagraphLayout(linesOf(fixture(file))).layout).toBe(expected);
  });
});

describe('detectParagraphLayout on small texts', () => {
  const cases: { name: string; lines: string[]; expected: ParagraphLayout }[] = [
    { name: 'empty', lines: [], expected: 'blank' },
    { name: 'Markdown paragraphs', lines: ['# 题', '', '第一段。', '', '第二段。', '', '第三段。'], expected: 'blank' },
    { name: 'one paragraph per line', lines: ['第一段。', '第二段！', '「第三段。」', '第四段？', '第五段……'], expected: 'line' },
    { name: 'a list is not a layout', lines: ['- 甲', '- 乙', '- 丙', '- 丁'], expected: 'blank' },
    // Verse: short lines within one stanza, each without a full stop, stay one paragraph.
    { name: 'a poem of short lines', lines: ['床前明月光，', '疑是地上霜，', '举头望明月，', '低头思故乡。'], expected: 'blank' },
    {
      name: 'wrapped paragraphs between blank lines',
      lines: [
        '甲'.repeat(30),
        '乙'.repeat(30),
        '丙丙。',
        '',
        '丁'.repeat(30),
        '戊'.repeat(30),
        '己己。',
        '',
        '庚'.repeat(30),
        '辛。',
      ],
      expected: 'blank',
    },
  ];
  it.each(cases)('$name → $expected', ({ lines, expected }) => expect(detectParagraphLayout(lines).layout).toBe(expected));
});

describe('applyParagraphLayout', () => {
  const cases: { name: string; lines: string[]; layout: ParagraphLayout; expected: string[] }[] = [
    { name: 'blank changes nothing', lines: ['甲', '乙', '', '丙'], layout: 'blank', expected: ['甲', '乙', '', '丙'] },
    {
      name: 'line separates every line',
      lines: ['甲。', '乙。', '', '丙。'],
      layout: 'line',
      expected: ['甲。', '', '乙。', '', '丙。'],
    },
    {
      name: 'wrapped breaks before indented lines',
      lines: [
        '\u3000\u3000' + '甲'.repeat(18),
        '乙'.repeat(20),
        '丙。',
        '\u3000\u3000' + '丁'.repeat(18),
        '戊。',
        '\u3000\u3000己。',
      ],
      layout: 'wrapped',
      expected: [
        '\u3000\u3000' + '甲'.repeat(18),
        '乙'.repeat(20),
        '丙。',
        '',
        '\u3000\u3000' + '丁'.repeat(18),
        '戊。',
        '',
        '\u3000\u3000己。',
      ],
    },
  ];
  it.each(cases)('$name', ({ lines, layout, expected }) => expect(applyParagraphLayout(lines, layout).lines).toEqual(expected));

  it('keeps where each line came from', () => {
    expect(applyParagraphLayout(['甲。', '乙。', '丙。'], 'line').origin).toEqual([0, 0, 1, 1, 2]);
  });
});

describe('displayWidth', () => {
  const cases = [
    { input: '第1回', expected: 5 },
    { input: 'AI 教育', expected: 7 },
    { input: '\u3000\u3000话说', expected: 8 },
    { input: '', expected: 0 },
  ];
  it.each(cases)('$input → $expected', ({ input, expected }) => expect(displayWidth(input)).toBe(expected));
});

describe('prepareText reads every layout of the same book into the same paragraphs', () => {
  const paragraphs = (file: string) => {
    const prepared = prepareText(fixture(file));
    if (!prepared.ok) throw new Error(prepared.error);
    return prepared.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
  };
  const original = paragraphs('blank-utf8-crlf.txt');

  it('the blank-line original has its paragraphs', () => expect(original.length).toBeGreaterThan(40));
  it.each(['line-gb18030.txt', 'wrapped-gb18030.txt'])('%s', (file) => {
    // The one-per-line copy adds the book's own contents; its body paragraphs are the original's.
    expect(paragraphs(file).slice(-original.length)).toEqual(original);
  });

  it('says which layout it found and which it used', () => {
    const found = prepareText(fixture('line-gb18030.txt'));
    const asked = prepareText(fixture('line-gb18030.txt'), {}, 'blank');
    expect(found.ok && found.summary.layout).toMatchObject({ found: 'line', used: 'line' });
    expect(asked.ok && asked.summary.layout).toMatchObject({ found: 'line', used: 'blank' });
    // Read as blank-line paragraphs, the whole book is one block, as before.
    expect(asked.ok && asked.blocks.filter((b) => b.type === 'paragraph').length).toBeLessThanOrEqual(1);
  });

  it('reports lines of the file as given, not of the source with blank lines added', () => {
    const text = ['第一段。', '第二段。', '第三段。', '第四段。'].join('\n');
    const prepared = prepareText(text);
    expect(prepared.ok && prepared.blocks.map((b) => b.line)).toEqual([1, 2, 3, 4]);
  });
});

describe('a book’s own table of contents (one paragraph per line, simplified and traditional)', () => {
  const prepared = (file: string) => {
    const result = prepareText(fixture(file));
    if (!result.ok) throw new Error(result.error);
    return result;
  };
  it.each(['line-gb18030.txt', 'line-big5-traditional.txt'])('%s: the contents are one list, the chapters headings', (file) => {
    const { blocks } = prepared(file);
    const items = blocks.filter((b) => b.type === 'list-item');
    const headings = blocks.filter((b) => b.type === 'heading').map((b) => b.text);
    expect(items).toHaveLength(12);
    expect(items[0]!.text).toMatch(/^第一回/);
    // The title, 目录, and the two chapters the excerpt really has: 楔子 and 第一回.
    expect(headings).toHaveLength(4);
    expect(headings[1]).toMatch(/^目[录錄]$/);
    expect(headings[2]).toMatch(/^楔子/);
    expect(headings[3]).toMatch(/^第一回/);
  });
});
