import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseQuery } from './query';

describe('parseQuery: terms', () => {
  const cases = [
    { query: '智能', expected: [{ han: '智能', words: [] }] },
    {
      query: '自动驾驶 特斯拉',
      expected: [
        { han: '自动驾驶', words: [] },
        { han: '特斯拉', words: [] },
      ],
    },
    { query: '自動駕駛', expected: [{ han: '自动驾驶', words: [] }] },
    { query: '"自动 驾驶"', expected: [{ han: '自动驾驶', words: [], phrase: true }] },
    { query: 'ＡＩ赋能', expected: [{ han: 'ai赋能', words: ['ai'] }] },
    { query: 'Distilled MODELS', expected: [{ words: ['distil'] }, { words: ['model'] }] },
    { query: '"distilled models"', expected: [{ words: ['distil', 'model'], phrase: true }] },
    { query: '“self-driving”', expected: [{ words: ['self', 'drive'], phrase: true }] },
    { query: 'Café', expected: [{ words: ['cafe'] }] },
    { query: 'GPT-4 ？', expected: [{ words: ['gpt', '4'] }] },
    { query: 'zheng1 liu2', expected: [{ words: ['zheng1', 'liu2'] }] },
  ];
  for (const { query, expected } of cases) {
    it(query, () => {
      const parsed = parseQuery(query);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(
        parsed.terms.map((t) => ({
          ...(t.han !== undefined ? { han: t.han } : {}),
          words: t.words,
          ...(t.phrase ? { phrase: true } : {}),
        })),
      ).toEqual(expected);
    });
  }

  it('reads Latin terms as pinyin too, with their tones', () => {
    const parsed = parseQuery('zhēngliú');
    expect(parsed.ok && parsed.terms[0]?.pinyin?.letters).toBe('zhengliu');
    const marked = parseQuery('zhēng liú');
    expect(marked.ok && marked.terms).toHaveLength(1);
    expect(parseQuery('zheng liu').ok && (parseQuery('zheng liu') as { terms: unknown[] }).terms).toHaveLength(2);
    const numbered = parseQuery('zheng1 liu2');
    expect(numbered.ok && numbered.terms).toHaveLength(1);
    expect(numbered.ok && [...(numbered.terms[0]?.pinyin?.breaks ?? [])]).toEqual([
      [5, 1],
      [8, 2],
    ]);
  });
});

describe('parseQuery: refused', () => {
  const cases = [
    { query: '', error: 'Type something' },
    { query: '   ', error: 'Type something' },
    { query: '！？。，', error: 'Nothing to search for' },
    { query: '<>&;', error: 'Nothing to search for' },
    { query: '"unclosed', error: 'not closed' },
    { query: 'x'.repeat(MAX_QUERY_LENGTH + 1), error: 'too long' },
    { query: 'a b c d e f g h i j k l m', error: 'Too many terms' },
  ];
  for (const { query, error } of cases) {
    it(`${JSON.stringify(query.slice(0, 20))} → ${error}`, () => {
      const parsed = parseQuery(query);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain(error);
    });
  }
  it('takes regular-expression and HTML characters as text', () => {
    expect(parseQuery('.*(a+)+$ [').ok).toBe(true);
    expect(parseQuery('<b>模型</b>').ok).toBe(true);
  });
});
