import { describe, expect, test } from 'vitest';
import { bareSyllable, toneOf } from './tones';

describe('toneOf', () => {
  const cases = [
    { input: 'zhōng', expected: 1 },
    { input: 'guó', expected: 2 },
    { input: 'shǐ', expected: 3 },
    { input: 'dòng', expected: 4 },
    { input: 'le', expected: 5 },
    { input: 'lǜ', expected: 4 },
    { input: 'lǘ', expected: 2 },
    { input: 'nǚ', expected: 3 },
    { input: 'lüè', expected: 4 },
    { input: 'Ā', expected: 1 },
    { input: 'ńg', expected: 2 },
    { input: 'huār', expected: 1 },
    { input: '', expected: 5 },
    { input: 'AI', expected: 5 },
  ];
  test.each(cases)('$input → $expected', ({ input, expected }) => {
    expect(toneOf(input)).toBe(expected);
  });
});

describe('bareSyllable', () => {
  const cases = [
    { input: 'Lǜ', expected: 'lü' },
    { input: 'zhōng', expected: 'zhong' },
    { input: 'lüè', expected: 'lüe' },
    { input: '', expected: '' },
  ];
  test.each(cases)('$input → $expected', ({ input, expected }) => {
    expect(bareSyllable(input)).toBe(expected);
  });
});
