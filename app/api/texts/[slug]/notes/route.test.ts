// The notes, glossary and word-list routes as a client meets them: status codes and reasons.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { DELETE as deleteSharedTerm, PUT as putSharedTerm } from '@/app/api/glossary/[term]/route';
import { PUT as putTerm } from '../glossary/[term]/route';
import { GET as getGlossary } from '../glossary/route';
import { PUT as putTerms } from '../terms/route';
import { DELETE as deleteNote, PUT as putNote } from './[nid]/route';
import { POST as postNote } from './route';

const SLUG = 'essay';
const TOKEN = 'notes-route-token';
const saved = process.env.EDITOR_TOKEN;
const auth = { authorization: `Bearer ${TOKEN}` };

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  process.env.EDITOR_TOKEN = TOKEN;
  data = makeDataDir({
    files: {
      [`content/${SLUG}.md`]: '---\ntitle: 小文\n---\n\n他在小镇上开了一家书店。\n',
      [`locales/en/${SLUG}.json`]: '{}\n',
      [`locales/en/${SLUG}.state.json`]: '{}\n',
    },
  });
});
afterEach(() => {
  data.dispose();
  if (saved === undefined) delete process.env.EDITOR_TOKEN;
  else process.env.EDITOR_TOKEN = saved;
});

function request(method: string, path: string, body?: unknown, headers: Record<string, string> = auth): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

async function blockId(): Promise<string> {
  // The essay's one paragraph: its id is in the ledger made on first load.
  const { loadText } = await import('@/lib/library/load');
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('no text');
  const block = loaded.text.blocks.find((b) => b.type === 'paragraph');
  if (!block) throw new Error('no paragraph');
  return block.id;
}

describe('POST /api/texts/<slug>/notes', () => {
  const cases: {
    name: string;
    body: unknown;
    headers?: Record<string, string>;
    slug?: string;
    query?: string;
    status: number;
    said?: RegExp;
  }[] = [
    { name: 'a note on a quote', body: { quote: '小镇', body: 'A small town.' }, status: 201 },
    { name: 'a quote that is not there', body: { quote: '城市', body: 'x' }, status: 400, said: /neither/ },
    { name: 'an empty note', body: { quote: '小镇', body: '  ' }, status: 400, said: /needs a text/ },
    { name: 'a body of the wrong shape', body: { quote: 3 }, status: 400, said: /Expected/ },
    { name: 'not JSON', body: '{ quote', status: 400 },
    { name: 'signed out', body: { quote: '小镇', body: 'x' }, headers: {}, status: 401 },
    { name: 'a bad language tag', body: { quote: '小镇', body: 'x' }, query: '?lang=../en', status: 400 },
    { name: 'a language the text lacks', body: { quote: '小镇', body: 'x' }, query: '?lang=fr', status: 404 },
    { name: 'no such text', body: { quote: '小镇', body: 'x' }, slug: 'nothing', status: 404 },
  ];
  it.each(cases)('$name → $status', async ({ body, headers, slug = SLUG, query = '', status, said }) => {
    const block = await blockId();
    const payload = typeof body === 'object' && body !== null ? { block, ...body } : body;
    const response = await postNote(request('POST', `/api/texts/${slug}/notes${query}`, payload, headers), {
      params: Promise.resolve({ slug }),
    });
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { error?: string; note?: { id: string; revision: string } };
    if (said) expect(answer.error).toMatch(said);
    if (status === 201) expect(answer.note).toMatchObject({ id: 'n1', revision: expect.stringMatching(/^[0-9a-f]{12}$/) });
  });

  it('changes and deletes with the revision; a stale one is 409 with what is stored', async () => {
    const block = await blockId();
    const made = await postNote(request('POST', `/api/texts/${SLUG}/notes`, { block, quote: '书店', body: 'A bookshop.' }), {
      params: Promise.resolve({ slug: SLUG }),
    });
    const { note } = (await made.json()) as { note: { id: string; revision: string } };
    const params = { params: Promise.resolve({ slug: SLUG, nid: note.id }) };
    const path = `/api/texts/${SLUG}/notes/${note.id}`;
    const changed = await putNote(request('PUT', path, { baseRevision: note.revision, body: 'A bookshop, in fact.' }), params);
    expect(changed.status).toBe(200);
    const stale = await putNote(request('PUT', path, { baseRevision: note.revision, body: 'Lost' }), params);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ current: { body: 'A bookshop, in fact.' } });
    const { note: now } = (await changed.json()) as { note: { revision: string } };
    expect((await deleteNote(request('DELETE', `${path}?baseRevision=${now.revision}`), params)).status).toBe(200);
    expect((await deleteNote(request('DELETE', path, { baseRevision: now.revision }), params)).status).toBe(404);
    expect(JSON.parse(readFileSync(data.file(`locales/en/${SLUG}.notes.json`), 'utf8'))).toEqual({});
  });
});

