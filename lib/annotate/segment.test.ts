import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseText } from '@/lib/text/parse';
import { segmentWords } from './segment';
import { MAX_RUN, splitLongRuns } from './segment-cut';
import type { Token } from './types';
import { parseWordList } from './word-list';
import { peekProcessState } from '@/lib/process-state';
import { WeightedLru } from '@/lib/weighted-lru';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.resolve(root, file), 'utf8');

/** Everything wrong with a segmentation of `text`; empty when tokens rebuild it with correct offsets. */
function problems(text: string, tokens: readonly Token[]): string[] {
  const found: string[] = [];
  let at = 0;
  for (const token of tokens) {
    const where = `${JSON.stringify(token.text)} at ${token.start}`;
    if (token.text === '') found.push(`empty token at ${token.start}`);
    if (token.start !== at) found.push(`${where}: expected start ${at}`);
    if (token.end !== token.start + token.text.length) found.push(`${where}: end ${token.end}`);
    if (text.slice(token.start, token.end) !== token.text) found.push(`${where}: text differs`);
    if (token.chinese !== /\p{Script=Han}/u.test(token.text)) found.push(`${where}: chinese ${token.chinese}`);
    at = token.end;
  }
  if (at !== text.length) found.push(`tokens end at ${at}, text at ${text.length}`);
  return found;
}

const texts = (tokens: readonly Token[]) => tokens.map((token) => token.text);

describe('splitLongRuns', () => {
  const 好 = (n: number) => '好'.repeat(n);
  const cases = [
    { title: 'empty text', text: '', expected: [] },
    { title: 'a short sentence', text: '这是一个短句子。', expected: ['这是一个短句子。'] },
    { title: 'exactly MAX_RUN characters', text: 好(30), expected: [好(30)] },
    { title: 'one more than MAX_RUN, no particle', text: 好(31), expected: [好(30), 好(1)] },
    { title: 'several windows', text: 好(65), expected: [好(30), 好(30), 好(5)] },
    {
      title: 'after the last 的 in the window',
      text: `${好(5)}的${好(10)}的${好(20)}`,
      expected: [`${好(5)}的${好(10)}的`, 好(20)],
    },
    {
      title: '的 before other particles',
      text: `${好(5)}的${好(10)}了${好(20)}`,
      expected: [`${好(5)}的`, `${好(10)}了`, 好(20)],
    },
    { title: 'not inside 的确', text: `${好(20)}的确${好(20)}`, expected: [`${好(20)}的确${好(8)}`, 好(12)] },
    { title: 'runs split by punctuation are short', text: `${好(20)}，${好(20)}`, expected: [`${好(20)}，${好(20)}`] },
    { title: 'runs split by Latin letters are short', text: `${好(20)}AI${好(20)}`, expected: [`${好(20)}AI${好(20)}`] },
    { title: 'Latin text is never cut', text: 'a'.repeat(100), expected: ['a'.repeat(100)] },
    { title: 'characters outside the BMP count once', text: '𠀀'.repeat(31), expected: ['𠀀'.repeat(30), '𠀀'] },
  ];
  it.each(cases)('$title', ({ text, expected }) => {
    const pieces = splitLongRuns(text);
    expect(pieces).toEqual(expected);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      for (const run of piece.match(/\p{Script=Han}+/gu) ?? []) expect(Array.from(run).length).toBeLessThanOrEqual(MAX_RUN);
    }
  });
});

