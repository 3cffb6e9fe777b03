import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isImplicitHeading, joinLines, MAX_HEADING_CHARS, normalizeSource, parseText } from './parse';
import type { BlockType, ParsedText, SourceBlock } from './types';

const SEED_PATH = fileURLToPath(new URL('../../content/karpathy-no-priors.txt', import.meta.url));
const seedSource = readFileSync(SEED_PATH, 'utf8');
const seed = parseText(seedSource);

/**
 * The seed article, block by block, written by hand from reading the file (not dumped
 * from the parser). `text` is the whole block text; `start` is how a long block begins.
 */
type Expected = { line: number; type: BlockType } & ({ text: string } | { start: string });
const DUP_CAPTION = '他说，自己曾看过一个小孩子在杂志进行滑动操作的视频。我们觉得很自然的技术可能在新一代人眼中并不自然。';
const seedExpected: Expected[] = [
  { line: 7, type: 'paragraph', start: '前些天，OpenAI 前首席科学家 Ilya Sutskever 创立的新公司' },
  { line: 9, type: 'paragraph', text: '近日，播客节目 No Priors 发布了对这位著名 AI 研究者的专访视频。' },
  { line: 11, type: 'break', text: '' },
  { line: 14, type: 'paragraph', start: 'Andrej Karpathy 曾是 OpenAI 的早期成员之一' },
  { line: 16, type: 'paragraph', start: '在这个节目中，Andrej Karpathy 分享了' },
  { line: 18, type: 'heading', text: '自动驾驶是 AGI 以及 Waymo vs 特斯拉' },
  { line: 20, type: 'paragraph', start: '首先，Andrej Karpathy 谈到了完全自动驾驶汽车。' },
  { line: 22, type: 'paragraph', start: '他还分享了自己十年前乘坐 Waymo 自动驾驶的经历' },
  // A video caption in the original article. It is short, alone between blank lines and has
  // no sentence punctuation, so the implicit-heading rule makes it a heading. Intended.
  { line: 24, type: 'heading', text: '特斯拉自动驾驶功能演示' },
  { line: 26, type: 'paragraph', text: '我们知道，Waymo 和特斯拉采用了不同的技术方法论：' },
  {
    line: 28,
    type: 'list-item',
    text: 'Waymo 的自动驾驶汽车采用了大量昂贵的激光雷达和各式各样的传感器，从而为其软件系统提供全...',
  },
  { line: 30, type: 'paragraph', start: '对此，Karpathy 表示其实特拉斯也会使用大量昂贵的传感器' },
  { line: 32, type: 'heading', text: '人形机器人以及机器人公司特斯拉' },
  {
    line: 34,
    type: 'paragraph',
    text: 'Andrej Karpathy 在离开特斯拉之前也参与研究过特斯拉的人形机器人。他认为这是将能改变一切的研究方向。',
  },
  { line: 36, type: 'paragraph', start: '他说：「汽车其实就是机器人。' },
  { line: 38, type: 'paragraph', start: '实际上，人形机器人 Optimus 的早期版本' },
  { line: 40, type: 'paragraph', start: '当伊隆·马斯克决定做人形机器人时' },
  { line: 42, type: 'paragraph', start: '至于人形机器人的第一个应用领域，Karpathy 说' },
  { line: 44, type: 'paragraph', start: '当被问到为什么要做人形机器人时（' },
  { line: 46, type: 'paragraph', start: '而人形是我们熟悉的形态' },
  { line: 48, type: 'paragraph', start: '他强调了迁移学习的重要性。' },
  { line: 50, type: 'heading', text: 'Transformer 可能超越人脑' },
  { line: 52, type: 'paragraph', start: 'Andrej Karpathy 称赞了 Transformer 的独特之处' },
  { line: 54, type: 'paragraph', start: 'Transformer 就像是通用型训练计算机' },
  { line: 56, type: 'paragraph', start: 'Karpathy 表示 Transformer 还远没到自己的极限。' },
  { line: 58, type: 'paragraph', start: '互联网数据很多，但 Karpathy 表示' },
  {
    line: 60,
    type: 'paragraph',
    text: '使用合成数据也能大有助益。所以很有趣的一点是：现在的大模型正在帮助我们创造下一代大模型。',
  },
  { line: 62, type: 'paragraph', start: '不过他也警告了合成数据的风险。' },
  { line: 64, type: 'paragraph', start: '接下来，Karpathy 说虽然 Transformer 和人脑应当谨慎类比' },
  { line: 66, type: 'heading', text: 'AI 增强人类以及与人类的融合' },
  { line: 68, type: 'paragraph', start: 'AI 能提升人类的生产力和效率' },
  { line: 70, type: 'paragraph', start: '他表示，计算机与人类实际上已经有一点融合了。' },
  { line: 72, type: 'paragraph', text: DUP_CAPTION },
  {
    line: 74,
    type: 'paragraph',
    text: '但如果要实现更高级的融合，还有一些 I/O 问题有待解决。实际上，NeuraLink 就正在做这方面的研究。',
  },
  { line: 76, type: 'paragraph', start: '他说：「我不知道这种融合会是什么样子。' },
  { line: 78, type: 'paragraph', start: '当然，这又会引发对生态系统的担忧。' },
  { line: 80, type: 'heading', text: '现在的大模型参数过剩' },
  { line: 82, type: 'paragraph', start: '当被问到蒸馏小模型方面的问题' },
  { line: 84, type: 'paragraph', start: '至于具体的大小，Karpathy 认为会是数十亿的参数量' },
  { line: 86, type: 'paragraph', start: '当这些模型发挥作用时' },
  { line: 88, type: 'heading', text: 'Karpathy 的教育事业' },
  { line: 90, type: 'paragraph', start: 'Andrej Karpathy 离开 OpenAI 后一头扎进了「AI+教育」领域。' },
  { line: 92, type: 'paragraph', start: '他表示，计算机与人类实际上已经有一点融合了。' },
  { line: 94, type: 'paragraph', text: DUP_CAPTION },
  {
    line: 96,
    type: 'paragraph',
    text: '但如果要实现更高级的融合，还有一些 I/O 问题有待解决。实际上，NeuraLink 就正...',
  },
  { line: 98, type: 'paragraph', start: 'Andrej Karpathy 离开 OpenAI 后一头扎进了「AI+教育」领域。' },
  { line: 100, type: 'paragraph', text: 'GitHub 链接：https://github.com/karpathy/LLM101n' },
  { line: 102, type: 'paragraph', text: '（但请注意，课程还没上线。）' },
  { line: 104, type: 'paragraph', start: '他谈到自己曾经在斯坦福大学教过二三十门课程' },
  // Lines 106–108 have no blank line between them: paragraph, `---` break, paragraph.
  { line: 106, type: 'paragraph', text: '这是一个已经成熟正待摘取的果实。目前在 AI+教育这一赛道上，AI' },
  { line: 107, type: 'break', text: '' },
  {
    line: 108,
    type: 'paragraph',
    text: '感谢阅读！如果您对AI的更多资讯感兴趣，可以查看更多AI文章：[GPTNB](https://gptnb.com)。',
  },
];

