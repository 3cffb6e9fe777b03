import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { joinLines, parseText } from './parse';
import type { ParsedText, SourceBlock } from './types';

const seedSource = readFileSync(fileURLToPath(new URL('../../content/karpathy-no-priors.txt', import.meta.url)), 'utf8');

const para = (text: string, line: number): SourceBlock => ({ type: 'paragraph', text, line });
const heading = (text: string, line: number, level: number): SourceBlock => ({ type: 'heading', text, line, level });
const item = (text: string, line: number): SourceBlock => ({ type: 'list-item', text, line });
const brk = (line: number): SourceBlock => ({ type: 'break', text: '', line });
const LONG = `${'长'.repeat(4999)}。`;
const LONG_NO_PUNCTUATION = '字'.repeat(5000);

describe('parseText on odd input', () => {
  const cases: { name: string; input: string; expected: ParsedText }[] = [
    { name: 'empty string', input: '', expected: { meta: {}, blocks: [], problems: [] } },
    { name: 'only blank lines', input: '\n\n  \n\t\n', expected: { meta: {}, blocks: [], problems: [] } },
    {
      name: 'front matter only',
      input: '---\ntitle: 只有元数据\ndate: 2024-09-08\nauthor: 某人\n---\n',
      expected: { meta: { title: '只有元数据', date: '2024-09-08', author: '某人' }, blocks: [], problems: [] },
    },
    {
      name: 'no front matter',
      input: '第一段。\n\n第二段。',
      expected: { meta: {}, blocks: [para('第一段。', 1), para('第二段。', 3)], problems: [] },
    },
    {
      name: 'BOM before the front matter',
      input: '\uFEFF---\ntitle: 标题\n---\n\n正文。',
      expected: { meta: { title: '标题' }, blocks: [para('正文。', 5)], problems: [] },
    },
    {
      name: 'BOM without front matter',
      input: '\uFEFF正文。',
      expected: { meta: {}, blocks: [para('正文。', 1)], problems: [] },
    },
    {
      name: 'full-width spaces as indentation and as a blank line',
      input: '\u3000\u3000第一段开头\n第一段继续。\n\u3000\u3000\n\u3000\u3000第二段。',
      expected: { meta: {}, blocks: [para('第一段开头第一段继续。', 1), para('第二段。', 4)], problems: [] },
    },
    {
      name: 'full-width spaces inside a line collapse to one space',
      input: '甲\u3000\u3000乙。',
      expected: { meta: {}, blocks: [para('甲 乙。', 1)], problems: [] },
    },
    {
      name: 'tabs as indentation, inside a line and as a blank line',
      input: '\t第一段，\t\t有制表符。\n\t\n第二段。',
      expected: { meta: {}, blocks: [para('第一段， 有制表符。', 1), para('第二段。', 3)], problems: [] },
    },
    {
      name: 'one long line of 5,000 characters',
      input: LONG,
      expected: { meta: {}, blocks: [para(LONG, 1)], problems: [] },
    },
    {
      name: 'one long line of 5,000 characters without punctuation is still a paragraph',
      input: LONG_NO_PUNCTUATION,
      expected: { meta: {}, blocks: [para(LONG_NO_PUNCTUATION, 1)], problems: [] },
    },
    {
      name: 'unclosed front matter is body text',
      input: '---\ntitle: 标题\n\n正文。',
      expected: { meta: {}, blocks: [brk(1), para('title: 标题', 2), para('正文。', 4)], problems: [] },
    },
    {
      name: 'malformed YAML front matter',
      input: '---\ntitle: [未闭合\n---\n\n正文。',
      expected: {
        meta: {},
        blocks: [para('正文。', 5)],
        problems: [{ line: 1, message: expect.stringMatching(/^Front matter is not valid YAML: \S/) as string }],
      },
    },
    {
      name: 'fenced lines that are not a YAML mapping are text between breaks, not front matter',
      input: '---\n只是一句话\n---\n\n正文。',
      expected: {
        meta: {},
        blocks: [brk(1), para('只是一句话', 2), brk(3), para('正文。', 5)],
        problems: [],
      },
    },
    {
      name: 'front matter without title, date or author is reported (it may be text)',
      input: '---\nNote: 这是正文的第一段\n---\n\n第二段。',
      expected: {
        meta: {},
        blocks: [para('第二段。', 5)],
        problems: [
          {
            line: 1,
            message: 'Front matter has no title, date or author; if these lines are text, start the file with a blank line',
          },
        ],
      },
    },
    {
      name: 'empty front matter',
      input: '---\n---\n正文。',
      expected: { meta: {}, blocks: [para('正文。', 3)], problems: [] },
    },
    {
      name: 'front matter closed by "..."',
      input: '---\ntitle: 标题\n...\n\n正文。',
      expected: { meta: { title: '标题' }, blocks: [para('正文。', 5)], problems: [] },
    },
    {
      name: 'front matter: numbers become strings, blanks and unknown keys are dropped',
      input: '---\ntitle: 2024\nauthor: "  "\ntags: [甲, 乙]\n---\n正文。',
      expected: { meta: { title: '2024' }, blocks: [para('正文。', 6)], problems: [] },
    },
    {
      name: 'ATX headings keep their level',
      input: '# 一级标题\n\n## 二级标题 ##\n\n###### 六级',
      expected: {
        meta: {},
        blocks: [heading('一级标题', 1, 1), heading('二级标题', 3, 2), heading('六级', 5, 6)],
        problems: [],
      },
    },
    {
      name: 'ATX heading followed directly by a paragraph',
      input: '# 标题\n正文第一行。',
      expected: { meta: {}, blocks: [heading('标题', 1, 1), para('正文第一行。', 2)], problems: [] },
    },
    {
      name: 'ATX heading with a sentence is still a heading',
      input: '### 这是一个问题吗？',
      expected: { meta: {}, blocks: [heading('这是一个问题吗？', 1, 3)], problems: [] },
    },
    {
      name: 'numbered list items',
      input: '1. 第一项\n2. 第二项\n10) 第十项',
      expected: { meta: {}, blocks: [item('第一项', 1), item('第二项', 2), item('第十项', 3)], problems: [] },
    },
    {
      name: '*, + and - list items',
      input: '* 星号项目\n+ 加号项目\n- 减号项目',
      expected: { meta: {}, blocks: [item('星号项目', 1), item('加号项目', 2), item('减号项目', 3)], problems: [] },
    },
    {
      name: 'a single list item is not a heading',
      input: '- 项目',
      expected: { meta: {}, blocks: [item('项目', 1)], problems: [] },
    },
    {
      name: 'a list item continues on the next line',
      input: '- 第一项开头\n  第一项继续',
      expected: { meta: {}, blocks: [item('第一项开头第一项继续', 1)], problems: [] },
    },
    {
      name: 'an empty list item is dropped',
      input: '- \n- 有内容',
      expected: { meta: {}, blocks: [item('有内容', 2)], problems: [] },
    },
    {
      name: 'paragraph then list without a blank line',
      input: '我们知道：\n- 第一\n- 第二',
      expected: { meta: {}, blocks: [para('我们知道：', 1), item('第一', 2), item('第二', 3)], problems: [] },
    },
    {
      name: 'Han lines are joined without a space',
      input: '第一行\n第二行',
      // Two lines: a paragraph even though the text would pass the heading rule.
      expected: { meta: {}, blocks: [para('第一行第二行', 1)], problems: [] },
    },
    {
      name: 'Latin lines are joined with one space',
      input: 'Andrej Karpathy\nsaid hello.',
      expected: { meta: {}, blocks: [para('Andrej Karpathy said hello.', 1)], problems: [] },
    },
    {
      name: 'mixed lines are joined with one space',
      input: '他说\nTransformer\n很强。',
      expected: { meta: {}, blocks: [para('他说 Transformer 很强。', 1)], problems: [] },
    },
    {
      name: 'breaks: ***, - - -, ___, * * * and ---',
      input: '甲。\n\n***\n\n乙。\n\n- - -\n\n丙。\n\n___\n\n * * * \n\n---',
      expected: {
        meta: {},
        blocks: [para('甲。', 1), brk(3), para('乙。', 5), brk(7), para('丙。', 9), brk(11), brk(13), brk(15)],
        problems: [],
      },
    },
    {
      name: 'a break right after a paragraph line (no setext heading)',
      input: '第一段。\n---\n第二段。',
      expected: { meta: {}, blocks: [para('第一段。', 1), brk(2), para('第二段。', 3)], problems: [] },
    },
    {
      name: '"--" is not a break',
      input: '--',
      expected: { meta: {}, blocks: [para('--', 1)], problems: [] },
    },
    {
      name: 'an implicit heading at the end of a file without a final newline',
      input: '正文。\n\n结语',
      expected: { meta: {}, blocks: [para('正文。', 1), heading('结语', 3, 2)], problems: [] },
    },
  ];

  it.each(cases)('$name', ({ input, expected }) => {
    expect(parseText(input)).toEqual(expected);
  });

  const crlfSamples = [
    { name: 'seed article', input: seedSource },
    {
      name: 'front matter, heading, list and break',
      input: '---\ntitle: 题\n---\n\n# 标题\n\n第一行\n第二行。\n\n- 项目\n\n---\n\n结语',
    },
  ];
  it.each(crlfSamples)('CRLF line endings give the same result as LF: $name', ({ input }) => {
    const lf = parseText(input);
    expect(lf.blocks.length).toBeGreaterThan(3);
    expect(parseText(input.replace(/\n/g, '\r\n'))).toEqual(lf);
    expect(parseText(input.replace(/\n/g, '\r'))).toEqual(lf);
    expect(parseText(`\uFEFF${input.replace(/\n/g, '\r\n')}`)).toEqual(lf);
  });
});

