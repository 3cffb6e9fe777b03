import { describe, expect, it } from 'vitest';
import { lighthouseGoalMisses, medianRun, type AuditRun } from './lighthouse-runs';

const run = (performance: number, accessibility: number, failing: Partial<AuditRun['failing']> = {}): AuditRun => ({
  performance,
  accessibility,
  fcp: performance * 10,
  lcp: performance * 20,
  tbt: 100 - performance,
  cls: 0,
  benchmarkIndex: 400,
  failing: { performance: [], accessibility: [], ...failing },
});

describe('medianRun', () => {
  it.each([
    { name: 'no runs', runs: [], expected: undefined },
    { name: 'one run', runs: [run(91, 100)], expected: { performance: 91, accessibility: 100, lcp: 1820 } },
    {
      name: 'the middle of three, its metrics with it',
      runs: [run(99, 100), run(62, 100), run(95, 100)],
      expected: { performance: 95, accessibility: 100, lcp: 1900 },
    },
    {
      name: 'the lower middle of an even count',
      runs: [run(99, 100), run(90, 100), run(97, 100), run(80, 100)],
      expected: { performance: 90, accessibility: 100, lcp: 1800 },
    },
    {
      name: 'accessibility is the median of its own scores',
      runs: [run(99, 92), run(80, 100), run(90, 100)],
      expected: { performance: 90, accessibility: 100, lcp: 1800 },
    },
  ])('$name', ({ runs, expected }) => {
    const median = medianRun(runs);
    if (!expected) return expect(median).toBeUndefined();
    expect(median).toMatchObject(expected);
  });
});

describe('lighthouseGoalMisses', () => {
  it.each([
    { name: 'at the goal', run: run(98, 100), expected: [] },
    { name: 'a category not audited', run: { ...run(98, 100), accessibility: null }, expected: [] },
    {
      name: 'the other category not audited',
      run: { ...run(0, 99, { accessibility: ['label 0'] }), performance: null },
      expected: ['accessibility 99 < 100: label 0'],
    },
    {
      name: 'performance under the goal names its audits',
      run: run(97, 100, { performance: ['total-blocking-time 0.5', 'largest-contentful-paint 0.8'] }),
      expected: ['performance 97 < 98: total-blocking-time 0.5, largest-contentful-paint 0.8'],
    },
    {
      name: 'both under the goal',
      run: run(50, 96, { accessibility: ['color-contrast 0'] }),
      expected: ['performance 50 < 98: no single failing audit', 'accessibility 96 < 100: color-contrast 0'],
    },
  ])('$name', ({ run, expected }) => {
    expect(lighthouseGoalMisses(run)).toEqual(expected);
  });
});