const SEED_HEADINGS = [
  '自动驾驶是 AGI 以及 Waymo vs 特斯拉',
  '特斯拉自动驾驶功能演示',
  '人形机器人以及机器人公司特斯拉',
  'Transformer 可能超越人脑',
  'AI 增强人类以及与人类的融合',
  '现在的大模型参数过剩',
  'Karpathy 的教育事业',
];

describe('parseText on the seed article', () => {
  it('reads the front matter', () => {
    expect(seed.meta).toEqual({
      title: 'Andrej Karpathy最新激进观点：Transformer将超越人脑',
      date: '2024-09-08',
      author: 'ByteAILab',
    });
    expect(seed.problems).toEqual([]);
  });

  it('finds 52 blocks: 50 with text and 2 breaks', () => {
    expect(seedExpected).toHaveLength(52);
    expect(seed.blocks).toHaveLength(52);
    expect(seed.blocks.filter((b) => b.type === 'break')).toHaveLength(2);
    expect(seed.blocks.filter((b) => b.type !== 'break')).toHaveLength(50);
  });

  it.each(seedExpected.map((expected, index) => ({ index, ...expected })))('block $index: $type at line $line', (expected) => {
    const block = seed.blocks[expected.index];
    expect(block).toBeDefined();
    expect(block?.type).toBe(expected.type);
    expect(block?.line).toBe(expected.line);
    if ('text' in expected) expect(block?.text).toBe(expected.text);
    else expect(block?.text.startsWith(expected.start), `starts with ${expected.start}`).toBe(true);
  });

  it('has exactly the seven expected headings, all level 2', () => {
    const headings = seed.blocks.filter((b) => b.type === 'heading');
    expect(headings.map((h) => h.text)).toEqual(SEED_HEADINGS);
    expect(headings.map((h) => h.level)).toEqual(SEED_HEADINGS.map(() => 2));
  });

  it('has exactly one list item, marker removed', () => {
    const items = seed.blocks.filter((b) => b.type === 'list-item');
    expect(items).toEqual([
      {
        type: 'list-item',
        text: 'Waymo 的自动驾驶汽车采用了大量昂贵的激光雷达和各式各样的传感器，从而为其软件系统提供全...',
        line: 28,
      },
    ]);
  });

  it('keeps the "..." of the truncated paragraphs', () => {
    const truncated = seed.blocks.filter((b) => b.text.endsWith('...')).map((b) => b.line);
    expect(truncated).toEqual([22, 28, 30, 58, 84, 96, 104]);
  });

  const duplicates = [
    { name: '他表示，计算机与人类…', lines: [70, 92] },
    { name: '他说，自己曾看过一个小孩子…', lines: [72, 94] },
    { name: 'Andrej Karpathy 离开 OpenAI 后…', lines: [90, 98] },
  ];
  it.each(duplicates)('a passage that appears twice gives two blocks: $name', ({ lines }) => {
    const found = lines.map((line) => seed.blocks.find((b) => b.line === line));
    expect(found.every((b) => b?.type === 'paragraph')).toBe(true);
    expect(found[0]?.text).toBe(found[1]?.text);
    expect(seed.blocks.filter((b) => b.text === found[0]?.text)).toHaveLength(2);
  });

  it('the first and last texts of the duplicated 他表示… passage are the full paragraph', () => {
    const block = seed.blocks.find((b) => b.line === 92);
    expect(block?.text).toBe(
      '他表示，计算机与人类实际上已经有一点融合了。比如我们随身携带的智能手机，现在许多人完全无法离开手机，否则甚至会感觉自己智力都下降了。另一个例子是导航软件让许多人失去了记忆道路的能力，甚至在自家附近也要导航。他表示翻译软件也正渐渐让人们失去直接使用外语沟通的能力。',
    );
  });
});