describe('segmentWords', () => {
  const cases = [
    { title: 'empty text', text: '', words: [], expected: [] },
    {
      title: 'whitespace runs are tokens',
      text: ' a\u3000 b\t中文 ',
      words: [],
      expected: [' ', 'a', '\u3000 ', 'b', '\t', '中文', ' '],
    },
    {
      title: 'without a word list 播客 is split',
      text: '近日，播客节目',
      words: [],
      expected: ['近日', '，', '播', '客', '节目'],
    },
    {
      title: 'listed words stay whole, spaces included',
      text: '近日，播客节目 No Priors 发布了',
      words: ['播客', 'No Priors'],
      expected: ['近日', '，', '播客', '节目', ' ', 'No Priors', ' ', '发布', '了'],
    },
    {
      title: 'a URL is one token',
      text: '链接：https://github.com/karpathy/LLM101n',
      words: [],
      expected: ['链接', '：', 'https://github.com/karpathy/LLM101n'],
    },
    {
      title: 'a listed term does not break a URL',
      text: 'LLM101n：https://github.com/karpathy/LLM101n',
      words: ['LLM101n', 'GitHub'],
      expected: ['LLM101n', '：', 'https://github.com/karpathy/LLM101n'],
    },
    {
      title: 'numbers and dates',
      text: '0.001% 的数据，2024年9月8日',
      words: [],
      // Numbers apart from their characters, so 年, 月 and 日 each carry their own reading.
      expected: ['0.001%', ' ', '的', '数据', '，', '2024', '年', '9', '月', '8', '日'],
    },
    {
      title: 'a term with punctuation and Han',
      text: '「AI+教育」赛道',
      words: ['AI+教育'],
      expected: ['「', 'AI+教育', '」', '赛道'],
    },
    {
      title: 'a name with a middle dot',
      text: '当伊隆·马斯克决定',
      words: ['伊隆·马斯克'],
      expected: ['当', '伊隆·马斯克', '决定'],
    },
    {
      title: 'a term next to Han',
      text: 'ChatGPT 的GPT-4 的',
      words: ['GPT-4'],
      expected: ['ChatGPT', ' ', '的', 'GPT-4', ' ', '的'],
    },
    { title: 'a term in another case', text: 'eureka labs 公司', words: ['Eureka Labs'], expected: ['eureka labs', ' ', '公司'] },
    { title: 'not inside a Latin word', text: 'OpenAI 和 AI', words: ['AI'], expected: ['OpenAI', ' ', '和', ' ', 'AI'] },
    {
      title: 'not inside a longer Latin term',
      text: 'B2Cx 与 B2C',
      words: ['B2C'],
      expected: ['B', '2', 'Cx', ' ', '与', ' ', 'B2C'],
    },
    {
      title: 'a listed word wins a tie',
      text: '将数据重构成类似内心独白的格式',
      words: ['重构'],
      expected: ['将', '数据', '重构', '成', '类似', '内心', '独白', '的', '格式'],
    },
    {
      title: 'segmentit splits 重构 on its own',
      text: '将数据重构成类似内心独白的格式',
      words: [],
      expected: ['将', '数据', '重', '构成', '类似', '内心', '独白', '的', '格式'],
    },
    {
      title: 'a listed word that would cost a word is not forced',
      text: '传播客观的信息',
      words: ['播客'],
      expected: ['传播', '客观的', '信息'],
    },
    {
      title: 'one listed word does not break another',
      text: '合成数据集',
      words: ['合成数据', '数据集'],
      expected: ['合成', '数据集'],
    },
    { title: 'emoji and characters outside the BMP', text: '中国😀人民𠀀', words: [], expected: ['中国', '😀', '人民', '𠀀'] },
  ];
  it.each(cases)('$title', ({ text, words, expected }) => {
    const tokens = segmentWords(text, words);
    expect(problems(text, tokens)).toEqual([]);
    expect(texts(tokens)).toEqual(expected);
  });

  it('marks tokens with Han characters as Chinese', () => {
    const tokens = segmentWords('AI+教育 与 AI，2024年', ['AI+教育']);
    expect(tokens.map((token) => [token.text, token.chinese])).toEqual([
      ['AI+教育', true],
      [' ', false],
      ['与', true],
      [' ', false],
      ['AI', false],
      ['，', false],
      ['2024', false],
      ['年', true],
    ]);
  });
});

