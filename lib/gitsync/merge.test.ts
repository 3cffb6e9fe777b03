import { describe, expect, it } from 'vitest';
import {
  lastEditor,
  mergeAppendOnly,
  mergeConflictFiles,
  mergeGlosses,
  mergeRecords,
  mergeStates,
  type ConflictFile,
} from './merge';

type R = Record<string, string>;

const context = {
  authorOf: (side: 'ours' | 'theirs') => (side === 'ours' ? 'ann' : 'bo'),
  revisionOf: (text: string) => `r:${text}`,
};

describe('mergeGlosses, one case a row', () => {
  const cases: { name: string; base: R; ours: R; theirs: R; glosses: R; clashed: string[] }[] = [
    { name: 'nothing changed', base: { a: '甲' }, ours: { a: '甲' }, theirs: { a: '甲' }, glosses: { a: '甲' }, clashed: [] },
    { name: 'ours changed one', base: { a: '甲' }, ours: { a: 'A' }, theirs: { a: '甲' }, glosses: { a: 'A' }, clashed: [] },
    { name: 'theirs changed one', base: { a: '甲' }, ours: { a: '甲' }, theirs: { a: 'A' }, glosses: { a: 'A' }, clashed: [] },
    { name: 'both the same change', base: { a: '甲' }, ours: { a: 'A' }, theirs: { a: 'A' }, glosses: { a: 'A' }, clashed: [] },
    {
      name: 'both changed different paragraphs',
      base: { a: '甲', b: '乙' },
      ours: { a: 'A', b: '乙' },
      theirs: { a: '甲', b: 'B' },
      glosses: { a: 'A', b: 'B' },
      clashed: [],
    },
    {
      name: 'both changed one paragraph differently: ours stays in the file',
      base: { a: '甲' },
      ours: { a: 'A1' },
      theirs: { a: 'A2' },
      glosses: { a: 'A1' },
      clashed: ['a'],
    },
    {
      name: 'theirs deleted',
      base: { a: '甲', b: '乙' },
      ours: { a: '甲', b: '乙' },
      theirs: { a: '甲' },
      glosses: { a: '甲' },
      clashed: [],
    },
    {
      name: 'ours deleted',
      base: { a: '甲', b: '乙' },
      ours: { b: '乙' },
      theirs: { a: '甲', b: '乙' },
      glosses: { b: '乙' },
      clashed: [],
    },
    { name: 'both deleted', base: { a: '甲' }, ours: {}, theirs: {}, glosses: {}, clashed: [] },
    {
      name: 'deleted on ours, changed on theirs',
      base: { a: '甲' },
      ours: {},
      theirs: { a: 'A' },
      glosses: { a: 'A' },
      clashed: ['a'],
    },
    {
      name: 'new key on theirs',
      base: {},
      ours: { a: '甲' },
      theirs: { a: '甲', b: 'B' },
      glosses: { a: '甲', b: 'B' },
      clashed: [],
    },
    { name: 'same new key on both, same text', base: {}, ours: { n: 'N' }, theirs: { n: 'N' }, glosses: { n: 'N' }, clashed: [] },
    {
      name: 'same new key on both, different text',
      base: {},
      ours: { n: 'N1' },
      theirs: { n: 'N2' },
      glosses: { n: 'N1' },
      clashed: ['n'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = mergeGlosses(c.base, c.ours, c.theirs, {}, context);
      expect(result.glosses).toEqual(c.glosses);
      expect(result.clashed).toEqual(c.clashed);
      expect(Object.keys(result.conflicts)).toEqual(c.clashed);
    });
  }

  it('a conflict keeps both versions with author and revision', () => {
    const { conflicts } = mergeGlosses({ a: '甲' }, { a: 'A1' }, { a: 'A2' }, {}, context);
    expect(conflicts.a?.versions).toEqual([
      { text: 'A1', author: 'ann', revision: 'r:A1' },
      { text: 'A2', author: 'bo', revision: 'r:A2' },
    ]);
  });

  it('a deletion in a conflict is the empty text', () => {
    const { conflicts } = mergeGlosses({ a: '甲' }, {}, { a: 'A' }, {}, context);
    expect(conflicts.a?.versions.map((v) => v.text)).toEqual(['', 'A']);
  });

  it('a conflict already recorded gains the new version, each revision once', () => {
    const before: ConflictFile = { a: { versions: [{ text: 'A1', author: 'ann', revision: 'r:A1' }] } };
    const { conflicts } = mergeGlosses({ a: '甲' }, { a: 'A1' }, { a: 'A3' }, before, context);
    expect(conflicts.a?.versions.map((v) => v.text)).toEqual(['A1', 'A3']);
  });

  it('keeps our key order, theirs new keys after', () => {
    const { glosses } = mergeGlosses({}, { b: '乙', a: '甲' }, { c: '丙', a: '甲' }, {}, context);
    expect(Object.keys(glosses)).toEqual(['b', 'a', 'c']);
  });

  it('a key named __proto__ stays data', () => {
    const { merged } = mergeRecords<string>({}, { ['__proto__']: 'x' }, {}, () => undefined);
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
  });
});

