import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt';
import type { Span } from './match';

const limits = { whole: 20, length: 10, before: 3 };

describe('excerpt', () => {
  it.each<{ name: string; text: string; spans: Span[]; expected: { text: string; spans: Span[] } }>([
    { name: 'a short text stays whole', text: '短文', spans: [[0, 1]], expected: { text: '短文', spans: [[0, 1]] } },
    {
      name: 'a long text is cut around its first match',
      text: `${'甲'.repeat(30)}武松${'乙'.repeat(30)}`,
      spans: [[30, 32]],
      expected: { text: `…甲甲甲武松乙乙乙乙乙…`, spans: [[4, 6]] },
    },
    {
      name: 'a match near the start: no cut before',
      text: `武松${'乙'.repeat(30)}`,
      spans: [[0, 2]],
      expected: { text: `武松${'乙'.repeat(8)}…`, spans: [[0, 2]] },
    },
    {
      name: 'a match near the end: the excerpt ends at the end',
      text: `${'甲'.repeat(30)}武松`,
      spans: [[30, 32]],
      expected: { text: `…${'甲'.repeat(8)}武松`, spans: [[9, 11]] },
    },
    {
      name: 'matches outside the excerpt are dropped; those inside moved',
      text: `${'甲'.repeat(30)}武松甲武松${'乙'.repeat(30)}`,
      spans: [
        [30, 32],
        [33, 35],
        [60, 62],
      ],
      expected: {
        text: `…甲甲甲武松甲武松乙乙…`,
        spans: [
          [4, 6],
          [7, 9],
        ],
      },
    },
    {
      name: 'no match (the English of a Chinese hit): the beginning',
      text: 'a'.repeat(30),
      spans: [],
      expected: { text: `${'a'.repeat(10)}…`, spans: [] },
    },
    {
      name: 'a match longer than the excerpt is kept whole',
      text: `${'甲'.repeat(30)}${'武'.repeat(15)}${'乙'.repeat(30)}`,
      spans: [[30, 45]],
      expected: { text: `…甲甲甲${'武'.repeat(15)}…`, spans: [[4, 19]] },
    },
  ])('$name', ({ text, spans, expected }) => {
    expect(excerpt(text, spans, limits)).toEqual(expected);
  });

  it('never cuts a surrogate pair in two', () => {
    const text = `${'𠀀'.repeat(30)}`;
    // An odd length would end the excerpt between the two halves of a character.
    const { text: cut } = excerpt(text, [], { ...limits, length: 11 });
    expect(cut.endsWith('…')).toBe(true);
    expect([...cut.slice(0, -1)].every((c) => c === '𠀀')).toBe(true);
  });
});
