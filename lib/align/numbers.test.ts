import { describe, expect, it } from 'vitest';
import { contentWords, renderingWords } from './english';
import { chineseFeatures, englishFeatures, sharedAnchors } from './features';
import { chineseNumbers, chineseNumeralValue, englishNumbers } from './numbers';

describe('chineseNumeralValue', () => {
  const cases: { input: string; expected: number | undefined }[] = [
    { input: '三十', expected: 30 },
    { input: '十', expected: 10 },
    { input: '二十五', expected: 25 },
    { input: '一百零三', expected: 103 },
    { input: '两千', expected: 2000 },
    { input: '三万五千', expected: 35000 },
    { input: '十亿', expected: 1e9 },
    { input: '二三', expected: undefined },
  ];
  for (const { input, expected } of cases) it(`${input} → ${expected}`, () => expect(chineseNumeralValue(input)).toBe(expected));
});

describe('numbers on both sides', () => {
  const cases: { zh: string; en: string; shared: string[] }[] = [
    { zh: '他在这个领域工作了 5 年', en: 'he worked in the field for five years', shared: ['5'] },
    { zh: '教过三十门课程', en: 'taught thirty courses', shared: ['30'] },
    { zh: '教过二三十门课程', en: 'taught 20 or 30 courses', shared: ['20', '30'] },
    { zh: '获得 10 亿美元投资', en: 'raised $1 billion', shared: ['1000000000'] },
    { zh: '地球上的 80 亿人', en: 'all 8 billion people on Earth', shared: ['8000000000'] },
    { zh: '今年 7 月', en: 'In July this year', shared: ['month:7'] },
    { zh: '由 0.001% 的认知数据构成', en: 'consists of 0.001% cognitive data', shared: ['0.001'] },
    { zh: '二十五个人', en: 'twenty-five people', shared: ['25'] },
    { zh: '一个朋友给我展示了一个 demo', en: 'a friend showed me one demo', shared: [] },
  ];
  for (const { zh, en, shared } of cases) {
    it(`${zh} ↔ ${en}`, () => {
      const english = new Set(englishNumbers(en));
      expect(chineseNumbers(zh).filter((key) => english.has(key))).toEqual(shared);
    });
  }
});

describe('anchors of a sentence pair', () => {
  const cases: { zh: string; en: string; expected: string[] }[] = [
    { zh: '他用 GPT-4 吗？', en: 'Does he use GPT-4?', expected: ['k:num:4', 'k:mark:?', 'n:gpt-4'] },
    { zh: 'Waymo 和特斯拉！', en: 'Waymo and Tesla!', expected: ['k:mark:!', 'n:waymo'] },
    { zh: 'Transformer 可能超越人脑', en: 'Transformers could surpass the human brain', expected: ['n:transform'] },
    { zh: '他来了。', en: 'He came?', expected: [] },
  ];
  for (const { zh, en, expected } of cases) {
    it(`${zh} ↔ ${en}`, () => expect(sharedAnchors(chineseFeatures(zh), englishFeatures(en))).toEqual(expected));
  }

  it('finds lexical items by any rendering', () => {
    const lexicon = () => [{ key: '激光雷达', renderings: [['lidar']] }];
    expect(sharedAnchors(chineseFeatures('激光雷达很贵。', lexicon), englishFeatures('Lidars are expensive.'))).toEqual([
      'i:激光雷达',
    ]);
  });
});

describe('English words', () => {
  const cases: { input: string; expected: string[] }[] = [
    { input: 'The robots are coming', expected: ['robot', 'come'] },
    { input: 'Tesla’s self-driving cars', expected: ['tesla', 'self-driving', 'self', 'drive', 'car'] },
    { input: 'it is 30', expected: [] },
  ];
  for (const { input, expected } of cases) it(input, () => expect(contentWords(input)).toEqual(expected));

  it('keeps renderings of one to three content words', () => {
    expect(renderingWords('to drive (a car)')).toEqual(['drive']);
    expect(renderingWords('the')).toBeUndefined();
    expect(renderingWords('a very long sense of many different words')).toBeUndefined();
  });
});
