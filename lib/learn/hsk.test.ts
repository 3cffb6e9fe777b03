import { describe, expect, it } from 'vitest';
import { hskAttribute, hskLevels, isAboveLevel, levelOfPair, partsLevel, readingLevel, type HskData } from './hsk';

const data: HskData = {
  words: {
    银行: [2, 3],
    的: [1, 1],
    一丝不苟: [0, 6],
    一举: [7, 0],
    发展: [2, 4],
    自动: [3, 0],
    驾驶: [5, 0],
    一: [1, 1],
    个: [1, 1],
    我: [1, 1],
    认为: [1, 2],
    特: [4, 0],
  },
  traditional: { 銀行: '银行', 發展: '发展' },
};

describe('hskLevels', () => {
  const cases = [
    { word: '银行', simplified: undefined, expected: { '3.0': 2, '2.0': 3 } },
    { word: '的', simplified: undefined, expected: { '3.0': 1, '2.0': 1 } },
    { word: '一丝不苟', simplified: undefined, expected: { '3.0': null, '2.0': 6 } },
    { word: '銀行', simplified: undefined, expected: { '3.0': 2, '2.0': 3 } },
    { word: '發展', simplified: '发展', expected: { '3.0': 2, '2.0': 4 } },
    { word: '乾隆', simplified: '干隆', expected: null },
    { word: '', simplified: undefined, expected: null },
    { word: 'constructor', simplified: undefined, expected: null },
  ];
  for (const { word, simplified, expected } of cases) {
    it(`${word || '(empty)'}${simplified ? ` (${simplified})` : ''} → ${JSON.stringify(expected)}`, () => {
      expect(hskLevels(data, word, simplified)).toEqual(expected);
    });
  }
});

describe('readingLevel', () => {
  const cases = [
    { word: '银行', expected: 2 },
    { word: '一丝不苟', expected: 6 },
    { word: '一举', expected: 7 },
    { word: '三十五', expected: 1 },
    { word: '2025', expected: 1 },
    { word: '特拉斯', expected: null },
    { word: '自动驾驶', expected: 5 },
    { word: '一个', expected: 1 },
  ];
  for (const { word, expected } of cases) {
    it(`${word} → ${expected}`, () => expect(readingLevel(data, word)).toBe(expected));
  }
});

describe('partsLevel (words the lists lack)', () => {
  const cases = [
    { word: '自动驾驶', expected: 5 },
    { word: '一个', expected: 1 },
    { word: '我认为', expected: 1 },
    { word: '一个三十', expected: 1 },
    { word: '特斯拉', expected: null },
    { word: '银行', expected: null },
    { word: '我', expected: null },
    { word: '', expected: null },
  ];
  for (const { word, expected } of cases) {
    it(`${word || '(empty)'} → ${expected}`, () => expect(partsLevel(data, word)).toBe(expected));
  }
});

describe('isAboveLevel', () => {
  const cases = [
    { level: 4, reader: 3, expected: true },
    { level: 3, reader: 3, expected: false },
    { level: 1, reader: 1, expected: false },
    { level: 7, reader: 6, expected: true },
    { level: 7, reader: 7, expected: false },
    { level: 7, reader: 9, expected: false },
    { level: null, reader: 9, expected: true },
  ];
  for (const { level, reader, expected } of cases) {
    it(`a level-${level} word for a level-${reader} reader → ${expected}`, () => {
      expect(isAboveLevel(level, reader)).toBe(expected);
    });
  }
});

describe('levelOfPair and hskAttribute', () => {
  const cases = [
    { pair: [2, 3] as [number, number], word: '银行', level: 2, attribute: '2' },
    { pair: [0, 6] as [number, number], word: '一丝不苟', level: 6, attribute: '6' },
    { pair: [1, 1] as [number, number], word: '的', level: 1, attribute: undefined },
    { pair: undefined, word: '三十', level: 1, attribute: undefined },
    { pair: undefined, word: '特拉斯', level: null, attribute: 'x' },
  ];
  for (const { pair, word, level, attribute } of cases) {
    it(`${word} ${JSON.stringify(pair)} → ${level}, data-hsk=${attribute}`, () => {
      expect(levelOfPair(pair, word)).toBe(level);
      expect(hskAttribute(levelOfPair(pair, word))).toBe(attribute);
    });
  }
});
