import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashText } from './hash';
import { EDIT_SIMILARITY, emptyLedger, type IdLedger, reconcileIds, similarity } from './ids';
import { blocks, ID_SHAPE, sync } from '@/lib/testing/id-fixtures';
import { seededRandom } from '@/lib/testing/random';
import { parseText } from './parse';

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