// A Chinese .txt file hard-wrapped once per line with no blank lines: one paragraph over
// 8,000 lines, about 1.5 MB. Before parsing was made linear this took about 100 s.
describe('parseText on a hard-wrapped paragraph of 8,000 lines', () => {
  const LINES = 8000;
  const zhLine = (i: number) =>
    `第${i}行：这是一段被硬换行的中文文字，每一行后面都有一个换行符，中间没有任何空行来分隔段落，读者在页面上看到的是连在一起的一整段文字。`;
  const latinLine = (i: number) => `line ${i} of a long English paragraph, wrapped at a fixed width by an old editor`;

  it('joins Chinese lines without spaces into one paragraph', { timeout: 10_000 }, () => {
    const lines = Array.from({ length: LINES }, (_, i) => zhLine(i));
    const source = lines.join('\n');
    expect(new TextEncoder().encode(source).length).toBeGreaterThan(1_500_000);
    const parsed = parseText(source);
    expect(parsed.blocks).toEqual([{ type: 'paragraph', text: lines.join(''), line: 1 }]);
  });

  it('joins Latin lines with one space into one paragraph', { timeout: 10_000 }, () => {
    const lines = Array.from({ length: LINES }, (_, i) => latinLine(i));
    const parsed = parseText(lines.join('\n'));
    expect(parsed.blocks).toEqual([{ type: 'paragraph', text: lines.join(' '), line: 1 }]);
  });

  it('joinLines looks only at the two characters that meet', () => {
    expect(joinLines(['甲', '', '乙'])).toBe('甲  乙');
    expect(joinLines(['', '甲', '乙'])).toBe('甲乙');
    expect(joinLines(['a😀', '乙'])).toBe('a😀 乙');
    expect(joinLines(['𠀀', '乙'])).toBe('𠀀乙');
  });
});

