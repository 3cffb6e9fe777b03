import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isImplicitHeading, joinLines, MAX_HEADING_CHARS, normalizeSource, parseText } from './parse';
import type { BlockType } from './types';

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
