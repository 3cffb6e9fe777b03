import { describe, expect, it } from 'vitest';
import type { NoteSource } from '@/lib/annotate/types';
import { numberNotes, type NotedBlock } from './number-notes';

const blocks: NotedBlock[] = [
  { id: 'a', type: 'paragraph', text: '其实特拉斯也会' },
  { id: 'b', type: 'break', text: '' },
  { id: 'c', type: 'paragraph', text: '甲乙甲乙' },
];
const note = (id: string, block: string, quote: string, occurrence = 1): NoteSource => ({
  id,
  block,
  quote,
  occurrence,
  body: `on ${quote}`,
});

describe('numberNotes', () => {
  const cases: { name: string; notes: NoteSource[]; expected: [string, number, boolean][] }[] = [
    { name: 'no notes', notes: [], expected: [] },
    { name: 'one anchored note', notes: [note('n1', 'a', '特拉斯')], expected: [['n1', 1, false]] },
    {
      name: 'document order, then place in the block',
      notes: [note('n3', 'c', '乙'), note('n2', 'c', '甲', 2), note('n1', 'a', '也会')],
      expected: [
        ['n1', 1, false],
        ['n3', 2, false],
        ['n2', 3, false],
      ],
    },
    { name: 'a quote no longer there is detached, kept', notes: [note('n1', 'a', '马斯克')], expected: [['n1', 1, true]] },
    {
      name: 'a note of a removed block comes last, detached',
      notes: [note('gone', 'x', '甲'), note('n1', 'c', '甲')],
      expected: [
        ['n1', 1, false],
        ['gone', 2, true],
      ],
    },
  ];
  it.each(cases)('$name', ({ notes, expected }) => {
    expect(numberNotes({ blocks }, notes).notes.map((n) => [n.id, n.number, n.detached])).toEqual(expected);
  });
});
