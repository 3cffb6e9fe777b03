import { describe, expect, it } from 'vitest';
import { WeightedLru } from './weighted-lru';

type Step = ['set', string, number] | ['get', string];

describe('WeightedLru', () => {
  it.each<{ name: string; budget: number; steps: Step[]; keys: string[]; weight: number }>([
    {
      name: 'under the budget: everything kept',
      budget: 10,
      steps: [
        ['set', 'a', 3],
        ['set', 'b', 3],
      ],
      keys: ['a', 'b'],
      weight: 6,
    },
    {
      name: 'past the budget: the oldest go first',
      budget: 10,
      steps: [
        ['set', 'a', 4],
        ['set', 'b', 4],
        ['set', 'c', 4],
      ],
      keys: ['b', 'c'],
      weight: 8,
    },
    {
      name: 'a get makes an entry the newest',
      budget: 10,
      steps: [
        ['set', 'a', 4],
        ['set', 'b', 4],
        ['get', 'a'],
        ['set', 'c', 4],
      ],
      keys: ['a', 'c'],
      weight: 8,
    },
    {
      name: 'one heavy entry pushes out many light ones',
      budget: 10,
      steps: [
        ['set', 'a', 1],
        ['set', 'b', 1],
        ['set', 'c', 1],
        ['set', 'd', 9],
      ],
      keys: ['c', 'd'],
      weight: 10,
    },
    {
      name: 'an entry over the budget alone is kept while newest',
      budget: 10,
      steps: [
        ['set', 'a', 2],
        ['set', 'big', 50],
      ],
      keys: ['big'],
      weight: 50,
    },
    {
      name: 'setting a key again replaces its weight',
      budget: 10,
      steps: [
        ['set', 'a', 6],
        ['set', 'a', 2],
        ['set', 'b', 6],
      ],
      keys: ['a', 'b'],
      weight: 8,
    },
  ])('$name', ({ budget, steps, keys, weight }) => {
    const lru = new WeightedLru<string, string>(() => budget);
    for (const step of steps) {
      if (step[0] === 'set') lru.set(step[1], `value of ${step[1]}`, step[2]);
      else lru.get(step[1]);
    }
    expect(lru.keys()).toEqual(keys);
    expect(lru.size()).toEqual({ entries: keys.length, weight });
    for (const key of keys) expect(lru.get(key)).toBe(`value of ${key}`);
  });

  it('reads the budget at each insertion', () => {
    let budget = 100;
    const lru = new WeightedLru<string, number>(() => budget);
    for (let i = 0; i < 10; i += 1) lru.set(`k${i}`, i, 10);
    expect(lru.size().entries).toBe(10);
    budget = 25;
    lru.set('k10', 10, 10);
    expect(lru.keys()).toEqual(['k9', 'k10']);
  });

  it('bounded by count: each entry weighs 1, and the oldest go first', () => {
    const lru = WeightedLru.ofCount<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect(lru.keys()).toEqual(['a', 'c']);
    expect(lru.size()).toEqual({ entries: 2, weight: 2 });
  });

  it('peek reads without making an entry the newest; delete forgets it and its weight', () => {
    const lru = new WeightedLru<string, string>(() => 10);
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    expect(lru.peek('a')).toBe('A');
    lru.set('c', 'C', 4);
    expect(lru.keys()).toEqual(['b', 'c']);
    expect(lru.delete('b')).toBe(true);
    expect(lru.delete('b')).toBe(false);
    expect(lru.size()).toEqual({ entries: 1, weight: 4 });
    expect([...lru]).toEqual([['c', 'C']]);
  });
});
