import { describe, expect, it } from 'vitest';
import { commitMessage, dueBatches, emailOf, nextDueIn, noteChange, type PendingBatch } from './batch';

function pending(...changes: [slug: string, author: string, at: number][]): Map<string, PendingBatch> {
  return changes.reduce((map, [slug, author, at]) => noteChange(map, slug, author, at), new Map<string, PendingBatch>());
}

describe('noteChange', () => {
  it('keeps each author once, in order, and the first and last change', () => {
    const batches = pending(['a', 'ann', 1], ['a', 'bo', 2], ['a', 'ann', 3], ['b', 'bo', 4]);
    expect(batches.get('a')).toEqual({ slug: 'a', authors: ['ann', 'bo'], first: 1, last: 3 });
    expect(batches.get('b')).toEqual({ slug: 'b', authors: ['bo'], first: 4, last: 4 });
  });
});

describe('dueBatches (quiet 10, at most 100)', () => {
  const cases = [
    { name: 'nothing pending', changes: [] as [string, string, number][], now: 50, due: [] as string[] },
    { name: 'still within the quiet spell', changes: [['a', 'ann', 45]] as [string, string, number][], now: 50, due: [] },
    { name: 'quiet long enough', changes: [['a', 'ann', 40]] as [string, string, number][], now: 50, due: ['a'] },
    {
      name: 'never quiet, but waited the most',
      changes: [
        ['a', 'ann', 0],
        ['a', 'ann', 95],
      ] as [string, string, number][],
      now: 100,
      due: ['a'],
    },
    {
      name: 'one of two texts due',
      changes: [
        ['a', 'ann', 0],
        ['b', 'bo', 48],
      ] as [string, string, number][],
      now: 50,
      due: ['a'],
    },
  ];
  for (const c of cases)
    it(c.name, () => expect(dueBatches(pending(...c.changes), c.now, 10, 100).map((b) => b.slug)).toEqual(c.due));

  it('says how long until the next is due', () => {
    expect(nextDueIn(new Map(), 0, 10, 100)).toBeUndefined();
    expect(nextDueIn(pending(['a', 'ann', 0], ['a', 'ann', 95]), 96, 10, 100)).toBe(4);
    expect(nextDueIn(pending(['a', 'ann', 0]), 50, 10, 100)).toBe(0);
  });
});

describe('commitMessage', () => {
  const cases = [
    { authors: ['ann'], author: 'ann', message: 'hong-lou: changes by ann\n' },
    {
      authors: ['ann', 'Bo Li'],
      author: 'ann',
      message: 'hong-lou: changes by ann, Bo Li\n\nCo-authored-by: Bo Li <bo-li@bilingual-reader.invalid>\n',
    },
  ];
  for (const c of cases)
    it(c.authors.join(' + '), () =>
      expect(commitMessage({ slug: 'hong-lou', authors: c.authors })).toEqual({ author: c.author, message: c.message }),
    );
  it('makes an address of any name', () => {
    expect(emailOf('Ann Lee')).toBe('ann-lee@bilingual-reader.invalid');
    expect(emailOf('王')).toBe('editor@bilingual-reader.invalid');
  });
});
