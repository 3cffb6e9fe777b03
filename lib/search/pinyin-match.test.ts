import { describe, expect, it } from 'vitest';
import { pinyinByOffset } from '@/lib/annotate/pinyin';
import { blockSyllables, findPinyin, parsePinyin, splitSyllables, splitTone, splitTones } from './pinyin-match';

const block = (text: string) => blockSyllables(text, pinyinByOffset(text));

describe('splitTone', () => {
  const cases = [
    { input: 'zhēng', expected: { letters: 'zheng', tone: 1 } },
    { input: 'lǜ', expected: { letters: 'lv', tone: 4 } },
    { input: 'le', expected: { letters: 'le', tone: 0 } },
    { input: 'Nǚ', expected: { letters: 'nv', tone: 3 } },
  ];
  for (const { input, expected } of cases) it(`${input}`, () => expect(splitTone(input)).toEqual(expected));
});

describe('parsePinyin', () => {
  const cases = [
    { input: 'zhengliu', letters: 'zhengliu', breaks: [] as number[] },
    { input: 'zheng1 liu2', letters: 'zhengliu', breaks: [5, 8] },
    { input: 'zhēngliú', letters: 'zhengliu', breaks: [] },
    { input: "xi'an", letters: 'xian', breaks: [2] },
    { input: 'lu:4', letters: 'lv', breaks: [2] },
    { input: 'lǜ', letters: 'lv', breaks: [] },
  ];
  for (const { input, letters, breaks } of cases) {
    it(`${input} → ${letters}`, () => {
      const parsed = parsePinyin(input);
      expect(parsed?.letters).toBe(letters);
      expect([...(parsed?.breaks.keys() ?? [])]).toEqual(breaks);
    });
  }
  for (const input of ['gpt-4', 'zheng7', '1zheng', '智能', '', "''"]) {
    it(`${JSON.stringify(input)} is not pinyin`, () => expect(parsePinyin(input)).toBeUndefined());
  }
});

describe('findPinyin', () => {
  // 知识蒸馏 reads zhī shi zhēng liú; 了 in 创立了 is le, in context.
  const cases = [
    { text: '知识蒸馏很重要', query: 'zhengliu', expected: [[2, 4]] },
    { text: '知识蒸馏很重要', query: 'zheng liu', expected: [[2, 4]] },
    { text: '知识蒸馏很重要', query: 'zheng1 liu2', expected: [[2, 4]] },
    { text: '知识蒸馏很重要', query: 'zhēngliú', expected: [[2, 4]] },
    { text: '知识蒸馏很重要', query: 'zheng2liu2', expected: [] },
    { text: '知识蒸馏很重要', query: 'zhèngliú', expected: [] },
    { text: '知识蒸馏很重要', query: 'zhen', expected: [] },
    { text: '蒸，馏', query: 'zhengliu', expected: [] },
    { text: '他创立了一家公司', query: 'le', expected: [[3, 4]] },
    { text: '他创立了一家公司', query: 'liao', expected: [] },
    {
      text: '西安和先',
      query: 'xian',
      expected: [
        [0, 2],
        [3, 4],
      ],
    },
    { text: '西安和先', query: "xi'an", expected: [[0, 2]] },
  ];
  for (const { text, query, expected } of cases) {
    it(`${query} in ${text}`, () => {
      const parsed = parsePinyin(query);
      expect(parsed).toBeDefined();
      if (parsed) expect(findPinyin(block(text), parsed)).toEqual(expected);
    });
  }
});

describe('splitSyllables', () => {
  const known = new Set(['xi', 'an', 'xian', 'zheng', 'liu', 'a']);
  const cases = [
    { query: 'xian', expected: [['xi', 'an'], ['xian']] },
    { query: "xi'an", expected: [['xi', 'an']] },
    { query: 'zhengliu', expected: [['zheng', 'liu']] },
    { query: 'zhengq', expected: [] },
  ];
  for (const { query, expected } of cases) {
    it(query, () => {
      const parsed = parsePinyin(query);
      expect(parsed && splitSyllables(parsed, known)).toEqual(expected);
    });
  }
  // A search that tried every split would not end; the time limit is only a safety net.
  it('gives up on a long string that cannot be split', { timeout: 5_000 }, () => {
    const parsed = parsePinyin(`${'xian'.repeat(40)}q`);
    expect(parsed && splitSyllables(parsed, known)).toEqual([]);
  });
});

describe('splitTones', () => {
  const cases = [
    { query: 'zhì neng', split: ['zhi', 'neng'], expected: [4, undefined] },
    { query: 'zhineng2', split: ['zhi', 'neng'], expected: [undefined, 2] },
    { query: 'zhengliu', split: ['zheng', 'liu'], expected: [undefined, undefined] },
    { query: 'le5', split: ['le'], expected: [0] },
  ];
  for (const { query, split, expected } of cases) {
    it(query, () => {
      const parsed = parsePinyin(query);
      expect(parsed && splitTones(parsed, split)).toEqual(expected);
    });
  }
});
