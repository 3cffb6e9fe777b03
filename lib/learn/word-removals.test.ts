import { describe, expect, it } from 'vitest';
import type { SavedWord, WordContext } from './word-list';
import {
  applyRemovals,
  contextKey,
  mergeWordSync,
  parseRemovals,
  parseWordListSync,
  pruneRemovals,
  removalsOf,
  REMOVAL_KEEP_DAYS,
  type WordListSync,
  type WordRemoval,
} from './word-removals';

const T = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString();
const NOW = new Date(Date.UTC(2026, 11, 2));

const place = (id: string, sentence: string, minute: number): WordContext => ({
  sentence,
  english: '',
  slug: 'essay',
  title: 'Essay',
  permalink: `/read/essay#${id}`,
  savedAt: T(minute),
});
const A = (minute: number) => place('aaaaaa', '我去银行。', minute);
const B = (minute: number) => place('bbbbbb', '银行关门了。', minute);
const word = (text: string, ...contexts: WordContext[]): SavedWord => ({
  word: text,
  pinyin: '',
  senses: [],
  hsk: null,
  contexts,
});
const gone = (text: string, minute: number, context?: WordContext): WordRemoval =>
  context ? { word: text, context: contextKey(context), removedAt: T(minute) } : { word: text, removedAt: T(minute) };
const device = (words: SavedWord[], removed: WordRemoval[] = [], clearedAt?: string): WordListSync =>
  clearedAt ? { words, removed, clearedAt } : { words, removed };

/** The words of a list with the place ids and save minutes of their contexts. */
const shape = (list: WordListSync) =>
  list.words.map((w) => [w.word, w.contexts.map((c) => `${c.permalink.slice(-6)}@${new Date(c.savedAt).getUTCMinutes()}`)]);

describe('mergeWordSync', () => {
  const cases: { name: string; mine: WordListSync; theirs: WordListSync; expected: [string, string[]][] }[] = [
    { name: 'both empty', mine: device([]), theirs: device([]), expected: [] },
    {
      name: 'saved on one device, removed later on the other: gone',
      mine: device([word('银行', A(1))]),
      theirs: device([], [gone('银行', 5)]),
      expected: [],
    },
    {
      name: 'removed on one device, saved again later on the other from a new place: only the new place',
      mine: device([word('银行', B(9), A(1))]),
      theirs: device([], [gone('银行', 5)]),
      expected: [['银行', ['bbbbbb@9']]],
    },
    {
      name: 'removed, then re-saved from the same place on the same device: the re-save wins',
      mine: device([word('银行', A(9))], [gone('银行', 5)]),
      theirs: device([word('银行', A(1))]),
      expected: [['银行', ['aaaaaa@9']]],
    },
    {
      name: 'clock order, not arrival order: a removal made after the re-save still wins',
      mine: device([word('银行', A(9))]),
      theirs: device([], [gone('银行', 12)]),
      expected: [],
    },
    {
      name: 'a removal of one context keeps the word’s other context',
      mine: device([word('银行', B(2), A(1))]),
      theirs: device([], [gone('银行', 5, A(1))]),
      expected: [['银行', ['bbbbbb@2']]],
    },
    {
      name: 'both contexts of one word, saved on two devices, are kept',
      mine: device([word('银行', A(1))]),
      theirs: device([word('银行', B(2))]),
      expected: [['银行', ['bbbbbb@2', 'aaaaaa@1']]],
    },
    {
      name: 'duplicates: the same word and removal on both devices count once',
      mine: device([word('银行', A(1)), word('关门', B(1))], [gone('关门', 3)]),
      theirs: device([word('银行', A(1)), word('关门', B(1))], [gone('关门', 3)]),
      expected: [['银行', ['aaaaaa@1']]],
    },
    {
      name: 'a removal covers only its own word',
      mine: device([word('银行', A(1)), word('关门', B(1))]),
      theirs: device([], [gone('银行', 5)]),
      expected: [['关门', ['bbbbbb@1']]],
    },
    {
      name: 'the account deleted: what was saved before is dropped, what was saved after kept',
      mine: device([word('银行', A(1)), word('关门', B(9))]),
      theirs: device([], [], T(5)),
      expected: [['关门', ['bbbbbb@9']]],
    },
  ];
  for (const { name, mine, theirs, expected } of cases) {
    it(name, () => {
      expect(shape(mergeWordSync(mine, theirs, NOW))).toEqual(expected);
      // The same words whichever device is merged into which.
      expect(shape(mergeWordSync(theirs, mine, NOW)).sort()).toEqual([...expected].sort());
    });
  }

  it('keeps the removals (deduplicated) and the deletion time for the next device', () => {
    const merged = mergeWordSync(device([], [gone('银行', 1), gone('银行', 4)]), device([], [gone('银行', 2)], T(3)), NOW);
    expect(merged.removed).toEqual([gone('银行', 4)]);
    expect(merged.clearedAt).toBe(T(3));
  });

  it('three devices: saved on A, removed on B, A syncs later and loses it, C re-saves and everyone gets it back', () => {
    let account = device([]);
    account = mergeWordSync(account, device([word('银行', A(1))]), NOW); // A saves
    const onB = device(account.words); // B syncs
    account = mergeWordSync(
      account,
      device(applyRemovals(onB.words, removalsOf(['银行'], new Date(T(5)))), removalsOf(['银行'], new Date(T(5)))),
      NOW,
    );
    expect(shape(account)).toEqual([]);
    account = mergeWordSync(account, device([word('银行', A(1))]), NOW); // A, offline meanwhile, syncs its old copy
    expect(shape(account)).toEqual([]);
    account = mergeWordSync(account, device([word('银行', A(7))]), NOW); // C saves it again
    expect(shape(account)).toEqual([['银行', ['aaaaaa@7']]]);
  });
});

