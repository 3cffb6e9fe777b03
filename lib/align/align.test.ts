import { describe, expect, it } from 'vitest';
import { alignSentences, usableAnchors } from './align';
import { renderingWords } from './english';
import type { Lexicon } from './features';
import { fitLengthModel, lengthCost, DEFAULT_LENGTH_MODEL } from './length';
import type { SentenceLink } from './types';

// A small hand lexicon, as loadLexicon would give from CC-CEDICT.
const WORDS: Record<string, string[]> = {
  机器人: ['robot'],
  汽车: ['car', 'automobile'],
  公司: ['company'],
  天气: ['weather'],
  猫: ['cat'],
  狗: ['dog'],
  学生: ['student'],
};
const lexicon: Lexicon = (sentence) =>
  Object.entries(WORDS)
    .filter(([word]) => sentence.includes(word))
    .map(([key, senses]) => ({ key, renderings: senses.flatMap((sense) => renderingWords(sense) ?? []).map((w) => [w]) }));

const pairs = (links: readonly SentenceLink[]) => links.map((link) => `${link.zh.join('+')}-${link.en.join('+')}`);

const cases: { name: string; zh: string[]; en: string[]; anchors?: SentenceLink[]; expected: string[] }[] = [
  { name: 'nothing on either side', zh: [], en: [], expected: [] },
  { name: 'no English yet: every sentence alone', zh: ['他来了。', '他走了。'], en: [], expected: ['0-', '1-'] },
  {
    name: '1-1 throughout',
    zh: ['首先，他谈到了完全自动驾驶汽车。', '他说自己在这个领域工作了 5 年时间。', '这实际上已经成为了一种服务产品。'],
    en: [
      'First, he talked about fully self-driving cars.',
      'He said he had worked in the field for five years.',
      'It has in fact become a service product.',
    ],
    expected: ['0-0', '1-1', '2-2'],
  },
  {
    name: '1-2: a long Chinese sentence in two English ones',
    zh: [
      '前些天，前首席科学家创立的新公司获得 10 亿美元投资的新闻刷遍了各大新闻头条，而另一位早期成员则正在教育赛道耕耘，其创立的公司正在积极打造其第一款产品。',
      '近日，播客节目发布了专访视频。',
    ],
    en: [
      'A few days ago, news that the new company founded by the former chief scientist had raised $1 billion made headlines everywhere.',
      'Meanwhile another early member has been hard at work in education, where the company he founded is busy building its first product.',
      'The podcast recently released a video of the interview.',
    ],
    expected: ['0-0+1', '1-2'],
  },
  {
    name: '2-1: two Chinese sentences in one English one',
    zh: ['他在离开特斯拉之前也参与研究过特斯拉的人形机器人。', '他认为这是将能改变一切的研究方向。', '汽车其实就是机器人。'],
    en: [
      'Before leaving Tesla, he also worked on its humanoid robot, a line of research that he believes will change everything.',
      'Cars really are robots.',
    ],
    expected: ['0+1-0', '2-1'],
  },
  {
    name: 'a dropped sentence (1-0), found by its number',
    zh: [
      '他在斯坦福大学教过三十门课程。',
      '那是 2015 年的事情，当时的天气很好，学生们都很高兴，大家一起度过了很长的时间。',
      '这些课程都很成功。',
    ],
    en: ['He taught thirty courses at Stanford.', 'These courses were all very successful.'],
    expected: ['0-0', '1-', '2-1'],
  },
  {
    name: 'an English sentence with no Chinese (0-1)',
    zh: ['猫在睡觉。', '狗在叫。'],
    en: [
      'The cat is asleep.',
      '(Translator’s note: the original says nothing more about it, and this line was added by the translator.)',
      'The dog barks.',
    ],
    expected: ['0-0', '-1', '1-2'],
  },
  {
    name: 'question marks tie their sentences',
    zh: ['你真的认为机器人会取代人吗？', '他认为不会。'],
    en: ['Do you really think robots will replace people?', 'He thinks not.'],
    expected: ['0-0', '1-1'],
  },
  {
    name: 'a fixed link is kept and the rest aligned around it',
    zh: ['猫在睡觉。', '狗在叫。', '学生在学习。'],
    en: ['The cat is asleep.', 'The dog barks.', 'The student studies.'],
    anchors: [{ zh: [1], en: [1] }],
    expected: ['0-0', '1-1', '2-2'],
  },
  {
    name: 'a fixed link that goes against the lengths wins',
    zh: ['猫在睡觉。', '狗在叫。'],
    en: ['The cat is asleep and the dog barks.', 'Then nothing happens.'],
    anchors: [{ zh: [0, 1], en: [0] }],
    expected: ['0+1-0', '-1'],
  },
];

