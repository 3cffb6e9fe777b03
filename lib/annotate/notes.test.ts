import { describe, expect, it } from 'vitest';
import { anchorNote, nthIndexOf } from './notes';

describe('nthIndexOf', () => {
  const cases = [
    { text: '甲乙甲', quote: '甲', n: 1, expected: 0 },
    { text: '甲乙甲', quote: '甲', n: 2, expected: 2 },
    { text: '甲乙甲', quote: '甲', n: 3, expected: -1 },
    { text: '甲乙甲', quote: '', n: 1, expected: -1 },
    { text: '甲乙甲', quote: '甲', n: 0, expected: -1 },
  ];
  it.each(cases)('$quote #$n in $text → $expected', ({ text, quote, n, expected }) => {
    expect(nthIndexOf(text, quote, n)).toBe(expected);
  });
});

describe('anchorNote', () => {
  const note = { id: 'n1', block: 'b', quote: '特拉斯', occurrence: 1, body: 'Typo for Tesla.', enQuote: 'Tesla' };
  const cases = [
    {
      name: 'anchors at the quote, English marker after its quote',
      zh: '对此，Karpathy 表示其实特拉斯也会使用',
      en: 'Karpathy said that Tesla also uses',
      expected: { start: 16, end: 19, enAt: 24, detached: false },
    },
    {
      name: 'survives an edit elsewhere in the block',
      zh: '对此，Andrej Karpathy 明确表示：其实特拉斯也会使用大量传感器',
      en: undefined,
      expected: { start: 26, end: 29, detached: false },
    },
    {
      name: 'is detached, not dropped, when the quote is gone',
      zh: '对此，Karpathy 表示其实特斯拉也会使用',
      en: 'Karpathy said that Tesla also uses',
      expected: { enAt: 24, detached: true },
    },
    {
      name: 'falls back to the last occurrence when there are fewer than asked',
      zh: '特拉斯',
      en: '',
      expected: { start: 0, end: 3, detached: false },
    },
  ];
  it.each(cases)('$name', ({ zh, en, expected }) => {
    expect(anchorNote(note, zh, en)).toMatchObject({ id: 'n1', body: 'Typo for Tesla.', ...expected });
  });

  it('uses the requested occurrence', () => {
    expect(anchorNote({ ...note, quote: '甲', occurrence: 2 }, '甲乙甲')).toMatchObject({ start: 2, end: 3 });
  });
});
