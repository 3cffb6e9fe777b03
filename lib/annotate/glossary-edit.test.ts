import { describe, expect, it } from 'vitest';
import { checkTerm, checkTermEntry, serializeEntryFile } from './glossary-edit';

describe('checkTerm', () => {
  const cases = [
    { term: ' 特拉斯 ', expected: '特拉斯' },
    { term: 'AI+教育', expected: 'AI+教育' },
    { term: 'Tesla', error: /Chinese character/ },
    { term: '', error: /empty/ },
    { term: '特\n拉', error: /line break/ },
    { term: '长'.repeat(41), error: /longer/ },
  ];
  it.each(cases)('$term', ({ term, expected, error }) => {
    const result = checkTerm(term);
    if (error) expect(result).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    else expect(result).toEqual({ ok: true, value: expected });
  });
});

describe('checkTermEntry', () => {
  const cases = [
    { title: 'renderings only', input: { en: ['Tesla'] }, expected: { en: ['Tesla'] } },
    {
      title: 'all parts, trimmed, spaces collapsed',
      input: { en: [' merge ', 'merging'], forbidden: ['merger'], note: ' In this text. ' },
      expected: { en: ['merge', 'merging'], forbidden: ['merger'], note: 'In this text.' },
    },
    {
      title: 'empty optional parts left out',
      input: { en: ['podcast'], forbidden: [], note: '  ' },
      expected: { en: ['podcast'] },
    },
    {
      title: 'a name kept as written needs no rendering',
      input: { en: [], doNotTranslate: true },
      expected: { doNotTranslate: true },
    },
    { title: 'no rendering', input: { en: [] }, error: /at least one approved/ },
    { title: 'an empty rendering', input: { en: ['Tesla', ' '] }, error: /empty/ },
    { title: 'a rendering twice', input: { en: ['Tesla', 'tesla'] }, error: /listed twice/ },
    {
      title: 'approved and forbidden at once',
      input: { en: ['merge'], forbidden: ['Merge'] },
      error: /both approved and forbidden/,
    },
    { title: 'too many renderings', input: { en: Array.from({ length: 21 }, (_, i) => `r${i}`) }, error: /At most 20/ },
    { title: 'a rendering too long', input: { en: ['x'.repeat(201)] }, error: /longer than 200/ },
    { title: 'a note too long', input: { en: ['x'], note: 'y'.repeat(2001) }, error: /note is longer/ },
    { title: 'a control character', input: { en: ['a\u0000b'] }, error: /control/ },
  ];
  it.each(cases)('$title', ({ input, expected, error }) => {
    const result = checkTermEntry(input);
    if (error) expect(result).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    else expect(result).toEqual({ ok: true, value: expected });
  });
});

describe('serializeEntryFile', () => {
  const cases = [
    { entries: {}, expected: '{}\n' },
    { entries: { 特拉斯: { en: ['Tesla'] } }, expected: '{\n  "特拉斯": {"en":["Tesla"]}\n}\n' },
    { entries: { n1: { body: 'a' }, n2: { body: 'b' } }, expected: '{\n  "n1": {"body":"a"},\n  "n2": {"body":"b"}\n}\n' },
  ];
  it.each(cases)('$expected', ({ entries, expected }) => {
    expect(serializeEntryFile(entries)).toBe(expected);
    expect(JSON.parse(serializeEntryFile(entries))).toEqual(entries);
  });
});
