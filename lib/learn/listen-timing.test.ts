import { describe, expect, it } from 'vitest';
import { readingWeight, sentenceAt, sentenceOffsets, sentenceStarts } from './listen-timing';

describe('readingWeight', () => {
  const cases = [
    { sentence: '', expected: 0 },
    { sentence: '我去银行。', expected: 4 },
    { sentence: '我去银行，然后回家。', expected: 9 },
    { sentence: '他说：「好。」', expected: 6 },
    { sentence: '用GPT写', expected: 2 + 1 + 3 * 0.15 },
    { sentence: 'No Priors播客', expected: 2 + 2 * 1 + 8 * 0.15 },
    { sentence: '2024年', expected: 4 * 1.2 + 1 },
    { sentence: '   ', expected: 0 },
    { sentence: '銀行', expected: 2 },
  ];
  for (const { sentence, expected } of cases)
    it(`${JSON.stringify(sentence)} → ${expected}`, () => expect(readingWeight(sentence)).toBeCloseTo(expected, 6));
});

describe('sentenceStarts', () => {
  const cases = [
    { weights: [2, 1, 1], duration: 8, expected: [0, 4, 6] },
    { weights: [1], duration: 3, expected: [0] },
    { weights: [], duration: 3, expected: [] },
    { weights: [0, 0], duration: 4, expected: [0, 2] },
    { weights: [2, 1], duration: Number.NaN, expected: [0, 0.55] },
    { weights: [2, 1], duration: Infinity, expected: [0, 0.55] },
    { weights: [3, -1, 1], duration: 4, expected: [0, 3, 3] },
  ];
  for (const { weights, duration, expected } of cases)
    it(`${JSON.stringify(weights)} over ${duration} s`, () => expect(sentenceStarts(weights, duration)).toEqual(expected));
});

describe('sentenceAt', () => {
  const cases = [
    { starts: [0, 4, 6], position: 0, expected: 0 },
    { starts: [0, 4, 6], position: 3.99, expected: 0 },
    { starts: [0, 4, 6], position: 4, expected: 1 },
    { starts: [0, 4, 6], position: 100, expected: 2 },
    { starts: [2, 4], position: 1, expected: -1 },
    { starts: [], position: 1, expected: -1 },
  ];
  for (const { starts, position, expected } of cases)
    it(`${position} in ${JSON.stringify(starts)} → ${expected}`, () => expect(sentenceAt(starts, position)).toBe(expected));
});

describe('sentenceOffsets', () => {
  const cases = [
    { spoken: '我去了。他来了。', sentences: ['我去了。', '他来了。'], expected: [0, 4] },
    { spoken: '我去了。 他来了。', sentences: [' 我去了。', '他来了。 '], expected: [0, 5] },
    { spoken: '我去了。他来了。', sentences: ['我去了。', '没有这句。', '他来了。'], expected: [0, 4, 4] },
    { spoken: '好。好。', sentences: ['好。', '好。'], expected: [0, 2] },
    { spoken: '', sentences: ['好。'], expected: [0] },
  ];
  for (const { spoken, sentences, expected } of cases)
    it(`${JSON.stringify(sentences)} in ${JSON.stringify(spoken)}`, () =>
      expect(sentenceOffsets(spoken, sentences)).toEqual(expected));
});