describe('mergeStates', () => {
  const draft = { status: 'draft' };
  const reviewed = { status: 'reviewed', revision: 'r1' };
  const reviewed2 = { status: 'reviewed', revision: 'r2' };
  type S = Record<string, { status: string; revision?: string }>;
  const cases: { name: string; base: S; ours: S; theirs: S; expected: S }[] = [
    { name: 'one side reviewed', base: { a: draft }, ours: { a: reviewed }, theirs: { a: draft }, expected: { a: reviewed } },
    { name: 'reviewed against draft: draft wins', base: {}, ours: { a: reviewed }, theirs: { a: draft }, expected: { a: draft } },
    { name: 'two reviews: ours', base: { a: draft }, ours: { a: reviewed }, theirs: { a: reviewed2 }, expected: { a: reviewed } },
    { name: 'removed against changed: kept', base: { a: draft }, ours: {}, theirs: { a: reviewed }, expected: { a: reviewed } },
    { name: 'removed on one side only', base: { a: draft }, ours: {}, theirs: { a: draft }, expected: {} },
  ];
  for (const c of cases) it(c.name, () => expect(mergeStates(c.base, c.ours, c.theirs)).toEqual(c.expected));
});

describe('mergeConflictFiles', () => {
  const v = (text: string) => ({ text, author: 'x', revision: text });
  const cases: { name: string; base: ConflictFile; ours: ConflictFile; theirs: ConflictFile; expected: ConflictFile }[] = [
    {
      name: 'resolved on one side',
      base: { a: { versions: [v('1'), v('2')] } },
      ours: {},
      theirs: { a: { versions: [v('1'), v('2')] } },
      expected: {},
    },
    {
      name: 'resolved on one side, added to on the other',
      base: { a: { versions: [v('1'), v('2')] } },
      ours: {},
      theirs: { a: { versions: [v('1'), v('2'), v('3')] } },
      expected: { a: { versions: [v('1'), v('2'), v('3')] } },
    },
    {
      name: 'new on both sides',
      base: {},
      ours: { a: { versions: [v('1'), v('2')] } },
      theirs: { a: { versions: [v('2'), v('3')] } },
      expected: { a: { versions: [v('1'), v('2'), v('3')] } },
    },
  ];
  for (const c of cases) it(c.name, () => expect(mergeConflictFiles(c.base, c.ours, c.theirs)).toEqual(c.expected));
});

describe('mergeAppendOnly and lastEditor', () => {
  const cases = [
    { base: '', ours: '', theirs: '', expected: '' },
    { base: 'a\n', ours: 'a\nb\n', theirs: 'a\n', expected: 'a\nb\n' },
    { base: 'a\n', ours: 'a\nb\n', theirs: 'a\nc\n', expected: 'a\nb\nc\n' },
    { base: 'a\n', ours: 'a\nb\n', theirs: 'a\nb\n', expected: 'a\nb\n' },
  ];
  for (const c of cases)
    it(`${JSON.stringify(c.ours)} + ${JSON.stringify(c.theirs)}`, () =>
      expect(mergeAppendOnly(c.base, c.ours, c.theirs)).toBe(c.expected));

  const line = (id: string, editor: string) => JSON.stringify({ id, editor });
  const editors = [
    { side: `${line('p1', 'ann')}\n${line('p1', 'bo')}\n`, base: '', expected: 'bo' },
    { side: `${line('p1', 'ann')}\n${line('p2', 'bo')}\n`, base: '', expected: 'ann' },
    { side: `${line('p1', 'ann')}\n`, base: `${line('p1', 'ann')}\n`, expected: undefined },
    { side: '{"id":"p1","edi\n', base: '', expected: undefined },
  ];
  for (const c of editors)
    it(`last editor of p1 is ${c.expected}`, () => expect(lastEditor(c.side, c.base, 'p1')).toBe(c.expected));
});
