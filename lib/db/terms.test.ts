import { describe, expect, it } from 'vitest';
import { bigrams, chineseLexemes, chineseQueryLexemes, hanRuns, tsqueryAll } from './terms';

describe('hanRuns', () => {
  const cases = [
    { input: '', expected: [] },
    { input: 'AI 人工智能，模型', expected: ['人工智能', '模型'] },
    { input: 'abc', expected: [] },
    { input: '㐀𠀀中', expected: ['㐀𠀀中'] },
  ];
  for (const { input, expected } of cases)
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(hanRuns(input)).toEqual(expected);
    });
});

describe('bigrams', () => {
  const cases = [
    { input: '', expected: [] },
    { input: '智', expected: [] },
    { input: '智能体', expected: ['智能', '能体'] },
    { input: '𠀀中', expected: ['𠀀中'] },
  ];
  for (const { input, expected } of cases)
    it(`${input || '(empty)'} → ${JSON.stringify(expected)}`, () => {
      expect(bigrams(input)).toEqual(expected);
    });
});

describe('chineseLexemes', () => {
  const cases = [
    { input: '', expected: [] },
    { input: '智能，智能体', expected: ['智', '能', '体', '智能', '能体'] },
    { input: '智A能', expected: ['智', '能'] },
    { input: '哈哈哈', expected: ['哈', '哈哈'] },
  ];
  for (const { input, expected } of cases)
    it(`${input || '(empty)'} → ${JSON.stringify(expected)}`, () => {
      expect(chineseLexemes(input)).toEqual(expected);
    });
});

describe('chineseQueryLexemes', () => {
  const cases = [
    { input: '智', expected: ['智'] },
    { input: '人工智能', expected: ['人工', '工智', '智能'] },
    { input: '智能 体', expected: ['智能', '体'] },
    { input: 'ai', expected: [] },
  ];
  for (const { input, expected } of cases)
    it(`${input} → ${JSON.stringify(expected)}`, () => {
      expect(chineseQueryLexemes(input)).toEqual(expected);
    });
});

describe('tsqueryAll', () => {
  const cases = [
    { input: [], expected: '' },
    { input: ['智能'], expected: "'智能'" },
    { input: ['智能', "o'k"], expected: "'智能' & 'o''k'" },
    { input: ['a\\b', ''], expected: "'a\\\\b'" },
    { input: ['!', '&', '|', ':*'], expected: "'!' & '&' & '|' & ':*'" },
  ];
  for (const { input, expected } of cases)
    it(`${JSON.stringify(input)} → ${expected || '(empty)'}`, () => {
      expect(tsqueryAll(input)).toBe(expected);
    });
});
