// Notes of an imported XLIFF taken in as comments: new ones only, on paragraphs that exist.
import { describe, expect, it } from 'vitest';
import { foldComments } from './comments';
import { commentsFromNotes } from './from-notes';

const paragraphs = new Map([
  ['aaaaaa', { zh: '其实特拉斯也会', gloss: 'Truss would too' }],
  ['bbbbbb', { zh: '前些天', gloss: '' }],
]);
const existing = foldComments([
  { type: 'comment', cid: 'c1', time: 'T', block: 'aaaaaa', author: 'rita', body: 'Who is meant?' },
]);

describe('commentsFromNotes', () => {
  const cases = [
    { name: 'a new note', units: [{ id: 'aaaaaa', notes: ['Check the name'] }], expected: ['aaaaaa:Check the name'], skipped: 0 },
    { name: 'a note already there as a comment', units: [{ id: 'aaaaaa', notes: ['Who is meant?'] }], expected: [], skipped: 0 },
    {
      name: 'the same body on another paragraph',
      units: [{ id: 'bbbbbb', notes: ['Who is meant?'] }],
      expected: ['bbbbbb:Who is meant?'],
      skipped: 0,
    },
    { name: 'twice in one file', units: [{ id: 'bbbbbb', notes: ['Same', 'Same'] }], expected: ['bbbbbb:Same'], skipped: 0 },
    { name: 'a paragraph that does not exist', units: [{ id: 'zzzzzz', notes: ['Lost'] }], expected: [], skipped: 0 },
    { name: 'a note too long to be a comment', units: [{ id: 'aaaaaa', notes: ['x'.repeat(2001)] }], expected: [], skipped: 1 },
    { name: 'no notes', units: [{ id: 'aaaaaa' }], expected: [], skipped: 0 },
  ];
  it.each(cases)('$name', ({ units, expected, skipped }) => {
    let n = 0;
    const result = commentsFromNotes(existing, units, paragraphs, 'ann', () => `n${(n += 1)}`);
    expect(result.events.map((e) => (e.type === 'comment' ? `${e.block}:${e.body}` : e.type))).toEqual(expected);
    expect(result.events.every((e) => e.type === 'comment' && e.author === 'ann')).toBe(true);
    expect(result.skipped).toBe(skipped);
  });
});
