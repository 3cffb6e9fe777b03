import { describe, expect, it } from 'vitest';
import { mergeWordLists, type SavedWord } from './word-list';

const context = (id: string, sentence: string) => ({
  sentence,
  english: '',
  slug: 'essay',
  title: 'Essay',
  permalink: `/read/essay#${id}`,
  savedAt: '2026-01-01T00:00:00.000Z',
});
const word = (text: string, ...contexts: ReturnType<typeof context>[]): SavedWord => ({
  word: text,
  pinyin: '',
  senses: [],
  hsk: null,
  contexts,
});
const A = context('aaaaaa', '我去银行。');
const B = context('bbbbbb', '银行关门了。');

describe('mergeWordLists', () => {
  const cases: { name: string; mine: SavedWord[]; theirs: SavedWord[]; expected: [string, string[]][] }[] = [
    { name: 'both empty', mine: [], theirs: [], expected: [] },
    { name: 'only mine', mine: [word('银行', A)], theirs: [], expected: [['银行', ['aaaaaa']]] },
    { name: 'only theirs', mine: [], theirs: [word('银行', A)], expected: [['银行', ['aaaaaa']]] },
    {
      name: 'the same word from two places keeps both',
      mine: [word('银行', A)],
      theirs: [word('银行', B)],
      expected: [['银行', ['bbbbbb', 'aaaaaa']]],
    },
    { name: 'the same place once', mine: [word('银行', A)], theirs: [word('银行', A)], expected: [['银行', ['aaaaaa']]] },
    {
      name: 'different words all kept',
      mine: [word('银行', A)],
      theirs: [word('关门', B), word('去', A)],
      expected: [
        ['关门', ['bbbbbb']],
        ['去', ['aaaaaa']],
        ['银行', ['aaaaaa']],
      ],
    },
  ];
  for (const { name, mine, theirs, expected } of cases) {
    it(name, () => {
      const merged = mergeWordLists(mine, theirs);
      expect(merged.map((w) => [w.word, w.contexts.map((c) => c.permalink.slice(-6))])).toEqual(expected);
    });
  }
});
