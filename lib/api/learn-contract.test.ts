import { describe, expect, it } from 'vitest';
import { wordParamSchema } from './learn-contract';

describe('wordParamSchema', () => {
  const cases = [
    { word: '银行', ok: true },
    { word: '銀行', ok: true },
    { word: '一丝不苟', ok: true },
    { word: '阿·巴', ok: true },
    { word: '一'.repeat(16), ok: true },
    { word: '一'.repeat(17), ok: false },
    { word: '', ok: false },
    { word: 'bank', ok: false },
    { word: '银行 ', ok: false },
    { word: '<script>', ok: false },
    { word: '../etc', ok: false },
  ];
  for (const { word, ok } of cases) {
    it(`${JSON.stringify(word)} → ${ok ? 'accepted' : 'refused'}`, () => {
      expect(wordParamSchema.safeParse(word).success).toBe(ok);
    });
  }
});
