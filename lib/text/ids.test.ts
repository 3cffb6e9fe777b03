import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { candidateId, hashText, isBlockId } from './hash';
import {
  containment,
  EDIT_SIMILARITY,
  emptyLedger,
  type IdLedger,
  MERGE_CONTAINMENT,
  type Reconciliation,
  reconcileIds,
  similarity,
} from './ids';
import { seededRandom } from '@/lib/testing/random';
import { parseText } from './parse';
import type { SourceBlock } from './types';

const ID_SHAPE = /^[a-z][a-z0-9]{5}$/;

/** Paragraph blocks, one per text, on lines 1, 3, 5, … */
function blocks(...texts: string[]): SourceBlock[] {
  return texts.map((text, i) => ({ type: 'paragraph', text, line: 2 * i + 1 }));
}

/** Reconciles `before` from an empty ledger, then `after` with the ledger that returned. */
function sync(before: string[], after: string[]): { first: Reconciliation; second: Reconciliation } {
  const first = reconcileIds(blocks(...before), emptyLedger);
  const second = reconcileIds(blocks(...after), first.ledger);
  return { first, second };
}

/** The id of the block holding `text` (the only one; fails if there are several). */
function idOf(result: Reconciliation, text: string): string {
  const found = result.blocks.filter((b) => b.text === text);
  expect(found, `exactly one block with ${text}`).toHaveLength(1);
  return found[0]?.id ?? '';
}

// Small realistic paragraphs, pairwise dissimilar (checked below).
const A = '前些天，OpenAI 前首席科学家 Ilya Sutskever 创立的新公司获得 10 亿美元投资。';
const B = '近日，播客节目 No Priors 发布了对这位著名 AI 研究者的专访视频。';
const C = '他强调了迁移学习的重要性。';
const D = '使用合成数据也能大有助益。';
const E = '互联网数据很多，但这并不是适合 Transformer 的数据。';
const N = '当这些模型发挥作用时，它们并不会孤军奋战，而是会协同合作。';
const BASE = [A, B, C, D];
const ALL = [A, B, C, D, E, N];

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

