import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { candidateId, hashText } from './hash';
import { containment, EDIT_SIMILARITY, emptyLedger, type IdLedger, MERGE_CONTAINMENT, reconcileIds, similarity } from './ids';
import { A, B, C, D, E, N, BASE, ALL, blocks, ID_SHAPE, idOf, sync } from '@/lib/testing/id-fixtures';
import { parseText } from './parse';

describe('test texts', () => {
  const pairs = ALL.flatMap((x, i) => ALL.slice(i + 1).map((y) => ({ x: x.slice(0, 8), y: y.slice(0, 8), a: x, b: y })));
  it.each(pairs)('"$x…" and "$y…" are not similar enough to be one edited block', ({ a, b }) => {
    expect(similarity(a, b)).toBeLessThan(EDIT_SIMILARITY);
    expect(containment(a, b)).toBeLessThan(MERGE_CONTAINMENT);
  });
});

describe('reconcileIds: inserting a block', () => {
  const cases = [
    { name: 'at the start', after: [N, A, B, C, D] },
    { name: 'in the middle', after: [A, B, N, C, D] },
    { name: 'at the end', after: [A, B, C, D, N] },
    { name: 'two blocks in two places', after: [E, A, B, N, C, D] },
  ];
  it.each(cases)('$name does not change the other ids', ({ after }) => {
    const { first, second } = sync(BASE, after);
    for (const text of BASE) expect(idOf(second, text)).toBe(idOf(first, text));
    const newTexts = after.filter((t) => !BASE.includes(t));
    const newIds = newTexts.map((t) => idOf(second, t));
    expect(second.added).toEqual(newIds);
    for (const id of newIds) {
      expect(id).toMatch(ID_SHAPE);
      expect(first.blocks.map((b) => b.id)).not.toContain(id);
    }
    expect(second.edited).toEqual([]);
    expect(second.retired).toEqual([]);
    expect(second.revived).toEqual([]);
    expect(second.changed).toBe(true);
  });
});

describe('reconcileIds: deleting a block', () => {
  const cases = [
    { name: 'the first', deleted: A },
    { name: 'a middle one', deleted: C },
    { name: 'the last', deleted: D },
  ];
  it.each(cases)('deleting $name keeps the other ids and retires its id', ({ deleted }) => {
    const after = BASE.filter((t) => t !== deleted);
    const { first, second } = sync(BASE, after);
    for (const text of after) expect(idOf(second, text)).toBe(idOf(first, text));
    const deletedId = idOf(first, deleted);
    expect(second.retired).toEqual([deletedId]);
    expect(second.ledger.retired).toEqual([{ id: deletedId, hash: hashText(deleted), zh: deleted }]);
    expect(second.ledger.blocks.map((b) => b.id)).not.toContain(deletedId);
    expect(second.added).toEqual([]);
    expect(second.edited).toEqual([]);
  });

  it('a retired id is not given to new, different text in a later sync', () => {
    const { first, second } = sync(BASE, [A, C, D]);
    const retiredId = idOf(first, B);
    const third = reconcileIds(blocks(A, C, D, E, N), second.ledger);
    expect(third.blocks.map((b) => b.id)).not.toContain(retiredId);
    expect(third.ledger.retired.map((e) => e.id)).toEqual([retiredId]);
  });

  it('a retired id is not given to an edited copy of the deleted text', () => {
    const { first, second } = sync(BASE, [A, C, D]);
    const retiredId = idOf(first, B);
    const nearCopy = B.replace('近日', '最近');
    const third = reconcileIds(blocks(A, C, D, nearCopy), second.ledger);
    expect(idOf(third, nearCopy)).not.toBe(retiredId);
    expect(third.revived).toEqual([]);
    expect(third.ledger.retired.map((e) => e.id)).toEqual([retiredId]);
  });

  it('a new text whose first candidate id was issued and retired gets the next candidate', () => {
    // Force the collision: the ledger's retired entry holds exactly the id N would get first.
    const taken = candidateId(N, 0);
    const ledger: IdLedger = { blocks: [], retired: [{ id: taken, hash: hashText('别的文字'), zh: '别的文字' }] };
    const result = reconcileIds(blocks(N), ledger);
    expect(result.blocks[0]?.id).toBe(candidateId(N, 1));
    expect(result.blocks[0]?.id).not.toBe(taken);
    expect(result.ledger.retired).toEqual(ledger.retired);
  });

  it('a new text whose first candidate id belongs to a live block gets the next candidate', () => {
    const taken = candidateId(N, 0);
    const ledger: IdLedger = { blocks: [{ id: taken, hash: hashText(A), zh: A }], retired: [] };
    const result = reconcileIds(blocks(A, N), ledger);
    expect(result.blocks.map((b) => b.id)).toEqual([taken, candidateId(N, 1)]);
  });

  it('deleted then restored comes back with its id', () => {
    const { first, second } = sync(BASE, [A, C, D]);
    const originalId = idOf(first, B);
    const third = reconcileIds(blocks(A, B, C, D), second.ledger);
    expect(third.blocks.map((b) => b.id)).toEqual(first.blocks.map((b) => b.id));
    expect(third.revived).toEqual([originalId]);
    expect(third.added).toEqual([]);
    expect(third.ledger.retired).toEqual([]);
    expect(third.ledger).toEqual(first.ledger);
  });

  it('deleted then restored elsewhere, rounds later, still comes back with its id', () => {
    const { first, second } = sync(BASE, [A, C, D]);
    const third = reconcileIds(blocks(A, C, D, E), second.ledger);
    const fourth = reconcileIds(blocks(B, A, C, D, E), third.ledger);
    expect(idOf(fourth, B)).toBe(idOf(first, B));
    expect(fourth.revived).toEqual([idOf(first, B)]);
  });
});

