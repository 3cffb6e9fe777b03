import { describe, expect, it } from 'vitest';
import { characterBigrams, diffSpans, normalizeForMatch, similarity, similarityBound } from './similarity';

const base =
  '卡帕西在播客中说，人工智能的下一个阶段不是更大的模型，而是能够在真实世界里可靠地完成任务的智能体，这需要十年的工程积累。';

describe('similarity on edited copies', () => {
  const cases = [
    { name: 'the same paragraph', other: base, min: 1, max: 1 },
    { name: 'spaces added', other: base.replace('，', '， '), min: 1, max: 1 },
    {
      name: 'one clause changed',
      other: base.replace('这需要十年的工程积累', '这大约需要五年的研究'),
      min: 0.8,
      max: 0.99,
    },
    { name: 'one character changed', other: base.replace('十年', '八年'), min: 0.95, max: 0.999 },
    {
      name: 'an unrelated paragraph',
      other: '今天早上下了一场大雨，街上的行人都打着伞匆匆走过，公交车站挤满了等车的学生。',
      min: 0,
      max: 0.49,
    },
    { name: 'the first half only', other: base.slice(0, 30), min: 0.4, max: 0.6 },
    { name: 'empty', other: '', min: 0, max: 0 },
  ];
  for (const { name, other, min, max } of cases) {
    it(name, () => {
      const score = similarity(base, other);
      expect(score).toBeGreaterThanOrEqual(min);
      expect(score).toBeLessThanOrEqual(max);
    });
  }
});

describe('similarityBound', () => {
  const cases = [
    { a: 40, b: 40, missing: 10, expected: 0.875 },
    { a: 40, b: 30, missing: 4, expected: 0.75 },
    { a: 40, b: 30, missing: 30, expected: 0.625 },
    { a: 10, b: 10, missing: 0, expected: 1 },
    { a: 0, b: 0, missing: 0, expected: 0 },
  ];
  for (const { a, b, missing, expected } of cases)
    it(`(${a}, ${b}, ${missing}) → ${expected}`, () => expect(similarityBound(a, b, missing)).toBe(expected));

  // Never below the real similarity, or a match would be skipped that should be shown.
  const others = [
    base,
    base.replace('这需要十年的工程积累', '这大约需要五年的研究'),
    base.replace('十年', '八年'),
    base.slice(0, 30),
    base.slice(20),
    [...base].reverse().join(''),
    base.replace(/的/g, '之'),
    '今天早上下了一场大雨，街上的行人都打着伞匆匆走过，公交车站挤满了等车的学生。',
    `${base}${base.slice(0, 25)}`,
    '𠮷野家的模型𠮷',
  ];
  for (const [i, other] of others.entries())
    it(`holds for edited copy ${i}`, () => {
      const mine = new Set(characterBigrams(other));
      const missing = characterBigrams(base).filter((bigram) => !mine.has(bigram)).length;
      const bound = similarityBound(normalizeForMatch(base).length, normalizeForMatch(other).length, missing);
      expect(bound).toBeGreaterThanOrEqual(similarity(base, other));
    });
});

describe('characterBigrams', () => {
  const cases = [
    { input: '特斯拉', expected: ['特斯', '斯拉'] },
    { input: '好', expected: ['好'] },
    { input: '', expected: [] },
    { input: '哈哈哈', expected: ['哈哈'] },
    { input: '特 斯', expected: ['特斯'] },
  ];
  for (const { input, expected } of cases) it(JSON.stringify(input), () => expect(characterBigrams(input)).toEqual(expected));
});

describe('diffSpans', () => {
  const cases = [
    { name: 'a replaced character', current: '今天天气很好', match: '今天天气不好', expected: [[4, 5]] },
    { name: 'identical', current: '今天天气很好', match: '今天天气很好', expected: [] },
    { name: 'an added clause', current: '我们走吧', match: '天黑了，我们走吧', expected: [[0, 4]] },
    { name: 'a removed clause leaves nothing to mark', current: '天黑了，我们走吧', match: '我们走吧', expected: [] },
    {
      name: 'two changes',
      current: '甲乙丙丁戊己庚辛',
      match: '甲X丙丁戊己Y辛',
      expected: [
        [1, 2],
        [6, 7],
      ],
    },
  ];
  for (const { name, current, match, expected } of cases)
    it(name, () => {
      const spans = diffSpans(current, match);
      expect(spans).toEqual(expected);
      // The spans are inside the match and cover only what the current paragraph lacks.
      for (const [s, e] of spans) expect(current.includes(match.slice(s, e))).toBe(expected.length === 0);
    });
});
