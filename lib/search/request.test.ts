import { describe, expect, it } from 'vitest';
import { readSearchRequest } from './request';

describe('readSearchRequest', () => {
  const accepted = [
    { params: { q: '智能' }, editor: false, expected: { limit: 20, offset: 0 } },
    {
      params: { q: '智能', text: 'karpathy-no-priors', field: 'zh', limit: '5', cursor: '10' },
      editor: false,
      expected: { text: 'karpathy-no-priors', field: 'zh', limit: 5, offset: 10 },
    },
    { params: { status: 'draft,stale' }, editor: true, expected: { statuses: ['draft', 'stale'] } },
    { params: { q: 'a', status: 'untranslated' }, editor: true, expected: { statuses: ['untranslated'] } },
  ];
  for (const { params, editor, expected } of accepted) {
    it(`accepts ${JSON.stringify(params)}`, () => {
      const read = readSearchRequest(params, { editor });
      expect(read.ok).toBe(true);
      if (read.ok) expect(read.request).toMatchObject(expected);
    });
  }

  const refused = [
    { params: {}, editor: false, kind: 'invalid', error: 'Type something' },
    { params: { q: 'a', text: '../etc' }, editor: false, kind: 'invalid', error: 'Unknown text' },
    { params: { q: 'a', status: 'done' }, editor: true, kind: 'invalid', error: 'Unknown status' },
    { params: { q: 'a', status: 'draft' }, editor: false, kind: 'forbidden', error: 'for editors' },
    { params: { q: 'a', field: 'title' }, editor: false, kind: 'invalid', error: 'Unknown field' },
    { params: { q: 'a', limit: '0' }, editor: false, kind: 'invalid', error: 'limit' },
    { params: { q: 'a', limit: '51' }, editor: false, kind: 'invalid', error: 'limit' },
    { params: { q: 'a', limit: '1e3' }, editor: false, kind: 'invalid', error: 'limit' },
    { params: { q: 'a', cursor: '-1' }, editor: false, kind: 'invalid', error: 'cursor' },
    { params: { q: 'a', cursor: '99999999' }, editor: false, kind: 'invalid', error: 'cursor' },
  ];
  for (const { params, editor, kind, error } of refused) {
    it(`refuses ${JSON.stringify(params)} as ${kind}`, () => {
      const read = readSearchRequest(params, { editor });
      expect(read.ok).toBe(false);
      if (!read.ok) {
        expect(read.kind).toBe(kind);
        expect(read.error).toContain(error);
      }
    });
  }
});