describe('numbers apart from their characters', () => {
  it.each(['2025年', '增长了3.5万元', '第１２０回', '共1,200人，约３．５万', '2024年9月8日发布'])(
    '%s: no token mixes digits and Han',
    (text) => {
      const tokens = segmentWords(text);
      expect(problems(text, tokens)).toEqual([]);
      expect(tokens.filter((t) => /[0-9０-９]/u.test(t.text) && /\p{Script=Han}/u.test(t.text)).map((t) => t.text)).toEqual([]);
      expect(tokens.filter((t) => /[0-9０-９]/u.test(t.text)).every((t) => !t.chinese)).toBe(true);
    },
  );
});

describe('bounded time', () => {
  const slowLines = readFileSync(path.resolve(__dirname, 'fixtures/segmentit-slow-lines.txt'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const han = slowLines.join('').replace(/[^\p{Script=Han}]/gu, '');
  const longTexts = [
    {
      title: '5,000 Han characters of statute text, no punctuation',
      text: han.repeat(Math.ceil(5000 / han.length)).slice(0, 5000),
    },
    // One character repeated has the most segmentations: 30 of 哈 alone took segmentit ~0.5 s.
    { title: '5,000 times 哈', text: '哈'.repeat(5000) },
    // segmentit's optimizers are quadratic in a piece's words, and 200,000 tokens overflow push(...tokens).
    { title: "200,000 characters of 'a-', no whitespace", text: 'a-'.repeat(100_000) },
  ];

  beforeAll(() => {
    segmentWords('预热一下');
  });

  // Unsplit, these take from seconds to hours (the fixture README): the time limit is a safety net
  // against that blow-up, far above the real cost, which `npm run bench` prints.
  it.each(slowLines.map((line, i) => ({ line, n: i + 1 })))(
    'slow line $n segments completely',
    { timeout: 20_000 },
    ({ line }) => {
      expect(problems(line, segmentWords(line))).toEqual([]);
    },
  );

  it.each(longTexts)('$title segments completely', { timeout: 20_000 }, ({ text }) => {
    expect(problems(text, segmentWords(text))).toEqual([]);
  });
});

describe('segmenter instances', () => {
  const registry = () => peekProcessState<WeightedLru<string, unknown>>('segmenters') ?? WeightedLru.ofCount<string, unknown>(0);

  it('shares one per word list, whatever its order; terms with Latin letters need none of their own', () => {
    segmentWords('赋能');
    segmentWords('重构', ['重构', '赋能']);
    const keys = [...registry().keys()].sort();
    segmentWords('赋能', ['赋能', 'GPT-4', '重构', '赋能']);
    segmentWords('赋能', ['GPT-4', 'No Priors']);
    expect([...registry().keys()].sort()).toEqual(keys);
  });

  it('keeps at most four', { timeout: 60_000 }, () => {
    for (const word of ['甲词', '乙词', '丙词', '丁词', '戊词']) segmentWords(word, [word]);
    expect(registry().size().entries).toBe(4);
  });
});

describe('the seed article', () => {
  const domainTerms = [
    '自动驾驶',
    '人形机器人',
    '规模扩展律',
    '认知核心',
    '大模型',
    '合成数据',
    '迁移学习',
    '深度学习',
    '残差连接',
    '层归一化',
    '注意力模块',
    '可微分',
    '数据集',
    '赋能',
    '播客',
    '供应链',
    '变形金刚',
    '加密货币',
    '工作记忆',
    '伊隆·马斯克',
    'Eureka Labs',
    'No Priors',
    'Andrej Karpathy',
    'Ilya Sutskever',
    'GPT-4',
    'AI+教育',
    'B2C',
    'B2B',
    'I/O',
    '重构',
    '神经网络',
    '激光雷达',
    '传感器',
    '蒸馏',
    '大脑皮层',
    '寡头垄断',
    '首席科学家',
  ];
  const blocks = parseText(read('content/karpathy-no-priors.txt'))
    .blocks.map((block) => block.text)
    .filter(Boolean);
  const words = [...parseWordList(read('content/_shared.terms')), ...parseWordList(read('content/karpathy-no-priors.terms'))];
  const settings = [
    { title: 'without word lists', words: [] as string[] },
    { title: 'with the word lists', words },
  ];
  const segmented = new Map<string, Token[][]>();

  /** Occurrences of the term in the seed, and how many are exactly one token. */
  function wholeCount(term: string, tokensOfBlocks: readonly Token[][]): { whole: number; total: number } {
    let whole = 0;
    let total = 0;
    blocks.forEach((text, i) => {
      const starts = new Set((tokensOfBlocks[i] ?? []).filter((token) => token.text === term).map((token) => token.start));
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
        total += 1;
        if (starts.has(at)) whole += 1;
      }
    });
    return { whole, total };
  }

  beforeAll(() => {
    for (const { title, words: list } of settings)
      segmented.set(
        title,
        blocks.map((text) => segmentWords(text, list)),
      );
  }, 60_000);

  it.each(settings)('$title, tokens rebuild every block with correct offsets', ({ title }) => {
    const tokensOfBlocks = segmented.get(title) ?? [];
    expect(tokensOfBlocks).toHaveLength(blocks.length);
    blocks.forEach((text, i) => expect(problems(text, tokensOfBlocks[i] ?? [])).toEqual([]));
  });

  it.each(domainTerms)('%s is one token wherever it occurs', (term) => {
    const { whole, total } = wholeCount(term, segmented.get('with the word lists') ?? []);
    expect(total).toBeGreaterThan(0);
    expect(whole).toBe(total);
  });

  it('reports the share of domain terms kept whole', () => {
    const ratio = (title: string) =>
      domainTerms
        .map((term) => wholeCount(term, segmented.get(title) ?? []))
        .reduce((sum, count) => ({ whole: sum.whole + count.whole, total: sum.total + count.total }), { whole: 0, total: 0 });
    const without = ratio('without word lists');
    const withLists = ratio('with the word lists');
    console.log(
      `domain terms whole: ${withLists.whole}/${withLists.total} with the word lists, ${without.whole}/${without.total} without`,
    );
    expect(withLists.whole).toBe(withLists.total);
    expect(without.whole).toBeLessThan(without.total);
  });

  it('segments every block completely with the word lists', () => {
    for (const text of blocks) expect(problems(text, segmentWords(text, words))).toEqual([]);
  });
});

// Last: it swaps segmentit for a fake, whose instance stays in the process-wide registry under its own word list.
describe('when segmentit returns text that is not in the piece', () => {
  let reply: string[] = [];
  afterAll(() => {
    vi.doUnmock('segmentit');
    vi.resetModules();
  });

  const cases = [
    { title: 'a changed word', returned: ['甲', '变', '丙丁'], expected: ['甲', '乙', '丙丁'] },
    { title: 'a dropped character', returned: ['甲', '丙丁'], expected: ['甲', '乙', '丙丁'] },
    { title: 'overlapping words', returned: ['甲乙', '乙丙', '丁'], expected: ['甲乙', '丙', '丁'] },
    { title: 'nothing that is there', returned: ['戊'], expected: ['甲', '乙', '丙', '丁'] },
    { title: 'nothing at all', returned: [], expected: ['甲', '乙', '丙', '丁'] },
  ];
  it.each(cases)('$title: single characters fill the gap', async ({ returned, expected }) => {
    reply = returned;
    vi.resetModules();
    vi.doMock('segmentit', () => ({
      Segment: class {
        loadDict() {
          return this;
        }
        getDict() {
          return {};
        }
        doSegment() {
          return reply;
        }
      },
      useDefault: (segment: unknown) => segment,
    }));
    const { segmentWords: segmentWithFake } = await import('./segment');
    const tokens = segmentWithFake('甲乙丙丁', ['假的词表']);
    expect(problems('甲乙丙丁', tokens)).toEqual([]);
    expect(texts(tokens)).toEqual(expected);
  });
});