describe('alignSentences', () => {
  for (const { name, zh, en, anchors, expected } of cases) {
    it(name, () => {
      expect(pairs(alignSentences(zh, en, { lexicon, anchors }))).toEqual(expected);
    });
  }

  it('marks given links as manual with confidence 1', () => {
    const links = alignSentences(['猫在睡觉。', '狗在叫。'], ['The cat is asleep.', 'The dog barks.'], {
      anchors: [{ zh: [0], en: [0] }],
    });
    expect(links[0]).toEqual({ zh: [0], en: [0], confidence: 1, manual: true });
    expect(links[1]?.manual).toBeUndefined();
  });

  it('marks a link unsure when another choice is nearly as good', () => {
    // Two short sentences against one: 2-1 or 1-1 plus 0-1 are close.
    const links = alignSentences(['好。', '是的。'], ['Yes, good.'], { unsureBelow: 0.99 });
    expect(links.some((link) => link.unsure)).toBe(true);
    const sure = alignSentences(['他来了。'], ['He came.']);
    expect(sure).toEqual([{ zh: [0], en: [0], confidence: 1 }]);
  });

  it('words of the lexicon say which of three like sentences has no English', () => {
    const zh = ['猫在房子外面的草地上睡觉。', '狗在房子外面的草地上叫。', '学生在学校里面学习。'];
    const student = 'The student studies at school.';
    const cat = ['The cat sleeps on the grass outside the house.', student];
    const dog = ['The dog barks on the grass outside the house.', student];
    expect(pairs(alignSentences(zh, cat, { lexicon }))).toEqual(['0-0', '1-', '2-1']);
    expect(pairs(alignSentences(zh, dog, { lexicon }))).toEqual(['0-', '1-0', '2-1']);
  });
});

describe('a paragraph too large for one table', () => {
  it('is aligned in pieces, still in order', { timeout: 30_000 }, () => {
    const zh = Array.from({ length: 600 }, (_, k) =>
      k % 2 === 0 ? `第 ${k} 只猫在睡觉。` : `第 ${k} 个学生在学校里面认真地学习数学。`,
    );
    const en = zh.map((_, k) => (k % 2 === 0 ? `Cat ${k} is asleep.` : `Student ${k} studies maths hard at school.`));
    const links = alignSentences(zh, en, { lexicon });
    expect(pairs(links)).toEqual(zh.map((_, k) => `${k}-${k}`));
    // One English sentence missing half-way: only that Chinese sentence is left alone.
    const missing = alignSentences(zh, [...en.slice(0, 301), ...en.slice(302)], { lexicon });
    expect(pairs(missing)).toEqual(zh.map((_, k) => (k < 301 ? `${k}-${k}` : k === 301 ? '301-' : `${k}-${k - 1}`)));
  });
});

describe('usableAnchors', () => {
  const table: { name: string; anchors: SentenceLink[]; expected: SentenceLink[] }[] = [
    {
      name: 'in order',
      anchors: [
        { zh: [2], en: [2] },
        { zh: [0], en: [0] },
      ],
      expected: [
        { zh: [0], en: [0] },
        { zh: [2], en: [2] },
      ],
    },
    {
      name: 'crossing: the later one dropped',
      anchors: [
        { zh: [0], en: [2] },
        { zh: [1], en: [1] },
      ],
      expected: [{ zh: [0], en: [2] }],
    },
    { name: 'out of range', anchors: [{ zh: [5], en: [0] }], expected: [] },
    { name: 'not consecutive', anchors: [{ zh: [0, 2], en: [0] }], expected: [] },
  ];
  for (const { name, anchors, expected } of table) {
    it(name, () => expect(usableAnchors(anchors, 3, 3)).toEqual(expected));
  }
});

describe('length model', () => {
  it('fits the ratio and variance of paragraph pairs', () => {
    const model = fitLengthModel([
      { zh: { han: 10, latin: 0 }, en: 30 },
      { zh: { han: 20, latin: 5 }, en: 75 },
    ]);
    expect(model.ratio).toBeCloseTo(100 / 30, 5);
    expect(model.variance).toBeGreaterThan(0);
    expect(fitLengthModel([])).toEqual(DEFAULT_LENGTH_MODEL);
  });

  it('costs nothing at the ratio and more the further from it', () => {
    const model = { ratio: 3, variance: 5 };
    expect(lengthCost(10, 30, model)).toBeCloseTo(0, 5);
    expect(lengthCost(10, 60, model)).toBeGreaterThan(lengthCost(10, 40, model));
    expect(lengthCost(0, 0, model)).toBe(0);
  });
});
