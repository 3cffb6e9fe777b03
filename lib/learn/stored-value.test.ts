import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { readTextProgress } from './progress';
import { isIsoDateTime, isNumberIn, isText, readArray } from './stored-value';
import { readSavedWord, WORD_LIST_LIMITS } from './word-list';

// The zod schemas the hand-written checks replace: each check must accept and refuse the same values.
const field = z.string().check(z.maxLength(WORD_LIST_LIMITS.field));
const contextSchema = z.object({
  sentence: field,
  english: field,
  slug: z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,79}$/)),
  title: field,
  permalink: z.string().check(z.regex(/^\/read\/[a-z0-9][a-z0-9_-]{0,79}(?:#[a-z][a-z0-9]{5})?$/)),
  savedAt: z.iso.datetime(),
});
const savedWordSchema = z.object({
  word: z.string().check(z.minLength(1), z.maxLength(32)),
  pinyin: field,
  senses: z.array(field).check(z.maxLength(WORD_LIST_LIMITS.senses)),
  hsk: z.nullable(z.int().check(z.minimum(1), z.maximum(9))),
  contexts: z.array(contextSchema).check(z.minLength(1), z.maxLength(WORD_LIST_LIMITS.contexts)),
});
const progressSchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9]{5}$/)),
  share: z.number().check(z.minimum(0), z.maximum(1)),
  at: z.iso.datetime(),
});

describe('isIsoDateTime', () => {
  it.each([
    { input: '2026-01-01T00:00:00.000Z', expected: true },
    { input: '2026-01-01T00:00:00Z', expected: true },
    { input: '2026-12-31T23:59:59.123456Z', expected: true },
    { input: '2024-02-29T12:00:00Z', expected: true },
    { input: '2000-02-29T12:00:00Z', expected: true },
    { input: '1900-02-29T12:00:00Z', expected: false },
    { input: '2026-02-29T12:00:00Z', expected: false },
    { input: '2026-02-30T00:00:00Z', expected: false },
    { input: '2026-04-31T00:00:00Z', expected: false },
    { input: '2026-13-01T00:00:00Z', expected: false },
    { input: '2026-01-01T24:00:00Z', expected: false },
    { input: '2026-01-01T00:00Z', expected: false },
    { input: '2026-01-01T00:00:00', expected: false },
    { input: '2026-01-01T00:00:00+08:00', expected: false },
    { input: '2026-01-01 00:00:00Z', expected: false },
    { input: ' 2026-01-01T00:00:00Z', expected: false },
    { input: 'yesterday', expected: false },
    { input: 1767225600000, expected: false },
    { input: null, expected: false },
  ])('$input → $expected', ({ input, expected }) => {
    expect(isIsoDateTime(input)).toBe(expected);
    expect(z.iso.datetime().safeParse(input).success).toBe(expected);
  });
});

describe('isText, isNumberIn, readArray', () => {
  it.each([
    { name: 'a word in 1–32', got: isText('银行', 1, 32), expected: true },
    { name: 'empty under min 1', got: isText('', 1, 32), expected: false },
    { name: 'over max', got: isText('x'.repeat(33), 1, 32), expected: false },
    { name: 'pattern refused', got: isText('Bad', 0, 9, /^[a-z]+$/), expected: false },
    { name: 'not a string', got: isText(5, 0, 9), expected: false },
    { name: 'share 0.5 in 0–1', got: isNumberIn(0.5, 0, 1), expected: true },
    { name: 'NaN', got: isNumberIn(Number.NaN, 0, 1), expected: false },
    { name: 'Infinity under Infinity', got: isNumberIn(Infinity, 0, Infinity), expected: false },
    { name: '2.5 as an integer', got: isNumberIn(2.5, 1, 9, true), expected: false },
    { name: '"3" as a number', got: isNumberIn('3', 1, 9), expected: false },
    {
      name: 'an array of strings',
      got: readArray(['a', 'b'], 0, 2, (v) => (typeof v === 'string' ? v : undefined)),
      expected: ['a', 'b'],
    },
    { name: 'one bad item', got: readArray(['a', 1], 0, 2, (v) => (typeof v === 'string' ? v : undefined)), expected: undefined },
    { name: 'too many items', got: readArray(['a', 'b', 'c'], 0, 2, (v) => v), expected: undefined },
    { name: 'too few items', got: readArray([], 1, 2, (v) => v), expected: undefined },
    { name: 'not an array', got: readArray('ab', 0, 2, (v) => v), expected: undefined },
  ])('$name', ({ got, expected }) => expect(got).toEqual(expected));
});

