import { describe, expect, it } from 'vitest';
import { pageInOrder } from './page-order';

// Items with a key to order by and a tag saying where they were, so that a stable order shows.
const items = Array.from({ length: 500 }, (_, i) => ({ key: (i * 7919) % 37, at: i }));
const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;

describe('pageInOrder', () => {
  const cases = [
    { name: 'the first page', offset: 0, limit: 20 },
    { name: 'the second page', offset: 20, limit: 20 },
    { name: 'one item', offset: 0, limit: 1 },
    { name: 'a page deep in the list (sorted)', offset: 300, limit: 50 },
    { name: 'past the end', offset: 490, limit: 20 },
    { name: 'nothing asked', offset: 0, limit: 0 },
  ];
  for (const { name, offset, limit } of cases)
    it(`${name}: as a stable sort gives it`, () => {
      const expected = [...items].sort(byKey).slice(offset, offset + limit);
      expect(pageInOrder(items, byKey, offset, limit)).toEqual(expected);
    });

  it('no items, no page', () => expect(pageInOrder([], byKey, 0, 20)).toEqual([]));
  it('numbers', () => expect(pageInOrder([5, 1, 4, 2, 3], (a, b) => a - b, 1, 2)).toEqual([2, 3]));
});