describe('isImplicitHeading on every non-blank body line of the seed', () => {
  // Lines 1–5 are the front matter; the body starts at line 6.
  const bodyLines = normalizeSource(seedSource)
    .split('\n')
    .map((text, i) => ({ line: i + 1, text }))
    .filter(({ line, text }) => line >= 6 && text.trim() !== '');
  // Written by hand: the only body lines the rule accepts.
  const headingLines = new Set([18, 24, 32, 50, 66, 80, 88]);
  const table = bodyLines.map(({ line, text }) => ({
    line,
    text: text.length > 24 ? `${text.slice(0, 24)}…` : text,
    full: text,
    expected: headingLines.has(line),
  }));

  it('sees all 52 non-blank body lines (50 text lines, 2 `---`)', () => {
    expect(table).toHaveLength(52);
    expect(table.filter((row) => row.expected).map((row) => row.full)).toEqual(SEED_HEADINGS);
  });

  it.each(table)('line $line "$text" → $expected', ({ full, expected }) => {
    expect(isImplicitHeading(full)).toBe(expected);
  });
});

describe('isImplicitHeading, crafted lines', () => {
  const cases: { name: string; input: string; expected: boolean }[] = [
    { name: 'short Chinese title', input: '第一章 总则', expected: true },
    { name: 'English title', input: 'Waymo vs Tesla', expected: true },
    { name: 'comma inside is allowed', input: '你好，世界', expected: true },
    { name: 'closing bracket without punctuation', input: '结论（附录）', expected: true },
    { name: 'ending in a closing corner bracket: a quotation, not a heading', input: '「特斯拉」', expected: false },
    { name: 'surrounded by full-width spaces', input: '\u3000\u3000标题\u3000', expected: true },
    { name: 'surrounded by ASCII spaces and tabs', input: ' \t标题 ', expected: true },
    { name: `exactly ${MAX_HEADING_CHARS} Han characters`, input: '汉'.repeat(MAX_HEADING_CHARS), expected: true },
    { name: `${MAX_HEADING_CHARS + 1} Han characters`, input: '汉'.repeat(MAX_HEADING_CHARS + 1), expected: false },
    // Counted in code points, not UTF-16 units: 40 astral Han characters are 80 units.
    { name: '40 astral (Ext-B) Han characters', input: '𠮷'.repeat(40), expected: true },
    { name: '41 astral (Ext-B) Han characters', input: '𠮷'.repeat(41), expected: false },
    { name: 'ends with 。', input: '这是一句话。', expected: false },
    { name: 'ends with full-width colon', input: '技术方法论：', expected: false },
    { name: 'ends with ASCII colon', input: 'Note:', expected: false },
    { name: 'ends with full-width comma', input: '首先，', expected: false },
    { name: 'ends with 、', input: '项目、', expected: false },
    { name: 'ends with ASCII "..."', input: '未完待续...', expected: false },
    { name: 'ends with …', input: '未完待续…', expected: false },
    { name: 'ends with ……', input: '未完待续……', expected: false },
    { name: 'ends with ～', input: '待续～', expected: false },
    { name: 'ends with ASCII ;', input: '注意;', expected: false },
    { name: 'ends with ？', input: '为什么？', expected: false },
    { name: 'ends with ASCII ?', input: 'Why?', expected: false },
    { name: 'ends with ！', input: '太好了！', expected: false },
    { name: '！ inside', input: '你好！世界', expected: false },
    { name: '。 inside', input: '第一句。第二句', expected: false },
    { name: '； inside', input: '甲；乙', expected: false },
    { name: 'closing bracket after 。', input: '（但请注意，课程还没上线。）', expected: false },
    { name: 'closing quote after 。', input: '「好的。」', expected: false },
    { name: 'closing bracket after ASCII .', input: '(see below.)', expected: false },
    { name: 'closing quote after ASCII .', input: 'He said "ok."', expected: false },
    { name: 'closing bracket after ：', input: '（如下：）', expected: false },
    { name: 'contains a URL', input: 'GitHub 链接 https://github.com/karpathy', expected: false },
    { name: 'is a URL', input: 'https://gptnb.com', expected: false },
    { name: 'is a Markdown link', input: '[GPTNB](https://gptnb.com)', expected: false },
    { name: 'digits only', input: '2024', expected: false },
    { name: 'full-width digits only', input: '１２３', expected: false },
    { name: 'a date', input: '2024-09-08', expected: false },
    { name: 'a break line', input: '---', expected: false },
    { name: 'emoji only', input: '🎉🎉', expected: false },
    { name: 'empty', input: '', expected: false },
    { name: 'spaces only', input: '   ', expected: false },
    { name: 'full-width space only', input: '\u3000', expected: false },
  ];
  it.each(cases)('$name → $expected', ({ input, expected }) => {
    expect(isImplicitHeading(input)).toBe(expected);
  });
});

