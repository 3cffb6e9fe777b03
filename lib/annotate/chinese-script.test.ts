import { describe, expect, it } from 'vitest';
import { sameLength, toSimplified, toTraditional } from './chinese-script';

describe('toTraditional', () => {
  it.each([
    { input: '', expected: '' },
    { input: '头发', expected: '頭髮' },
    { input: '发展', expected: '發展' },
    { input: '后来', expected: '後來' },
    { input: '皇后', expected: '皇后' },
    { input: '人工智能 AI 2024', expected: '人工智能 AI 2024' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(toTraditional(input)).toBe(expected);
  });
});

describe('toSimplified', () => {
  it.each([
    { input: '', expected: '' },
    { input: '頭髮', expected: '头发' },
    { input: '發展', expected: '发展' },
    { input: '軟件', expected: '软件' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(toSimplified(input)).toBe(expected);
  });
});

describe('sameLength', () => {
  it.each([
    { a: '头发', b: '頭髮', expected: true },
    { a: '内存', b: '記憶體', expected: false },
    { a: '𠮷', b: 'x', expected: true },
  ])('$a / $b → $expected', ({ a, b, expected }) => {
    expect(sameLength(a, b)).toBe(expected);
  });
});