describe('reconcileIds: reordering blocks', () => {
  const cases = [
    { name: 'rotate', after: [D, A, B, C] },
    { name: 'reverse', after: [D, C, B, A] },
    { name: 'swap two', after: [A, C, B, D] },
    { name: 'first to last', after: [B, C, D, A] },
  ];
  it.each(cases)('$name keeps every id', ({ after }) => {
    const { first, second } = sync(BASE, after);
    for (const text of BASE) expect(idOf(second, text)).toBe(idOf(first, text));
    expect(second.added).toEqual([]);
    expect(second.edited).toEqual([]);
    expect(second.retired).toEqual([]);
    expect(second.changed).toBe(true);
  });
});

describe('reconcileIds: editing a block', () => {
  const cases = [
    { name: 'a word replaced', before: B, after: B.replace('近日', '最近') },
    { name: 'a character added', before: C, after: '他再次强调了迁移学习的重要性。' },
    { name: 'a clause appended', before: D, after: '使用合成数据也能大有助益，这一点很重要。' },
    { name: 'a number changed', before: A, after: A.replace('10 亿', '20 亿') },
    { name: 'punctuation changed', before: C, after: '他强调了迁移学习的重要性！' },
  ];
  it.each(cases)('$name: keeps the id, reports it as edited, changes the hash', ({ before, after }) => {
    const { first, second } = sync(
      BASE,
      BASE.map((t) => (t === before ? after : t)),
    );
    const id = idOf(first, before);
    expect(idOf(second, after)).toBe(id);
    expect(second.edited).toEqual([id]);
    const block = second.blocks.find((b) => b.id === id);
    expect(block?.hash).toBe(hashText(after));
    expect(block?.hash).not.toBe(hashText(before));
    expect(second.ledger.blocks.find((e) => e.id === id)).toEqual({ id, hash: hashText(after), zh: after });
    for (const text of BASE.filter((t) => t !== before)) expect(idOf(second, text)).toBe(idOf(first, text));
    expect(second.added).toEqual([]);
    expect(second.retired).toEqual([]);
  });

  it('an edited block that also moved keeps its id', () => {
    const edited = B.replace('近日', '最近');
    const { first, second } = sync(BASE, [edited, C, D, A]);
    expect(idOf(second, edited)).toBe(idOf(first, B));
    expect(second.edited).toEqual([idOf(first, B)]);
  });

  it('a block rewritten into unrelated text gets a new id and the old one is retired', () => {
    const { first, second } = sync(BASE, [A, E, C, D]);
    expect(idOf(second, E)).not.toBe(idOf(first, B));
    expect(second.retired).toEqual([idOf(first, B)]);
    expect(second.added).toEqual([idOf(second, E)]);
    expect(second.edited).toEqual([]);
  });
});