describe('normalizeSource', () => {
  const cases = [
    { name: 'BOM and CRLF', input: '\uFEFF甲\r\n乙', expected: '甲\n乙' },
    { name: 'old Mac CR', input: '甲\r乙\r', expected: '甲\n乙\n' },
    { name: 'LF unchanged', input: '甲\n\n乙', expected: '甲\n\n乙' },
    { name: 'BOM only at the start is removed', input: '甲\uFEFF乙', expected: '甲\uFEFF乙' },
    { name: 'empty', input: '', expected: '' },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(normalizeSource(input)).toBe(expected);
  });
});

describe('joinLines', () => {
  const cases = [
    { name: 'Han + Han: no space', input: ['第一行', '第二行'], expected: '第一行第二行' },
    { name: 'Latin + Latin: one space', input: ['Andrej Karpathy', 'said hello'], expected: 'Andrej Karpathy said hello' },
    { name: 'Han + Latin: one space', input: ['中文结尾', 'English start'], expected: '中文结尾 English start' },
    { name: 'Latin + Han: one space', input: ['English end', '中文开头'], expected: 'English end 中文开头' },
    { name: 'digit + Han: one space', input: ['今年 7', '月'], expected: '今年 7 月' },
    { name: 'three Han lines', input: ['甲', '乙', '丙'], expected: '甲乙丙' },
    { name: 'Han + opening curly quote: no space', input: ['写道：“', '伏魔之殿”'], expected: '写道：“伏魔之殿”' },
    { name: 'closing curly quote + Han: no space', input: ['“伏魔之殿”', '大尉指着'], expected: '“伏魔之殿”大尉指着' },
    { name: 'English quotes keep their space', input: ['he said.”', '“Yes,” she said'], expected: 'he said.” “Yes,” she said' },
    { name: 'one line', input: ['只有一行'], expected: '只有一行' },
    { name: 'no lines', input: [], expected: '' },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(joinLines(input)).toBe(expected);
  });

  // Han characters outside the BMP (CJK Ext-B, e.g. 𠮷 U+20BB7, common in names) are two
  // UTF-16 units: the join must look at whole code points.
  it('no space after an astral (Ext-B) Han character', () => {
    expect(joinLines(['吉野家的𠮷', '字'])).toBe('吉野家的𠮷字');
  });
  it('no space before an astral (Ext-B) Han character', () => {
    expect(joinLines(['名字是', '𠮷田'])).toBe('名字是𠮷田');
  });

  // Full-width Chinese punctuation is Script=Common, not Han, yet no space belongs next to it.
  it('no space after full-width punctuation at a line end', () => {
    expect(joinLines(['第一行，', '第二行。'])).toBe('第一行，第二行。');
  });
  it('no space before an opening corner bracket', () => {
    expect(joinLines(['他说：', '「你好」'])).toBe('他说：「你好」');
  });
});

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
