import { describe, expect, it } from 'vitest';
import { applySplits, parseSplit } from './segment-splits';
import type { Token } from './types';

const token = (text: string, start: number): Token => ({
  text,
  start,
  end: start + text.length,
  chinese: /\p{Script=Han}/u.test(text),
});

describe('parseSplit', () => {
  const cases = [
    { entry: '小镇|上', expected: { word: '小镇上', cuts: [2] } },
    { entry: '人工|智能|体', expected: { word: '人工智能体', cuts: [2, 4] } },
    { entry: '小镇上', expected: undefined },
    { entry: '|上', expected: undefined },
  ];
  it.each(cases)('$entry', ({ entry, expected }) => expect(parseSplit(entry)).toEqual(expected));
});

describe('applySplits', () => {
  const cases = [
    {
      title: 'cuts the word that spans the point',
      text: '在小镇上',
      tokens: [token('在', 0), token('小镇上', 1)],
      splits: ['小镇|上'],
      expected: ['在', '小镇', '上'],
    },
    {
      title: 'every occurrence',
      text: '小镇上，小镇上',
      tokens: [token('小镇上', 0), token('，', 3), token('小镇上', 4)],
      splits: ['小镇|上'],
      expected: ['小镇', '上', '，', '小镇', '上'],
    },
    {
      title: 'already cut there',
      text: '小镇上',
      tokens: [token('小镇', 0), token('上', 2)],
      splits: ['小镇|上'],
      expected: ['小镇', '上'],
    },
    {
      title: 'a point across two tokens is cut in both',
      text: '人工智能体',
      tokens: [token('人工智能', 0), token('体', 4)],
      splits: ['人|工智能体'],
      expected: ['人', '工智能', '体'],
    },
    { title: 'no occurrence', text: '小镇', tokens: [token('小镇', 0)], splits: ['小镇|上'], expected: ['小镇'] },
  ];
  it.each(cases)('$title', ({ text, tokens, splits, expected }) => {
    const result = applySplits(
      text,
      tokens,
      splits.map((s) => parseSplit(s)!),
    );
    expect(result.map((t) => t.text)).toEqual(expected);
    expect(result.map((t) => t.text).join('')).toBe(text);
    for (const t of result) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
