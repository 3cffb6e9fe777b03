import { describe, expect, it } from 'vitest';
import { contentsWindow } from './contents-window';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const limits = { inline: 10, around: 2 };

describe('contentsWindow', () => {
  it.each([
    ['no sections', 0, 0, []],
    ['up to the inline limit: every section', 10, 7, range(0, 9)],
    ['in the middle: first, gap, window, gap, last', 40, 20, [0, null, ...range(18, 22), null, 39]],
    ['at the start', 40, 0, [...range(0, 2), null, 39]],
    ['at the end', 40, 39, [0, null, ...range(37, 39)]],
    ['a gap of one entry is shown instead', 40, 4, [0, 1, ...range(2, 6), null, 39]],
    ['next to the first: no gap', 40, 3, [0, ...range(1, 5), null, 39]],
    ['a gap of one entry before the last is shown too', 40, 35, [0, null, ...range(33, 37), 38, 39]],
    ['a current index past the end is the last section', 40, 99, [0, null, ...range(37, 39)]],
  ])('%s', (_, total, current, expected) => {
    expect(contentsWindow(total, current, limits)).toEqual(expected);
  });

  it('lists each section at most once, in order, and never more than first + window + last and two gaps', () => {
    for (let total = 11; total < 30; total += 1) {
      for (let current = 0; current < total; current += 1) {
        const entries = contentsWindow(total, current, limits);
        const shown = entries.filter((e): e is number => e !== null);
        expect(shown).toEqual([...new Set(shown)].sort((a, b) => a - b));
        expect(shown).toContain(current);
        expect(shown[0]).toBe(0);
        expect(shown.at(-1)).toBe(total - 1);
        expect(entries.length).toBeLessThanOrEqual(2 * limits.around + 1 + 4);
      }
    }
  });
});