describe('reconcileIds: identical paragraphs', () => {
  it('two identical paragraphs get different ids', () => {
    const result = reconcileIds(blocks(A, D, B, D, C), emptyLedger);
    const ids = result.blocks.map((b) => b.id);
    expect(new Set(ids).size).toBe(5);
    expect(ids[1]).not.toBe(ids[3]);
    expect(ids[1]).toBe(candidateId(D, 0));
    expect(ids[3]).toBe(candidateId(D, 1));
  });

  it("deleting the first of two identical paragraphs keeps the second one's id", () => {
    const { first, second } = sync([A, D, B, D, C], [A, B, D, C]);
    const [idA, firstD, idB, secondD, idC] = first.blocks.map((b) => b.id);
    expect(second.blocks.map((b) => b.id)).toEqual([idA, idB, secondD, idC]);
    expect(second.retired).toEqual([firstD]);
  });

  it("deleting the second of two identical paragraphs keeps the first one's id", () => {
    const { first, second } = sync([A, D, B, D, C], [A, D, B, C]);
    const [idA, firstD, idB, secondD, idC] = first.blocks.map((b) => b.id);
    expect(second.blocks.map((b) => b.id)).toEqual([idA, firstD, idB, idC]);
    expect(second.retired).toEqual([secondD]);
  });

  it("the seed article's duplicated passages get distinct ids", () => {
    const seedPath = fileURLToPath(new URL('../../content/karpathy-no-priors.txt', import.meta.url));
    const parsed = parseText(readFileSync(seedPath, 'utf8'));
    const result = reconcileIds(parsed.blocks, emptyLedger);
    expect(result.blocks).toHaveLength(52);
    expect(new Set(result.blocks.map((b) => b.id)).size).toBe(52);
    const at = (line: number) => result.blocks.find((b) => b.line === line)?.id;
    expect(at(70)).not.toBe(at(92));
    expect(at(90)).not.toBe(at(98));
    expect(at(11)).not.toBe(at(107));
    for (const block of result.blocks) expect(block.id).toMatch(ID_SHAPE);
  });
});

describe('reconcileIds: merging two paragraphs', () => {
  it('one keeps its id, the other is retired with mergedInto the merged block', () => {
    const merged = `${B}${C}`;
    const { first, second } = sync(BASE, [A, merged, D]);
    const idB = idOf(first, B);
    const idC = idOf(first, C);
    // B holds most of the merged text, so the merged block keeps B's id.
    expect(idOf(second, merged)).toBe(idB);
    expect(second.edited).toEqual([idB]);
    expect(second.retired).toEqual([idC]);
    expect(second.ledger.retired).toEqual([{ id: idC, hash: hashText(C), zh: C, mergedInto: idB }]);
    expect(second.added).toEqual([]);
  });

  it('merging two halves of equal size keeps one id and points the other at it', () => {
    const first = reconcileIds(blocks(A, '他强调了迁移学习的重要性。', '不管形态如何都能继承智慧。', D), emptyLedger);
    const merged = '他强调了迁移学习的重要性。不管形态如何都能继承智慧。';
    const second = reconcileIds(blocks(A, merged, D), first.ledger);
    const [, id1, id2] = first.blocks.map((b) => b.id);
    const kept = idOf(second, merged);
    expect([id1, id2]).toContain(kept);
    const gone = kept === id1 ? id2 : id1;
    expect(second.retired).toEqual([gone]);
    expect(second.ledger.retired).toEqual([expect.objectContaining({ id: gone, mergedInto: kept })]);
  });
});

