import { describe, expect, it } from 'vitest';
import { MAX_PROGRESS_TEXTS, mergeProgress, parseProgress, withParagraphRead, type ReadingProgress } from './progress';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const entry = (id: string, minute: number, share = 0.5) => ({ id, share, at: at(minute) });

describe('parseProgress', () => {
  const cases: { name: string; input: unknown; expected: ReadingProgress }[] = [
    { name: 'not JSON', input: 'x', expected: {} },
    { name: 'null', input: null, expected: {} },
    { name: 'an array', input: '[]', expected: {} },
    { name: 'a good entry', input: JSON.stringify({ essay: entry('abcdef', 1) }), expected: { essay: entry('abcdef', 1) } },
    { name: 'an object, not a string', input: { essay: entry('abcdef', 1) }, expected: { essay: entry('abcdef', 1) } },
    {
      name: 'bad entries dropped, good kept',
      input: {
        essay: entry('abcdef', 1),
        'Bad Slug': entry('abcdef', 1),
        '../x': entry('abcdef', 1),
        ids: entry('ABCDEF', 1),
        share: entry('abcdef', 1, 2),
        date: { id: 'abcdef', share: 0, at: 'yesterday' },
        extra: 5,
      },
      expected: { essay: entry('abcdef', 1) },
    },
  ];
  for (const { name, input, expected } of cases) it(name, () => expect(parseProgress(input)).toEqual(expected));

  it(`keeps the ${MAX_PROGRESS_TEXTS} most recently read texts`, () => {
    const many = Object.fromEntries(Array.from({ length: MAX_PROGRESS_TEXTS + 5 }, (_, i) => [`t${i}`, entry('abcdef', i)]));
    const kept = parseProgress(many);
    expect(Object.keys(kept)).toHaveLength(MAX_PROGRESS_TEXTS);
    expect(kept.t0).toBeUndefined();
    expect(kept[`t${MAX_PROGRESS_TEXTS + 4}`]).toBeDefined();
  });
});

describe('mergeProgress', () => {
  const cases: { name: string; mine: ReadingProgress; theirs: ReadingProgress; expected: ReadingProgress }[] = [
    { name: 'both empty', mine: {}, theirs: {}, expected: {} },
    { name: 'only mine', mine: { a: entry('aaaaaa', 1) }, theirs: {}, expected: { a: entry('aaaaaa', 1) } },
    { name: 'only theirs', mine: {}, theirs: { a: entry('aaaaaa', 1) }, expected: { a: entry('aaaaaa', 1) } },
    {
      name: 'theirs newer wins',
      mine: { a: entry('aaaaaa', 1) },
      theirs: { a: entry('bbbbbb', 2) },
      expected: { a: entry('bbbbbb', 2) },
    },
    {
      name: 'mine newer wins',
      mine: { a: entry('aaaaaa', 3) },
      theirs: { a: entry('bbbbbb', 2) },
      expected: { a: entry('aaaaaa', 3) },
    },
    {
      name: 'same time keeps mine',
      mine: { a: entry('aaaaaa', 2) },
      theirs: { a: entry('bbbbbb', 2) },
      expected: { a: entry('aaaaaa', 2) },
    },
    {
      name: 'different texts are all kept',
      mine: { a: entry('aaaaaa', 1) },
      theirs: { b: entry('bbbbbb', 2) },
      expected: { a: entry('aaaaaa', 1), b: entry('bbbbbb', 2) },
    },
  ];
  for (const { name, mine, theirs, expected } of cases) it(name, () => expect(mergeProgress(mine, theirs)).toEqual(expected));
});

describe('withParagraphRead', () => {
  const start: ReadingProgress = { a: entry('aaaaaa', 1) };
  const cases = [
    {
      name: 'a new text',
      slug: 'b',
      id: 'bbbbbb',
      share: 0.25,
      expected: { a: entry('aaaaaa', 1), b: { id: 'bbbbbb', share: 0.25, at: at(9) } },
    },
    {
      name: 'a later paragraph',
      slug: 'a',
      id: 'cccccc',
      share: 0.75,
      expected: { a: { id: 'cccccc', share: 0.75, at: at(9) } },
    },
    { name: 'share clamped', slug: 'a', id: 'cccccc', share: 7, expected: { a: { id: 'cccccc', share: 1, at: at(9) } } },
  ];
  for (const { name, slug, id, share, expected } of cases)
    it(name, () => expect(withParagraphRead(start, slug, id, share, at(9))).toEqual(expected));
  it('the same paragraph again changes nothing (same object)', () =>
    expect(withParagraphRead(start, 'a', 'aaaaaa', 0.9, at(9))).toBe(start));
});