describe('pruneRemovals', () => {
  const old = new Date(NOW.getTime() - (REMOVAL_KEEP_DAYS + 1) * 86_400_000).toISOString();
  const cases: { name: string; removed: WordRemoval[]; expected: WordRemoval[] }[] = [
    { name: 'none', removed: [], expected: [] },
    { name: 'older than the keep time: dropped', removed: [{ word: '银行', removedAt: old }], expected: [] },
    {
      name: 'the latest per word and context, newest first',
      removed: [gone('银行', 1), gone('银行', 3), gone('银行', 2, A(0)), gone('关门', 4)],
      expected: [gone('关门', 4), gone('银行', 3), gone('银行', 2, A(0))],
    },
  ];
  for (const { name, removed, expected } of cases) it(name, () => expect(pruneRemovals(removed, NOW)).toEqual(expected));
});

describe('parseRemovals and parseWordListSync', () => {
  const good = { word: '银行', removedAt: T(1) };
  const removalCases: { name: string; input: unknown; expected: WordRemoval[] }[] = [
    { name: 'not JSON', input: 'x', expected: [] },
    { name: 'not an array', input: { word: '银行' }, expected: [] },
    { name: 'bad entries dropped', input: [good, { word: '' }, { word: '银行', removedAt: 'yesterday' }, 3], expected: [good] },
    { name: 'from a string', input: JSON.stringify([good]), expected: [good] },
    { name: 'a context kept', input: [{ ...good, context: 'k' }], expected: [{ ...good, context: 'k' }] },
  ];
  for (const { name, input, expected } of removalCases) it(name, () => expect(parseRemovals(input)).toEqual(expected));

  const syncCases: { name: string; input: unknown; expected: [string[], number, string | undefined] }[] = [
    {
      name: 'a bare array of words (kept before removals synced)',
      input: [word('银行', A(1))],
      expected: [['银行'], 0, undefined],
    },
    {
      name: 'the object form',
      input: { words: [word('银行', A(1))], removed: [good], clearedAt: T(0) },
      expected: [['银行'], 1, T(0)],
    },
    { name: 'nothing', input: undefined, expected: [[], 0, undefined] },
    {
      name: 'a bad deletion time is ignored',
      input: { words: [], removed: [], clearedAt: 'soon' },
      expected: [[], 0, undefined],
    },
  ];
  for (const { name, input, expected } of syncCases)
    it(name, () => {
      const parsed = parseWordListSync(input);
      expect([parsed.words.map((w) => w.word), parsed.removed.length, parsed.clearedAt]).toEqual(expected);
    });
});
