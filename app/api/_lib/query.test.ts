import { describe, expect, it } from 'vitest';
import { languageQuery } from './query';

describe('languageQuery', () => {
  it.each([
    { query: '', expected: { ok: true, lang: 'en', given: false } },
    { query: '?annotations=1', expected: { ok: true, lang: 'en', given: false } },
    { query: '?lang=en', expected: { ok: true, lang: 'en', given: true } },
    { query: '?lang=fr', expected: { ok: true, lang: 'fr', given: true } },
    { query: '?lang=pt-br', expected: { ok: true, lang: 'pt-BR', given: true } },
    { query: '?lang=zh-Hant', expected: { ok: true, lang: 'zh-Hant', given: true } },
  ])('$query → $expected.lang', ({ query, expected }) => {
    expect(languageQuery(new URL(`http://localhost/api/texts/a${query}`))).toEqual(expected);
  });

  it.each([
    { query: '?lang=', why: /No language/ },
    { query: '?lang=..%2Fen', why: /not a language tag/ },
    { query: '?lang=zh', why: /source's language/ },
    { query: '?lang=en-u-ca-gregory', why: /not a plain language tag/ },
    { query: '?lang=fr&lang=de', why: /one language/ },
  ])('$query is refused', ({ query, why }) => {
    const result = languageQuery(new URL(`http://localhost/api/texts/a${query}`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(why);
  });
});