describe('reconcileIds: no change and determinism', () => {
  it('the same input twice gives changed: false the second time', () => {
    const { first, second } = sync(BASE, BASE);
    expect(first.changed).toBe(true);
    expect(second.changed).toBe(false);
    expect(second.blocks.map((b) => b.id)).toEqual(first.blocks.map((b) => b.id));
    expect(second.ledger).toEqual(first.ledger);
    expect([second.edited, second.added, second.retired, second.revived]).toEqual([[], [], [], []]);
  });

  it('moving blocks to other lines only (blank lines added) is not a change', () => {
    const first = reconcileIds(blocks(...BASE), emptyLedger);
    const shifted = blocks(...BASE).map((b) => ({ ...b, line: b.line + 10 }));
    const second = reconcileIds(shifted, first.ledger);
    expect(second.changed).toBe(false);
    expect(second.blocks.map((b) => b.line)).toEqual([11, 13, 15, 17]);
  });

  it('ids are deterministic: the same text from an empty ledger gives the same ids', () => {
    const one = reconcileIds(blocks(...ALL), emptyLedger);
    const two = reconcileIds(blocks(...ALL), emptyLedger);
    expect(two).toEqual(one);
    expect(one.blocks.map((b) => b.id)).toEqual(ALL.map((t) => candidateId(t, 0)));
    expect(one.added).toEqual(one.blocks.map((b) => b.id));
  });

  it('an empty text from an empty ledger gives no blocks and no change', () => {
    expect(reconcileIds([], emptyLedger)).toEqual({
      blocks: [],
      ledger: { blocks: [], retired: [] },
      edited: [],
      added: [],
      retired: [],
      revived: [],
      changed: false,
    });
  });

  it('removing every block retires every id', () => {
    const { first, second } = sync(BASE, []);
    expect(second.retired).toEqual(first.blocks.map((b) => b.id));
    expect(second.ledger.blocks).toEqual([]);
  });

  it('does not modify the ledger passed in', () => {
    const first = reconcileIds(blocks(...BASE), emptyLedger);
    const snapshot = JSON.parse(JSON.stringify(first.ledger)) as IdLedger;
    reconcileIds(blocks(A, N, C), first.ledger);
    expect(first.ledger).toEqual(snapshot);
    expect(emptyLedger).toEqual({ blocks: [], retired: [] });
  });
});

describe('similarity', () => {
  const cases = [
    { name: 'doc example: one character added', a: '今天天气好', b: '今天天气很好', expected: 2 / 3 },
    { name: 'identical', a: '他强调了迁移学习的重要性。', b: '他强调了迁移学习的重要性。', expected: 1 },
    { name: 'nothing shared', a: '甲乙丙', b: '丁戊己', expected: 0 },
    { name: 'whitespace is ignored', a: 'AI 研究者', b: 'AI研究者', expected: 1 },
    { name: 'repeated bigrams counted with multiplicity', a: '哈哈哈', b: '哈哈', expected: 2 / 3 },
    { name: 'one character, same', a: '甲', b: '甲', expected: 1 },
    { name: 'one character, different', a: '甲', b: '乙', expected: 0 },
    // Limitation: a single character is one unigram, never a bigram of a longer text.
    { name: 'one character against two', a: '甲', b: '甲乙', expected: 0 },
    { name: 'both empty', a: '', b: '', expected: 0 },
    { name: 'one empty', a: '甲乙', b: '', expected: 0 },
    { name: 'symmetric', a: '今天天气很好', b: '今天天气好', expected: 2 / 3 },
    { name: 'half the text replaced', a: '甲乙丙丁戊', b: '甲乙丙子丑', expected: 0.5 },
  ];
  it.each(cases)('$name → $expected', ({ a, b, expected }) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 10);
  });
});

describe('containment', () => {
  const cases = [
    { name: 'doc example: part of the whole', part: '天气好', whole: '今天天气好', expected: 1 },
    { name: 'whole in part is small', part: '今天天气很好', whole: '天气', expected: 1 / 5 },
    { name: 'identical', part: '迁移学习', whole: '迁移学习', expected: 1 },
    { name: 'half found', part: '甲乙丙丁戊', whole: '甲乙丙', expected: 0.5 },
    { name: 'nothing found', part: '甲乙', whole: '丙丁', expected: 0 },
    { name: 'whitespace is ignored', part: 'No Priors', whole: '播客节目NoPriors发布', expected: 1 },
    { name: 'empty part', part: '', whole: '今天', expected: 0 },
    { name: 'empty whole', part: '今天', whole: '', expected: 0 },
    // Limitation: a one-character part is a unigram and is never found in a longer whole.
    { name: 'one-character part', part: '甲', whole: '甲乙', expected: 0 },
    { name: 'repeated bigrams limited by the whole', part: '哈哈哈', whole: '哈哈', expected: 0.5 },
  ];
  it.each(cases)('$name → $expected', ({ part, whole, expected }) => {
    expect(containment(part, whole)).toBeCloseTo(expected, 10);
  });
});
