import { describe, expect, it } from 'vitest';
import { coverageOf, isExplained, percent } from './coverage';
import type { DictionaryEntry } from './types';

const mother: DictionaryEntry = { pinyin: 'mǔ qīn', senses: ['mother'] };
const halfKnown: DictionaryEntry = {
  pinyin: 'mǔ qīn',
  senses: [],
  parts: [
    { char: '母', pinyin: 'mǔ', senses: ['mother'] },
    { char: '親', pinyin: 'qīn', senses: [] },
  ],
};
const known: DictionaryEntry = { ...halfKnown, parts: halfKnown.parts!.map((part) => ({ ...part, senses: ['x'] })) };

describe('isExplained', () => {
  it.each([
    { name: 'senses of its own', entry: mother, expected: true },
    { name: 'every character has senses', entry: known, expected: true },
    { name: 'a character without senses', entry: halfKnown, expected: false },
    { name: 'no entry', entry: undefined, expected: false },
  ])('$name → $expected', ({ entry, expected }) => {
    expect(isExplained(entry)).toBe(expected);
  });
});

describe('coverageOf', () => {
  it.each([
    { name: 'nothing', tokens: [], expected: { hanTokens: 0, withSenses: 0, explained: 0, long: 0 } },
    {
      name: 'punctuation and Latin are not counted',
      tokens: [
        { text: '，', entry: undefined },
        { text: 'AI', entry: undefined },
      ],
      expected: { hanTokens: 0, withSenses: 0, explained: 0, long: 0 },
    },
    {
      name: 'a word in the dictionary, one put together, one unknown and a long mis-cut',
      tokens: [
        { text: '母親', entry: mother },
        { text: '母親', entry: known },
        { text: '親', entry: halfKnown },
        { text: '傳齊轎夫', entry: undefined },
      ],
      expected: { hanTokens: 4, withSenses: 1, explained: 2, long: 1 },
    },
  ])('$name', ({ tokens, expected }) => {
    expect(coverageOf(tokens)).toEqual(expected);
  });
});

describe('percent', () => {
  it.each([
    { part: 618, whole: 1000, expected: 61.8 },
    { part: 1, whole: 3, expected: 33.3 },
    { part: 0, whole: 0, expected: 0 },
  ])('$part of $whole → $expected', ({ part, whole, expected }) => {
    expect(percent(part, whole)).toBe(expected);
  });
});
