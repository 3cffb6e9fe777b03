import { describe, expect, it } from 'vitest';
import { textDifficulty } from './difficulty';

/** A constructed text: `count` words of each level. */
const text = (...runs: [number | null, number][]) => runs.flatMap(([level, count]) => Array<number | null>(count).fill(level));

describe('textDifficulty', () => {
  const cases = [
    {
      name: 'no words',
      levels: text(),
      expected: { tokens: 0, levelFor95: null, above: { '1': 0, '9': 0 } },
    },
    {
      name: 'all level 1',
      levels: text([1, 20]),
      expected: { tokens: 20, levelFor95: 1, above: { '1': 0, '9': 0 } },
    },
    {
      name: '95 level-1 words and 5 of level 4: level 1 reads 95 %',
      levels: text([1, 95], [4, 5]),
      expected: { tokens: 100, levelFor95: 1, above: { '1': 0.05, '3': 0.05, '4': 0 } },
    },
    {
      name: '90 of level 2, 6 of level 5, 4 unlisted: level 5 is needed',
      levels: text([2, 90], [5, 6], [null, 4]),
      expected: { tokens: 100, levelFor95: 5, above: { '1': 1, '2': 0.1, '4': 0.1, '5': 0.04, '9': 0.04 } },
    },
    {
      name: 'band 7–9 words are known from level 7 on',
      levels: text([1, 50], [7, 50]),
      expected: { tokens: 100, levelFor95: 7, above: { '6': 0.5, '7': 0, '8': 0, '9': 0 } },
    },
    {
      name: 'too many unlisted words: no level reads 95 %',
      levels: text([1, 80], [null, 20]),
      expected: { tokens: 100, levelFor95: null, above: { '9': 0.2 } },
    },
  ];
  for (const { name, levels, expected } of cases) {
    it(name, () => {
      const result = textDifficulty(levels);
      expect(result.tokens).toBe(expected.tokens);
      expect(result.levelFor95).toBe(expected.levelFor95);
      expect(Object.keys(result.aboveLevel)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
      for (const [level, share] of Object.entries(expected.above)) expect(result.aboveLevel[level]).toBe(share);
    });
  }
});