const context = {
  sentence: '我去银行。',
  english: 'I go to the bank.',
  slug: 'essay',
  title: '一篇',
  permalink: '/read/essay#abcdef',
  savedAt: '2026-01-01T00:00:00.000Z',
};
const word = { word: '银行', pinyin: 'yín háng', senses: ['bank'], hsk: 2, contexts: [context] };
const withWord = (change: Record<string, unknown>) => ({ ...word, ...change });
const withContext = (change: Record<string, unknown>) => ({ ...word, contexts: [{ ...context, ...change }] });

describe('readSavedWord takes what the zod schema took', () => {
  it.each([
    { name: 'a good word', input: word },
    { name: 'extra fields, dropped', input: { ...withWord({ extra: 1 }), contexts: [{ ...context, more: true }] } },
    { name: 'no HSK level', input: withWord({ hsk: null }) },
    { name: 'HSK level missing', input: withWord({ hsk: undefined }) },
    { name: 'HSK 0', input: withWord({ hsk: 0 }) },
    { name: 'HSK 9', input: withWord({ hsk: 9 }) },
    { name: 'HSK 10', input: withWord({ hsk: 10 }) },
    { name: 'HSK 2.5', input: withWord({ hsk: 2.5 }) },
    { name: 'HSK "2"', input: withWord({ hsk: '2' }) },
    { name: 'empty word', input: withWord({ word: '' }) },
    { name: 'word of 32', input: withWord({ word: '字'.repeat(32) }) },
    { name: 'word of 33', input: withWord({ word: '字'.repeat(33) }) },
    { name: 'pinyin too long', input: withWord({ pinyin: 'a'.repeat(WORD_LIST_LIMITS.field + 1) }) },
    { name: 'no senses', input: withWord({ senses: [] }) },
    { name: 'nine senses', input: withWord({ senses: Array.from({ length: 9 }, () => 's') }) },
    { name: 'a sense not a string', input: withWord({ senses: ['bank', 3] }) },
    { name: 'senses not an array', input: withWord({ senses: 'bank' }) },
    { name: 'no contexts', input: withWord({ contexts: [] }) },
    { name: 'eleven contexts', input: withWord({ contexts: Array.from({ length: 11 }, () => context) }) },
    { name: 'a context not an object', input: withWord({ contexts: ['x'] }) },
    { name: 'a bad slug', input: withContext({ slug: '../x' }) },
    { name: 'a permalink elsewhere', input: withContext({ permalink: 'https://example.org/read/essay' }) },
    { name: 'a permalink without id', input: withContext({ permalink: '/read/essay' }) },
    { name: 'a bad date', input: withContext({ savedAt: 'yesterday' }) },
    { name: 'a long sentence', input: withContext({ sentence: '字'.repeat(WORD_LIST_LIMITS.field + 1) }) },
    { name: 'a title not a string', input: withContext({ title: null }) },
    { name: 'null', input: null },
    { name: 'an array', input: [word] },
    { name: 'a string', input: '银行' },
  ])('$name', ({ input }) => {
    const parsed = savedWordSchema.safeParse(input);
    expect(readSavedWord(input)).toEqual(parsed.success ? parsed.data : undefined);
  });
});

describe('readTextProgress takes what the zod schema took', () => {
  const good = { id: 'abcdef', share: 0.5, at: '2026-01-01T00:00:00.000Z' };
  it.each([
    { name: 'a good entry', input: good },
    { name: 'extra fields, dropped', input: { ...good, extra: 1 } },
    { name: 'share 0', input: { ...good, share: 0 } },
    { name: 'share 1', input: { ...good, share: 1 } },
    { name: 'share 1.5', input: { ...good, share: 1.5 } },
    { name: 'share -0.1', input: { ...good, share: -0.1 } },
    { name: 'share NaN', input: { ...good, share: Number.NaN } },
    { name: 'share "0.5"', input: { ...good, share: '0.5' } },
    { name: 'an upper-case id', input: { ...good, id: 'ABCDEF' } },
    { name: 'an id of seven', input: { ...good, id: 'abcdefg' } },
    { name: 'no date', input: { id: 'abcdef', share: 0.5 } },
    { name: 'a date with an offset', input: { ...good, at: '2026-01-01T08:00:00+08:00' } },
    { name: 'null', input: null },
    { name: 'an array', input: [good] },
  ])('$name', ({ input }) => {
    const parsed = progressSchema.safeParse(input);
    expect(readTextProgress(input)).toEqual(parsed.success ? parsed.data : undefined);
  });
});
