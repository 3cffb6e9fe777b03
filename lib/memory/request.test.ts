import { describe, expect, it } from 'vitest';
import { readConcordanceRequest, readMatchRequest } from './request';

describe('readMatchRequest', () => {
  const cases = [
    { params: { text: 'a', id: 'c4pzjo' }, expected: { slug: 'a', id: 'c4pzjo', lang: 'en' } },
    { params: { text: 'a', id: 'c4pzjo', lang: 'pt-br' }, expected: { slug: 'a', id: 'c4pzjo', lang: 'pt-BR' } },
    { params: { id: 'c4pzjo' }, error: 'text is required' },
    { params: { text: '../etc', id: 'x' }, error: 'Unknown text' },
    { params: { text: 'a' }, error: 'id is required' },
    { params: { text: 'a', id: 'a b' }, error: 'Not a paragraph id' },
    { params: { text: 'a', id: 'x', lang: 'zh' }, error: 'source' },
  ];
  for (const { params, expected, error } of cases)
    it(JSON.stringify(params), () => {
      const read = readMatchRequest(params);
      if (error) expect(read.ok === false && read.error).toContain(error);
      else expect(read).toEqual({ ok: true, request: expected });
    });
});

describe('readConcordanceRequest', () => {
  const cases = [
    { params: { q: ' 特斯拉 ' }, expected: { q: '特斯拉', lang: 'en', limit: 20, offset: 0 } },
    { params: { q: 'Tesla', limit: '5', cursor: '10', lang: 'fr' }, expected: { q: 'Tesla', lang: 'fr', limit: 5, offset: 10 } },
    { params: {}, error: 'q is required' },
    { params: { q: '字'.repeat(101) }, error: 'longer than 100' },
    { params: { q: 'a\u0000b' }, error: 'control' },
    { params: { q: 'a', limit: '0' }, error: 'limit' },
    { params: { q: 'a', limit: '101' }, error: 'limit' },
    { params: { q: 'a', cursor: '-1' }, error: 'cursor' },
    { params: { q: 'a', lang: 'x y' }, error: 'not a language tag' },
  ];
  for (const { params, expected, error } of cases)
    it(JSON.stringify(params), () => {
      const read = readConcordanceRequest(params);
      if (error) expect(read.ok === false && read.error).toContain(error);
      else expect(read).toEqual({ ok: true, request: expected });
    });
});
