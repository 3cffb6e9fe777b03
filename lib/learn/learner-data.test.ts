import { describe, expect, it } from 'vitest';
import {
  LEARNER_DATA_FORMAT,
  learnerData,
  learnerDataCounts,
  learnerDataFileName,
  learnerDataJson,
  type LearnerData,
} from './learner-data';
import type { ReadingProgress } from './progress';
import type { SavedWord } from './word-list';

const word = (text: string): SavedWord => ({
  word: text,
  pinyin: 'yín háng',
  senses: ['bank'],
  hsk: 2,
  contexts: [
    {
      sentence: '我去银行取钱。',
      english: 'I went to the bank.',
      slug: 'story',
      title: '故事',
      permalink: '/read/story#abc123',
      savedAt: '2026-12-01T10:00:00.000Z',
    },
  ],
});
const place = { id: 'abcdef', share: 0.25, at: '2026-12-02T08:00:00.000Z' };
const now = new Date('2026-12-07T14:30:00.000Z');

describe('learnerData', () => {
  const cases: {
    name: string;
    words: string | null;
    progress: string | null;
    expected: Pick<LearnerData, 'words' | 'progress'>;
  }[] = [
    { name: 'nothing stored', words: null, progress: null, expected: { words: [], progress: {} } },
    {
      name: 'words and progress',
      words: JSON.stringify([word('银行')]),
      progress: JSON.stringify({ story: place }),
      expected: { words: [word('银行')], progress: { story: place } },
    },
    {
      name: 'corrupted entries left out',
      words: JSON.stringify([word('银行'), { word: 5 }, 'x']),
      progress: JSON.stringify({ story: place, '../etc': place, other: { id: 'x' } }),
      expected: { words: [word('银行')], progress: { story: place } },
    },
    { name: 'storage that is not JSON', words: '{oops', progress: 'nope', expected: { words: [], progress: {} } },
  ];
  for (const { name, words, progress, expected } of cases)
    it(name, () => {
      const data = learnerData({ words, progress }, now);
      expect(data).toEqual({ format: LEARNER_DATA_FORMAT, version: 1, exportedAt: now.toISOString(), ...expected });
    });
});

describe('learnerDataJson', () => {
  it('parses back to the same data, one file ending with a newline', () => {
    const data = learnerData({ words: JSON.stringify([word('银行')]), progress: JSON.stringify({ story: place }) }, now);
    const json = learnerDataJson(data);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('learnerDataFileName', () => {
  const cases = [
    { now: now, expected: 'reader-data-2026-12-07.json' },
    { now: new Date('2027-01-01T00:00:00.000Z'), expected: 'reader-data-2027-01-01.json' },
    { now: new Date('2026-12-31T23:59:59.999Z'), expected: 'reader-data-2026-12-31.json' },
  ];
  for (const { now: at, expected } of cases) it(expected, () => expect(learnerDataFileName(at)).toBe(expected));
});

describe('learnerDataCounts', () => {
  const cases: { words: SavedWord[]; progress: ReadingProgress; expected: { words: number; texts: number } }[] = [
    { words: [], progress: {}, expected: { words: 0, texts: 0 } },
    { words: [word('银行'), word('行')], progress: { story: place }, expected: { words: 2, texts: 1 } },
    { words: [], progress: { a: place, b: place, c: place }, expected: { words: 0, texts: 3 } },
  ];
  for (const { words, progress, expected } of cases)
    it(`${expected.words} words, ${expected.texts} texts`, () =>
      expect(learnerDataCounts({ words, progress })).toEqual(expected));
});
