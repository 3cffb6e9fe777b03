import { describe, expect, it } from 'vitest';
import { journalLine, parseJournal, replayJournal, type JournalOp } from './journal';
import type { GlossState } from './types';
import { glossRevision } from './validate';

const rev = (text: string | undefined) => glossRevision(text);
const draft = (zh: string): GlossState => ({ hash: 'aaaaaaaaaaaa', zh, status: 'draft' });
const reviewed = (zh: string, text: string): GlossState => ({
  hash: 'aaaaaaaaaaaa',
  zh,
  status: 'reviewed',
  revision: rev(text),
});

/** A save of `key` from `from` to `to` (null: cleared), with its draft state, as edit.ts records it. */
function save(key: string, from: string | undefined, to: string | null): JournalOp {
  return {
    key,
    gloss: { before: rev(from), text: to },
    state: { revision: rev(to ?? undefined), value: to === null ? null : draft('中文') },
  };
}

describe('replayJournal', () => {
  const cases: {
    name: string;
    glosses: Record<string, string>;
    states?: Record<string, GlossState>;
    ops: JournalOp[];
    expected: Record<string, string>;
    expectedStates?: Record<string, GlossState>;
    passedOver?: number;
  }[] = [
    { name: 'no journal', glosses: { a: 'A' }, ops: [], expected: { a: 'A' } },
    { name: 'a save over the file', glosses: { a: 'A' }, ops: [save('a', 'A', 'B')], expected: { a: 'B' } },
    { name: 'a new gloss', glosses: {}, ops: [save('a', undefined, 'B')], expected: { a: 'B' } },
    { name: 'a cleared gloss', glosses: { a: 'A', b: 'X' }, ops: [save('a', 'A', null)], expected: { b: 'X' } },
    { name: 'a chain of saves', glosses: { a: 'A' }, ops: [save('a', 'A', 'B'), save('a', 'B', 'C')], expected: { a: 'C' } },
    {
      name: 'a journal already folded into the file (a crash before its removal)',
      glosses: { a: 'C' },
      ops: [save('a', 'A', 'B'), save('a', 'B', 'C')],
      expected: { a: 'C' },
      // The first save is passed over (the file is at neither of its ends); the second is already in.
      passedOver: 1,
    },
    {
      name: 'a folded journal that came back to where it started',
      glosses: { a: 'A' },
      ops: [save('a', 'A', 'B'), save('a', 'B', 'A')],
      expected: { a: 'A' },
    },
    {
      name: 'a folded journal that returns to an earlier text',
      glosses: { a: 'B' },
      ops: [save('a', 'A', 'B'), save('a', 'B', 'C'), save('a', 'C', 'B')],
      expected: { a: 'B' },
    },
    {
      name: 'a gloss changed by hand after the save keeps the hand edit',
      glosses: { a: 'Hand edit' },
      ops: [save('a', 'A', 'B')],
      expected: { a: 'Hand edit' },
      passedOver: 1,
    },
    {
      name: 'other keys of a hand-edited file still get their saves',
      glosses: { a: 'Hand edit', b: 'A' },
      ops: [save('a', 'A', 'B'), save('b', 'A', 'B')],
      expected: { a: 'Hand edit', b: 'B' },
      passedOver: 1,
    },
    {
      name: 'a key named like an Object method',
      glosses: {},
      ops: [save('constructor', undefined, 'B')],
      expected: { constructor: 'B' },
    },
  ];

  it.each(cases)('$name', ({ glosses, states = {}, ops, expected, passedOver = 0 }) => {
    const before = structuredClone(glosses);
    const result = replayJournal(glosses, states, ops);
    expect(result.glosses).toEqual(expected);
    expect(Object.keys(result.glosses)).toEqual(Object.keys(expected));
    expect(result.passedOver).toBe(passedOver);
    expect(glosses).toEqual(before);
  });

  const stateCases: {
    name: string;
    glosses: Record<string, string>;
    states: Record<string, GlossState>;
    ops: JournalOp[];
    expected: Record<string, GlossState>;
  }[] = [
    {
      name: 'a save records its draft',
      glosses: { a: 'A' },
      states: {},
      ops: [save('a', 'A', 'B')],
      expected: { a: draft('中文') },
    },
    {
      name: 'a review of the saved text',
      glosses: { a: 'A' },
      states: {},
      ops: [save('a', 'A', 'B'), { key: 'a', state: { revision: rev('B'), value: reviewed('中文', 'B') } }],
      expected: { a: reviewed('中文', 'B') },
    },
    {
      name: 'a review replayed over a folded file',
      glosses: { a: 'B' },
      states: { a: reviewed('中文', 'B') },
      ops: [save('a', 'A', 'B'), { key: 'a', state: { revision: rev('B'), value: reviewed('中文', 'B') } }],
      expected: { a: reviewed('中文', 'B') },
    },
    {
      name: 'a review of a gloss since changed by hand is passed over',
      glosses: { a: 'Hand edit' },
      states: { a: draft('旧') },
      ops: [{ key: 'a', state: { revision: rev('B'), value: reviewed('中文', 'B') } }],
      expected: { a: draft('旧') },
    },
    {
      name: 'clearing removes the state',
      glosses: { a: 'A' },
      states: { a: draft('中文') },
      ops: [save('a', 'A', null)],
      expected: {},
    },
  ];

  it.each(stateCases)('states: $name', ({ glosses, states, ops, expected }) => {
    expect(replayJournal(glosses, states, ops).states).toEqual(expected);
  });
});

describe('parseJournal', () => {
  const one = journalLine([save('a', 'A', 'B')]);
  const two = journalLine([save('b', 'A', 'C'), save('c', undefined, 'D')]);
  const cases: { name: string; text: string; keys: string[]; skipped: number[] }[] = [
    { name: 'empty', text: '', keys: [], skipped: [] },
    { name: 'one commit', text: one, keys: ['a'], skipped: [] },
    { name: 'two commits', text: one + two, keys: ['a', 'b', 'c'], skipped: [] },
    { name: 'a commit still being written (no newline yet)', text: one + two.slice(0, 40), keys: ['a'], skipped: [] },
    { name: 'a torn commit, then a later one', text: `${one}${two.slice(0, 40)}\n${one}`, keys: ['a', 'a'], skipped: [2] },
    { name: 'a line of the wrong shape', text: `{"ops":[]}\n${one}{"ops":[{"key":"x"}]}\n`, keys: ['a'], skipped: [1, 3] },
    { name: 'blank lines', text: `\n${one}\n`, keys: ['a'], skipped: [] },
  ];
  it.each(cases)('$name', ({ text, keys, skipped }) => {
    const parsed = parseJournal(text);
    expect(parsed.ops.map((op) => op.key)).toEqual(keys);
    expect(parsed.skipped).toEqual(skipped);
  });
});
