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
    { params: {}, editor: false, status: 400, error: 'Type something' },
    { params: { q: 'a', text: '../etc' }, editor: false, status: 400, error: 'Unknown text' },
    { params: { q: 'a', status: 'done' }, editor: true, status: 400, error: 'Unknown status' },
    { params: { q: 'a', status: 'draft' }, editor: false, status: 403, error: 'for editors' },
    { params: { q: 'a', field: 'title' }, editor: false, status: 400, error: 'Unknown field' },
    { params: { q: 'a', limit: '0' }, editor: false, status: 400, error: 'limit' },
    { params: { q: 'a', limit: '51' }, editor: false, status: 400, error: 'limit' },
    { params: { q: 'a', limit: '1e3' }, editor: false, status: 400, error: 'limit' },
    { params: { q: 'a', cursor: '-1' }, editor: false, status: 400, error: 'cursor' },
    { params: { q: 'a', cursor: '99999999' }, editor: false, status: 400, error: 'cursor' },
  ];
  for (const { params, editor, status, error } of refused) {
    it(`refuses ${JSON.stringify(params)} with ${status}`, () => {
      const read = readSearchRequest(params, { editor });
      expect(read.ok).toBe(false);
      if (!read.ok) {
        expect(read.status).toBe(status);
        expect(read.error).toContain(error);
      }
    });
  }
});
