import { describe, expect, it } from 'vitest';
import { hskLevels } from '@/lib/learn/hsk';
import { readHskData } from './hsk-data';

describe('readHskData (the shipped lists)', () => {
  const cases = [
    { word: '银行', expected: { '3.0': 2, '2.0': 3 } },
    { word: '銀行', expected: { '3.0': 2, '2.0': 3 } },
    { word: '的', expected: { '3.0': 1, '2.0': 1 } },
    { word: '爱好', expected: { '3.0': 1, '2.0': 3 } },
    { word: '阿拉伯语', expected: { '3.0': 7, '2.0': null } },
    { word: '特拉斯', expected: null },
  ];
  for (const { word, expected } of cases) {
    it(`${word} → ${JSON.stringify(expected)}`, async () => {
      expect(hskLevels(await readHskData(), word)).toEqual(expected);
    });
  }

  it('holds both lists whole', async () => {
    const data = await readHskData();
    expect(Object.keys(data.words).length).toBeGreaterThan(11000);
    expect(Object.keys(data.traditional).length).toBeGreaterThan(7000);
  });
});
