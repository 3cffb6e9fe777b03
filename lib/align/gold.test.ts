import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignSentences } from './align';
import { scoreLinks } from './evaluate';
import type { Lexicon } from './features';
import { parseGold } from './gold';
import { loadLexicon } from './lexicon';
import { splitSentences } from './sentences';

// The hand-aligned gold set: the aligner must keep precision and recall of 0.9 or more on it.
const gold = parseGold(readFileSync(path.join(__dirname, 'fixtures', 'gold.json'), 'utf8'));
const TARGET = 0.9;

describe('the gold set', () => {
  let lexicon: Lexicon;
  beforeAll(async () => {
    lexicon = await loadLexicon();
  }, 120_000);

  it('has at least 150 sentence links, each inside its pair', () => {
    let count = 0;
    for (const pair of gold.pairs) {
      for (const link of pair.links) {
        for (const i of link.zh) expect(pair.zh[i], `${pair.block} zh ${i}`).toBeDefined();
        for (const j of link.en) expect(pair.en[j], `${pair.block} en ${j}`).toBeDefined();
        count += link.zh.length * link.en.length;
      }
    }
    expect(count).toBeGreaterThanOrEqual(150);
  });

  it('sentences are what splitSentences gives for the stored texts', { timeout: 30_000 }, () => {
    for (const pair of gold.pairs) {
      expect(
        splitSentences(pair.zhText, 'zh', { heading: pair.heading }).map((s) => s.text),
        pair.block,
      ).toEqual(pair.zh);
      expect(
        splitSentences(pair.enText, 'en', { heading: pair.heading }).map((s) => s.text),
        pair.block,
      ).toEqual(pair.en);
    }
  });

  it(`is aligned with precision and recall of ${TARGET} or more`, { timeout: 60_000 }, () => {
    const score = scoreLinks(
      gold.pairs.map((pair) => ({ found: alignSentences(pair.zh, pair.en, { lexicon }), gold: pair.links })),
    );
    expect(score.precision).toBeGreaterThanOrEqual(TARGET);
    expect(score.recall).toBeGreaterThanOrEqual(TARGET);
  });

  it(`is aligned with ${TARGET} or more by lengths and shared marks alone`, { timeout: 30_000 }, () => {
    const score = scoreLinks(gold.pairs.map((pair) => ({ found: alignSentences(pair.zh, pair.en), gold: pair.links })));
    expect(score.precision).toBeGreaterThanOrEqual(TARGET);
    expect(score.recall).toBeGreaterThanOrEqual(TARGET);
  });
});

describe('scoreLinks', () => {
  const cases: { name: string; found: { zh: number[]; en: number[] }[]; expected: [number, number] }[] = [
    {
      name: 'all right',
      found: [
        { zh: [0], en: [0, 1] },
        { zh: [1], en: [2] },
      ],
      expected: [1, 1],
    },
    {
      name: 'a 1-2 link found as 1-1 and 0-1',
      found: [
        { zh: [0], en: [0] },
        { zh: [], en: [1] },
        { zh: [1], en: [2] },
      ],
      expected: [1, 2 / 3],
    },
    {
      name: 'one English sentence on the wrong side',
      found: [
        { zh: [0], en: [0] },
        { zh: [1], en: [1, 2] },
      ],
      expected: [2 / 3, 2 / 3],
    },
    { name: 'nothing found', found: [], expected: [1, 0] },
  ];
  for (const { name, found, expected } of cases) {
    it(name, () => {
      const score = scoreLinks([
        {
          found,
          gold: [
            { zh: [0], en: [0, 1] },
            { zh: [1], en: [2] },
          ],
        },
      ]);
      expect([score.precision, score.recall]).toEqual(expected);
    });
  }
});
