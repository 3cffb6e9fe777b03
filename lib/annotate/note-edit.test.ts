import { describe, expect, it } from 'vitest';
import { anchorQuote, checkNoteBody, isNoteId, MAX_NOTE_BODY, MAX_NOTE_QUOTE, nextNoteId } from './note-edit';
import { anchorNote } from './notes';

const zh = '对此，Karpathy 表示其实特拉斯也会使用特拉斯';
const gloss = 'Karpathy said that Tesla also uses it';

describe('anchorQuote', () => {
  const cases = [
    { title: 'a quote of the Chinese', quote: '特拉斯', occurrence: undefined, expected: { quote: '特拉斯', occurrence: 1 } },
    { title: 'its second occurrence', quote: '特拉斯', occurrence: 2, expected: { quote: '特拉斯', occurrence: 2 } },
    { title: 'trimmed', quote: '  其实 ', occurrence: undefined, expected: { quote: '其实', occurrence: 1 } },
    {
      title: 'a quote of the gloss anchors to the paragraph',
      quote: 'Tesla',
      occurrence: undefined,
      expected: { quote: zh, occurrence: 1, enQuote: 'Tesla' },
    },
    { title: 'an occurrence that is not there', quote: '特拉斯', occurrence: 3, error: /occurs 2 time/ },
    { title: 'an occurrence of 0', quote: '特拉斯', occurrence: 0, error: /occurrence 0/ },
    { title: 'empty', quote: ' ', occurrence: undefined, error: /empty/ },
    { title: 'in neither', quote: '特斯拉', occurrence: undefined, error: /neither/ },
    { title: 'a line break', quote: '其实\n特拉斯', occurrence: undefined, error: /line break/ },
    { title: 'too long', quote: '长'.repeat(MAX_NOTE_QUOTE + 1), occurrence: undefined, error: /at most/ },
  ];
  it.each(cases)('$title', ({ quote, occurrence, expected, error }) => {
    const result = anchorQuote(quote, zh, gloss, occurrence);
    if (error) expect(result).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    else expect(result).toEqual({ ok: true, value: expected });
  });

  it('anchors where the reader then shows the note', () => {
    const result = anchorQuote('特拉斯', zh, gloss, 2);
    if (!result.ok) throw new Error(result.error);
    const placed = anchorNote({ id: 'n1', block: 'b', body: 'x', ...result.value }, zh, gloss);
    expect(zh.slice(placed.start, placed.end)).toBe('特拉斯');
    expect(placed.start).toBe(zh.lastIndexOf('特拉斯'));
  });

  it('a gloss quote places the English marker after it, and is detached when the Chinese changes', () => {
    const result = anchorQuote('Tesla', zh, gloss);
    if (!result.ok) throw new Error(result.error);
    const note = { id: 'n1', block: 'b', body: 'x', ...result.value };
    expect(anchorNote(note, zh, gloss)).toMatchObject({ detached: false, enAt: gloss.indexOf('Tesla') + 5 });
    expect(anchorNote(note, `${zh}。`.replace('对此', '对'), gloss).detached).toBe(true);
  });
});

describe('checkNoteBody', () => {
  const cases = [
    { title: 'trimmed', body: '  Typo for Tesla. ', expected: 'Typo for Tesla.' },
    { title: 'CRLF made LF', body: 'one\r\ntwo', expected: 'one\ntwo' },
    { title: 'empty', body: ' \n ', error: /needs a text/ },
    { title: 'control character', body: 'a\u0007b', error: /control/ },
    { title: 'too long', body: 'x'.repeat(MAX_NOTE_BODY + 1), error: /at most/ },
  ];
  it.each(cases)('$title', ({ body, expected, error }) => {
    const result = checkNoteBody(body);
    if (error) expect(result).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    else expect(result).toEqual({ ok: true, value: expected });
  });
});

describe('nextNoteId and isNoteId', () => {
  const cases = [
    { ids: [], expected: 'n1' },
    { ids: ['n1', 'n31', 'n4'], expected: 'n32' },
    { ids: ['custom', 'n2'], expected: 'n3' },
    { ids: ['n0x', 'note'], expected: 'n1' },
  ];
  it.each(cases)('$ids → $expected', ({ ids, expected }) => {
    expect(nextNoteId(ids)).toBe(expected);
    expect(isNoteId(expected)).toBe(true);
  });
  it.each(['', '../x', 'a b', 'x'.repeat(33)])('refuses %j as a note id', (id) => expect(isNoteId(id)).toBe(false));
});
