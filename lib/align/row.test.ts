import { describe, expect, it } from 'vitest';
import {
  counterparts,
  decodeLinks,
  encodeLinks,
  sentenceAt,
  sentenceOrder,
  sentencePieces,
  snapSentences,
  type RowLink,
  type Span,
} from './row';

describe('encodeLinks and decodeLinks', () => {
  const cases: { name: string; links: RowLink[]; text: string }[] = [
    { name: 'one to one', links: [{ zh: [0], gloss: [0] }], text: '0.0' },
    {
      name: 'one to two, two to one, manual',
      links: [
        { zh: [0], gloss: [0, 1] },
        { zh: [1, 2], gloss: [2], manual: true },
      ],
      text: '0.0-1 1-2.2!',
    },
    {
      name: 'a dropped and an added sentence',
      links: [
        { zh: [0], gloss: [] },
        { zh: [], gloss: [0] },
      ],
      text: '0. .0',
    },
    { name: 'unsure', links: [{ zh: [3], gloss: [4], unsure: true }], text: '3.4?' },
    {
      name: 'manual and unsure (a stale manual link)',
      links: [{ zh: [0], gloss: [0], manual: true, unsure: true }],
      text: '0.0!?',
    },
    { name: 'none', links: [], text: '' },
  ];
  for (const { name, links, text } of cases) {
    it(`${name}: encodes`, () => expect(encodeLinks(links)).toBe(text));
    it(`${name}: decodes back`, () => expect(decodeLinks(text)).toEqual(links));
  }
  const malformed: { text: string; expected: RowLink[] }[] = [
    { text: '.', expected: [] },
    { text: '2-1.0', expected: [] },
    { text: 'a.b 0.0', expected: [{ zh: [0], gloss: [0] }] },
    { text: '0.0<script>', expected: [] },
  ];
  for (const { text, expected } of malformed)
    it(`leaves out malformed "${text}"`, () => expect(decodeLinks(text)).toEqual(expected));
});

describe('snapSentences', () => {
  const cases: { name: string; sentences: Span[]; words: [number, number][]; expected: Span[] }[] = [
    {
      name: 'boundaries at word ends stay',
      sentences: [
        [0, 3],
        [3, 6],
      ],
      words: [
        [0, 3],
        [3, 6],
      ],
      expected: [
        [0, 3],
        [3, 6],
      ],
    },
    {
      name: 'a boundary inside a word goes to its end',
      sentences: [
        [0, 3],
        [3, 6],
      ],
      words: [[2, 4]],
      expected: [
        [0, 4],
        [4, 6],
      ],
    },
    {
      name: 'a sentence swallowed by a word is dropped',
      sentences: [
        [0, 2],
        [2, 3],
        [3, 6],
      ],
      words: [[1, 4]],
      expected: [
        [0, 4],
        [4, 6],
      ],
    },
    {
      name: 'gaps between sentences stay',
      sentences: [
        [0, 4],
        [5, 9],
      ],
      words: [],
      expected: [
        [0, 4],
        [5, 9],
      ],
    },
    { name: 'none', sentences: [], words: [[0, 1]], expected: [] },
  ];
  for (const { name, sentences, words, expected } of cases)
    it(name, () => expect(snapSentences(sentences, words)).toEqual(expected));
});

describe('sentencePieces', () => {
  const cases: { name: string; start: number; end: number; sentences: Span[]; expected: [number, number, number][] }[] = [
    {
      name: 'two sentences and the space between',
      start: 0,
      end: 10,
      sentences: [
        [0, 4],
        [5, 10],
      ],
      expected: [
        [0, 4, 0],
        [4, 5, -1],
        [5, 10, 1],
      ],
    },
    {
      name: 'a segment inside one sentence',
      start: 2,
      end: 3,
      sentences: [
        [0, 4],
        [5, 10],
      ],
      expected: [[2, 3, 0]],
    },
    {
      name: 'a segment across a boundary',
      start: 3,
      end: 7,
      sentences: [
        [0, 4],
        [5, 10],
      ],
      expected: [
        [3, 4, 0],
        [4, 5, -1],
        [5, 7, 1],
      ],
    },
    {
      name: 'text before the first sentence',
      start: 0,
      end: 6,
      sentences: [[2, 6]],
      expected: [
        [0, 2, -1],
        [2, 6, 0],
      ],
    },
    { name: 'no sentences', start: 0, end: 3, sentences: [], expected: [[0, 3, -1]] },
    { name: 'empty range', start: 4, end: 4, sentences: [[0, 9]], expected: [] },
  ];
  for (const { name, start, end, sentences, expected } of cases)
    it(name, () => expect(sentencePieces(start, end, sentences).map((p) => [p.start, p.end, p.sentence])).toEqual(expected));
});

