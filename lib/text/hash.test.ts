import { describe, expect, it } from 'vitest';
import { candidateId, hashText, isBlockId } from './hash';
import { A, ID_SHAPE } from '@/lib/testing/id-fixtures';

describe('hash helpers behind the ids', () => {
  const hashes = [
    { input: '你好', expected: '670d9743542c' },
    { input: '', expected: 'e3b0c44298fc' },
  ];
  it.each(hashes)('hashText("$input") → $expected', ({ input, expected }) => {
    expect(hashText(input)).toBe(expected);
  });

  it('hashText is NFC-normalised: composed and decomposed é hash alike', () => {
    expect(hashText('caf\u00e9')).toBe(hashText('cafe\u0301'));
    expect(candidateId('caf\u00e9', 0)).toBe(candidateId('cafe\u0301', 0));
  });

  const attempts = [0, 1, 2, 3, 10, 1000].map((attempt) => ({ attempt }));
  it.each(attempts)('candidateId attempt $attempt has the id shape', ({ attempt }) => {
    expect(candidateId(A, attempt)).toMatch(ID_SHAPE);
    expect(isBlockId(candidateId(A, attempt))).toBe(true);
  });

  it('different attempts give different candidates', () => {
    const ids = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => candidateId(A, n));
    expect(new Set(ids).size).toBe(8);
  });

  const shapes = [
    { input: 'zfi0s4', expected: true },
    { input: 'a00000', expected: true },
    { input: '0abcde', expected: false },
    { input: 'Abcdef', expected: false },
    { input: 'abcde', expected: false },
    { input: 'abcdefg', expected: false },
    { input: 'abc-ef', expected: false },
    { input: '', expected: false },
  ];
  it.each(shapes)('isBlockId("$input") → $expected', ({ input, expected }) => {
    expect(isBlockId(input)).toBe(expected);
  });
});