describe('parseText folds a book’s own table of contents', () => {
  const types = (source: string) => parseText(source).blocks.map((b) => `${b.type}:${b.text}`);
  const cases = [
    {
      name: 'three entries, then the first chapter and its text',
      source: '目录\n\n第一回 甲\n\n第二回 乙\n\n第三回 丙\n\n第一回 甲\n\n话说。\n\n第二回 乙\n\n却说。',
      expected: [
        'heading:目录',
        'list-item:第一回 甲',
        'list-item:第二回 乙',
        'list-item:第三回 丙',
        'heading:第一回 甲',
        'paragraph:话说。',
        'heading:第二回 乙',
        'paragraph:却说。',
      ],
    },
    {
      name: 'two headings in a row are a part and a chapter, not contents',
      source: '卷一\n\n第一回 甲\n\n话说。\n\n第二回 乙\n\n却说。',
      expected: ['heading:卷一', 'heading:第一回 甲', 'paragraph:话说。', 'heading:第二回 乙', 'paragraph:却说。'],
    },
    {
      name: 'contents at the end of a text',
      source: '第一回 甲\n\n话说。\n\n第一回 甲\n\n第二回 乙\n\n第三回 丙',
      expected: ['heading:第一回 甲', 'paragraph:话说。', 'list-item:第一回 甲', 'list-item:第二回 乙', 'list-item:第三回 丙'],
    },
  ];
  it.each(cases)('$name', ({ source, expected }) => expect(types(source)).toEqual(expected));
});