describe('sentenceAt', () => {
  const sentences: Span[] = [
    [0, 4],
    [5, 9],
  ];
  const cases = [
    { offset: 0, expected: 0 },
    { offset: 3, expected: 0 },
    { offset: 4, expected: -1 },
    { offset: 5, expected: 1 },
    { offset: 9, expected: -1 },
  ];
  for (const { offset, expected } of cases)
    it(`offset ${offset} → ${expected}`, () => expect(sentenceAt(sentences, offset)).toBe(expected));
});

describe('counterparts', () => {
  const english = decodeLinks('0.0-1 1-2.2 3.?');
  const french = decodeLinks('0.0 1.1 2.2 3.3');
  const cases: {
    name: string;
    cells: RowLink[][];
    from: Parameters<typeof counterparts>[1];
    expected: ReturnType<typeof counterparts>;
  }[] = [
    {
      name: 'a Chinese sentence lights its two English',
      cells: [english],
      from: { cell: 'zh', index: 0 },
      expected: { zh: [0], cells: [[0, 1]], unsure: false },
    },
    {
      name: 'an English sentence lights its link',
      cells: [english],
      from: { cell: 0, index: 1 },
      expected: { zh: [0], cells: [[0, 1]], unsure: false },
    },
    {
      name: 'one of a two-to-one link lights both Chinese',
      cells: [english],
      from: { cell: 'zh', index: 1 },
      expected: { zh: [1, 2], cells: [[2]], unsure: false },
    },
    {
      name: 'an unsure link says so',
      cells: [english],
      from: { cell: 'zh', index: 3 },
      expected: { zh: [3], cells: [[]], unsure: true },
    },
    {
      name: 'a French sentence lights the Chinese and the English of it',
      cells: [english, french],
      from: { cell: 1, index: 2 },
      expected: { zh: [1, 2], cells: [[2], [2]], unsure: false },
    },
    {
      name: 'no links: the sentence alone',
      cells: [[]],
      from: { cell: 'zh', index: 2 },
      expected: { zh: [2], cells: [[]], unsure: false },
    },
  ];
  for (const { name, cells, from, expected } of cases) it(name, () => expect(counterparts(cells, from)).toEqual(expected));
});

describe('sentenceOrder', () => {
  const cases: { name: string; zh: number; cells: string[]; counts: number[]; expected: ReturnType<typeof sentenceOrder> }[] = [
    { name: 'one to one', zh: 2, cells: ['0.0 1.1'], counts: [2], expected: { zh: [0, 10], cells: [[1, 11]] } },
    { name: 'one to two', zh: 2, cells: ['0.0 1.1-2'], counts: [3], expected: { zh: [0, 10], cells: [[1, 11, 11]] } },
    {
      name: 'two to one: after the second Chinese',
      zh: 2,
      cells: ['0-1.0'],
      counts: [1],
      expected: { zh: [0, 10], cells: [[11]] },
    },
    {
      name: 'an added sentence follows the one before',
      zh: 1,
      cells: ['0.0 .1'],
      counts: [2],
      expected: { zh: [0], cells: [[1, 1]] },
    },
    {
      name: 'two languages, one after the other',
      zh: 1,
      cells: ['0.0', '0.0'],
      counts: [1, 1],
      expected: { zh: [0], cells: [[1], [2]] },
    },
  ];
  for (const { name, zh, cells, counts, expected } of cases)
    it(name, () => expect(sentenceOrder(zh, cells.map(decodeLinks), counts)).toEqual(expected));
});