describe('reconcileIds: random edit rounds', () => {
  const seedPath = fileURLToPath(new URL('../../content/karpathy-no-priors.txt', import.meta.url));
  const pool = parseText(readFileSync(seedPath, 'utf8'))
    .blocks.map((b) => b.text)
    .filter((t) => t !== '');
  const HAN =
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府';

  it(
    '200 rounds of edits, inserts, deletes, moves, merges and restores never reuse an id for other text',
    { timeout: 60_000 },
    () => {
      const random = seededRandom(20240908);
      const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
      const randomHan = (n: number) => Array.from({ length: n }, () => pick([...HAN])).join('');

      const doc: string[] = pool.slice(0, 10);
      let ledger: IdLedger = emptyLedger;
      const deletedTexts: string[] = [];
      const everIssued = new Set<string>();
      /** Every hash an id has stood for, in order. */
      const history = new Map<string, string[]>();
      const counts = { kept: 0, edited: 0, added: 0, revived: 0, retired: 0 };
      const mergedIds = new Set<string>();

      for (let round = 0; round < 200; round += 1) {
        const ops = 1 + Math.floor(random() * 3);
        for (let k = 0; k < ops; k += 1) {
          const r = random();
          const i = Math.floor(random() * Math.max(doc.length, 1));
          if ((r < 0.2 && doc.length < 30) || doc.length < 3) {
            // insert: a seed paragraph (maybe a duplicate) or fresh text
            const text = random() < 0.5 ? pick(pool) : `${randomHan(6 + Math.floor(random() * 30))}。`;
            doc.splice(i, 0, text);
          } else if (r < 0.4) {
            const [gone] = doc.splice(i, 1);
            if (gone !== undefined) deletedTexts.push(gone);
          } else if (r < 0.6) {
            // small edit: replace, insert or delete one character
            const text = doc[i] ?? '';
            const chars = [...text];
            const at = Math.floor(random() * chars.length);
            const mode = Math.floor(random() * 3);
            if (mode === 0) chars[at] = pick([...HAN]);
            else if (mode === 1) chars.splice(at, 0, pick([...HAN]));
            else if (chars.length > 1) chars.splice(at, 1);
            doc[i] = chars.join('');
          } else if (r < 0.7) {
            // move
            const [moved] = doc.splice(i, 1);
            if (moved !== undefined) doc.splice(Math.floor(random() * (doc.length + 1)), 0, moved);
          } else if (r < 0.8 && i + 1 < doc.length) {
            // merge with the next paragraph
            doc.splice(i, 2, `${doc[i] ?? ''}${doc[i + 1] ?? ''}`);
          } else if (r < 0.88) {
            // split in two
            const chars = [...(doc[i] ?? '')];
            if (chars.length >= 4) {
              const at = 1 + Math.floor(random() * (chars.length - 2));
              doc.splice(i, 1, chars.slice(0, at).join(''), chars.slice(at).join(''));
            }
          } else if (r < 0.95 && deletedTexts.length > 0) {
            // restore a deleted paragraph, exact text
            doc.splice(i, 0, pick(deletedTexts));
          } else {
            // rewrite into unrelated text
            doc[i] = `${randomHan(10 + Math.floor(random() * 20))}。`;
          }
        }

        const previous = ledger;
        const result = reconcileIds(blocks(...doc), previous);
        const prevLive = new Map(previous.blocks.map((e) => [e.id, e]));
        const prevRetired = new Map(previous.retired.map((e) => [e.id, e]));
        const where = `round ${round}`;

        // Shape and uniqueness.
        const liveIds = result.blocks.map((b) => b.id);
        for (const id of liveIds) expect(id, where).toMatch(ID_SHAPE);
        expect(new Set(liveIds).size, `${where}: no two live blocks share an id`).toBe(liveIds.length);
        expect(
          result.blocks.map((b) => b.text),
          where,
        ).toEqual(doc);
        for (const b of result.blocks) expect(b.hash, where).toBe(hashText(b.text));
        expect(result.ledger.blocks, where).toEqual(result.blocks.map((b) => ({ id: b.id, hash: b.hash, zh: b.text })));

        // Every id that lost its block is retired, and the ledger forgets no id.
        const retiredIds = result.ledger.retired.map((e) => e.id);
        expect(new Set(retiredIds).size, where).toBe(retiredIds.length);
        for (const id of retiredIds) expect(liveIds, `${where}: ${id} is live and retired`).not.toContain(id);
        expect(result.retired.sort(), where).toEqual(
          previous.blocks
            .map((e) => e.id)
            .filter((id) => !liveIds.includes(id))
            .sort(),
        );

        // Each id stands for one block's history: same text, a similar edit, an exact revival, or new.
        for (const b of result.blocks) {
          const before = prevLive.get(b.id);
          const retired = prevRetired.get(b.id);
          if (before) {
            if (before.hash === b.hash) counts.kept += 1;
            else {
              counts.edited += 1;
              expect(similarity(before.zh, b.text), `${where}: ${b.id} edited into unrelated text`).toBeGreaterThanOrEqual(
                EDIT_SIMILARITY,
              );
              expect(result.edited, where).toContain(b.id);
            }
          } else if (everIssued.has(b.id)) {
            counts.revived += 1;
            expect(retired, `${where}: ${b.id} was issued before but is neither live nor retired`).toBeDefined();
            expect(b.hash, `${where}: retired id ${b.id} reissued to other text`).toBe(retired?.hash);
            expect(b.hash, where).toBe(history.get(b.id)?.at(-1));
            expect(result.revived, where).toContain(b.id);
          } else {
            counts.added += 1;
            expect(result.added, where).toContain(b.id);
          }
          const seen = history.get(b.id) ?? [];
          if (seen.at(-1) !== b.hash) history.set(b.id, [...seen, b.hash]);
          everIssued.add(b.id);
        }
        for (const id of everIssued) {
          expect(liveIds.includes(id) || retiredIds.includes(id), `${where}: ${id} forgotten`).toBe(true);
        }
        for (const e of result.ledger.retired) {
          expect(e.hash, `${where}: retired ${e.id} keeps its last text`).toBe(history.get(e.id)?.at(-1));
          if (e.mergedInto !== undefined) {
            mergedIds.add(e.id);
            expect(e.mergedInto, where).toMatch(ID_SHAPE);
          }
        }
        counts.retired += result.retired.length;

        // Re-running on the same text changes nothing.
        const again = reconcileIds(blocks(...doc), result.ledger);
        expect(again.changed, where).toBe(false);
        expect(
          again.blocks.map((b) => b.id),
          where,
        ).toEqual(liveIds);

        ledger = result.ledger;
      }

      // The rounds really exercised every path.
      expect(counts.edited).toBeGreaterThan(20);
      expect(counts.added).toBeGreaterThan(20);
      expect(counts.revived).toBeGreaterThan(5);
      expect(counts.retired).toBeGreaterThan(20);
      expect(mergedIds.size).toBeGreaterThan(5);
    },
  );
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

describe('hash helpers behind the ids', () => {
  const hashes = [
    { input: '你好', expected: '670d9743542c' },
    { input: '', expected: 'e3b0c44298fc' },
  ];
  it.each(hashes)('hashText("$input") → $expected', ({ input, expected }) => {
    expect(hashText(input)).toBe(expected);
  });

  it('hashText is NFC-normalised: composed and decomposed é hash alike', () => {
    expect(hashText('caf\u00e9')).toBe(hashText('cafe\u0301'));
    expect(candidateId('caf\u00e9', 0)).toBe(candidateId('cafe\u0301', 0));
  });

  const attempts = [0, 1, 2, 3, 10, 1000].map((attempt) => ({ attempt }));
  it.each(attempts)('candidateId attempt $attempt has the id shape', ({ attempt }) => {
    expect(candidateId(A, attempt)).toMatch(ID_SHAPE);
    expect(isBlockId(candidateId(A, attempt))).toBe(true);
  });

  it('different attempts give different candidates', () => {
    const ids = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => candidateId(A, n));
    expect(new Set(ids).size).toBe(8);
  });

  const shapes = [
    { input: 'zfi0s4', expected: true },
    { input: 'a00000', expected: true },
    { input: '0abcde', expected: false },
    { input: 'Abcdef', expected: false },
    { input: 'abcde', expected: false },
    { input: 'abcdefg', expected: false },
    { input: 'abc-ef', expected: false },
    { input: '', expected: false },
  ];
  it.each(shapes)('isBlockId("$input") → $expected', ({ input, expected }) => {
    expect(isBlockId(input)).toBe(expected);
  });
});

describe('reconcileIds on a book edited all over', () => {
  // Paragraphs of 30 characters drawn from 3,000 common ones (a seeded generator), each opening
  // as a novel's often do: distinct, yet sharing many bigrams with others.
  const OPENINGS = ['宝玉听了，', '黛玉笑道：', '贾母因问道：', '凤姐儿听了，'];
  const book = (n: number) => {
    const random = seededRandom(7);
    return Array.from({ length: n }, (_, i) => {
      const chars = Array.from({ length: 30 }, () => String.fromCodePoint(0x4e00 + Math.floor(random() * 3000)));
      return `${OPENINGS[i % OPENINGS.length]}${chars.join('')}。`;
    });
  };
  const N = 6_000;

  const cases: { name: string; change: (texts: string[]) => string[]; kept: (before: string[]) => number }[] = [
    {
      name: 'every paragraph edited (its punctuation changed)',
      change: (texts) => texts.map((t) => t.replace(/[，：。]/g, (mark) => ({ '，': ',', '：': ':', '。': '．' })[mark] ?? mark)),
      kept: () => N,
    },
    {
      name: 'every paragraph edited, and a chapter of 500 new ones inserted in the middle',
      change: (texts) => {
        const edited = texts.map((t) => `${t}又`);
        const added = Array.from(
          { length: 500 },
          (_, i) => `新加的一章里的第${i}段，与别处都不同：${'新'.repeat(i % 7)}${i * 31}。`,
        );
        return [...edited.slice(0, N / 2), ...added, ...edited.slice(N / 2)];
      },
      kept: () => N,
    },
  ];

  it.each(cases)(
    'keeps each paragraph its id: $name',
    ({ change, kept }) => {
      const before = book(N);
      const { first, second } = sync(before, change(before));
      const oldIds = new Set(first.blocks.map((b) => b.id));
      expect(second.blocks.filter((b) => oldIds.has(b.id))).toHaveLength(kept(before));
      expect(second.edited).toHaveLength(N);
      expect(second.retired).toEqual([]);
      // In order: each edited paragraph kept its own id, not a neighbour's.
      const keptIds = second.blocks.filter((b) => oldIds.has(b.id)).map((b) => b.id);
      expect(keptIds).toEqual(first.blocks.map((b) => b.id));
      // A book of 6,000 paragraphs, twice: seconds on a busy machine; this checks ids, not time.
    },
    30_000,
  );
});

describe('reconcileIds on a text that repeats itself', () => {
  it('keeps the ids of 3,000 copies of one line and the paragraphs between them, in order, after one is removed', () => {
    const texts = Array.from({ length: 6_000 }, (_, i) => (i % 2 === 0 ? '诗曰：' : `第${i}段正文，各不相同。`));
    const { first, second } = sync(texts, [...texts.slice(0, 1000), ...texts.slice(1001)]);
    const before = first.blocks.map((b) => b.id);
    expect(second.blocks.map((b) => b.id)).toEqual([...before.slice(0, 1000), ...before.slice(1001)]);
    expect(second.retired).toEqual([before[1000]]);
  });
});