describe('glossary and terms routes', () => {
  it('a text term is stored, the lint finds the untranslated-away gloss, a shared term needs an admin', async () => {
    const put = await putTerm(request('PUT', `/api/texts/${SLUG}/glossary/小镇`, { en: ['small town'] }), {
      params: Promise.resolve({ slug: SLUG, term: '小镇' }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ entry: { term: '小镇', en: ['small town'], source: 'text' } });
    const again = await putTerm(request('PUT', `/api/texts/${SLUG}/glossary/小镇`, { en: ['town'] }), {
      params: Promise.resolve({ slug: SLUG, term: '小镇' }),
    });
    expect(again.status).toBe(409);
    const bad = await putTerm(request('PUT', `/api/texts/${SLUG}/glossary/town`, { en: ['town'] }), {
      params: Promise.resolve({ slug: SLUG, term: 'town' }),
    });
    expect(bad.status).toBe(400);
    const glossary = await getGlossary(request('GET', `/api/texts/${SLUG}/glossary`), {
      params: Promise.resolve({ slug: SLUG }),
    });
    expect(await glossary.json()).toMatchObject({ entries: [{ term: '小镇', source: 'text' }], findings: [] });
    const shared = await putSharedTerm(request('PUT', '/api/glossary/书店', { en: ['bookshop'] }), {
      params: Promise.resolve({ term: '书店' }),
    });
    expect(shared.status).toBe(200);
    const { entry } = (await shared.json()) as { entry: { revision: string } };
    const signedOut = await deleteSharedTerm(request('DELETE', '/api/glossary/书店', { baseRevision: entry.revision }, {}), {
      params: Promise.resolve({ term: '书店' }),
    });
    expect(signedOut.status).toBe(401);
    const removed = await deleteSharedTerm(request('DELETE', '/api/glossary/书店', { baseRevision: entry.revision }), {
      params: Promise.resolve({ term: '书店' }),
    });
    expect(removed.status).toBe(200);
    const noFrench = await putSharedTerm(request('PUT', '/api/glossary/书店?lang=fr', { en: ['librairie'] }), {
      params: Promise.resolve({ term: '书店' }),
    });
    expect(noFrench.status).toBe(404);
  });

  const termCases = [
    { name: 'a word to keep whole', body: { add: ['小镇上'] }, status: 200 },
    { name: 'a split', body: { add: ['小镇|上'] }, status: 200 },
    { name: 'a comment', body: { add: ['# x'] }, status: 400 },
    { name: 'nothing', body: {}, status: 400 },
    { name: 'a stale revision', body: { add: ['小镇'], baseRevision: '000000000000' }, status: 409 },
  ];
  it.each(termCases)('PUT terms: $name → $status', async ({ body, status }) => {
    const response = await putTerms(request('PUT', `/api/texts/${SLUG}/terms`, body), {
      params: Promise.resolve({ slug: SLUG }),
    });
    expect(response.status).toBe(status);
    if (status === 200) expect(await response.json()).toMatchObject({ terms: { slug: SLUG, words: body.add } });
  });
});
