import { describe, expect, it } from 'vitest';
import { getWordInfo } from './word-info';

describe('getWordInfo', () => {
  const cases = [
    { word: '银行', pinyin: 'yín háng', sense: 'bank', hsk: { '3.0': 2, '2.0': 3 } },
    { word: '銀行', pinyin: 'yín háng', sense: 'bank', hsk: { '3.0': 2, '2.0': 3 } },
    { word: '炼丹', pinyin: 'liàn dān', sense: 'immortality', hsk: { '3.0': null, '2.0': null } },
    { word: '特拉斯', expected: undefined },
    { word: '银行银行', expected: undefined },
  ];
  for (const { word, pinyin, sense, hsk } of cases) {
    it(`${word} → ${pinyin ?? 'not in the dictionary'}`, async () => {
      const info = await getWordInfo(word);
      if (!pinyin) return expect(info).toBeUndefined();
      expect(info?.pinyin).toBe(pinyin);
      expect(info?.senses.join('; ')).toContain(sense);
      expect(info?.hsk).toEqual(hsk);
    }, 60_000);
  }
});
