// The comment routes as a client sees them: who may read, what a bad body gets, a stale resolve.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { GET as getCounts } from '../../../comments/route';
import { POST as resolve } from '../../../comments/[cid]/resolve/route';
import { PUT as putSettings } from '../../../settings/route';
import { GET, POST } from './route';

const SLUG = 'essay';
const TOKEN = 'comments-route-token';
const saved = process.env.EDITOR_TOKEN;
const ADMIN = { authorization: `Bearer ${TOKEN}`, 'x-editor-name': 'Ann' };

let data: ReturnType<typeof makeDataDir>;
let id: string;
beforeEach(async () => {
  process.env.EDITOR_TOKEN = TOKEN;
  data = makeDataDir({
    files: {
      [`content/${SLUG}.md`]: '---\ntitle: 小文\n---\n\n其实特拉斯也会。\n',
      [`locales/en/${SLUG}.json`]: '{}\n',
      [`locales/en/${SLUG}.state.json`]: '{}\n',
    },
  });
  const { loadText } = await import('@/lib/library/load');
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('no text');
  id = loaded.text.blocks[0]?.id ?? '';
});
afterEach(() => {
  data.dispose();
  if (saved === undefined) delete process.env.EDITOR_TOKEN;
  else process.env.EDITOR_TOKEN = saved;
});

const url = (path: string) => `http://localhost/api/texts/${SLUG}${path}`;
const json = (body: unknown, headers: Record<string, string> = ADMIN): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const post = (body: unknown, headers?: Record<string, string>) =>
  POST(new Request(url(`/blocks/${id}/comments`), json(body, headers)), { params: Promise.resolve({ slug: SLUG, id }) });
const list = (headers: Record<string, string> = {}) =>
  GET(new Request(url(`/blocks/${id}/comments`), { headers }), { params: Promise.resolve({ slug: SLUG, id }) });
const resolveAs = (cid: string, body: unknown) =>
  resolve(new Request(url(`/comments/${cid}/resolve`), json(body)), { params: Promise.resolve({ slug: SLUG, cid }) });

describe('POST /api/texts/<slug>/blocks/<id>/comments', () => {
  const cases = [
    { name: 'a thread anchored to a quote', body: { body: 'Who?', quote: '特拉斯' }, status: 201 },
    { name: 'a quote not in the paragraph', body: { body: 'Who?', quote: '约翰逊' }, status: 422 },
    { name: 'an empty body', body: { body: '  ' }, status: 422 },
    { name: 'a body too long', body: { body: 'x'.repeat(2001) }, status: 422 },
    { name: 'a replyTo that does not exist', body: { body: 'Yes', replyTo: 'nothing' }, status: 422 },
    { name: 'not the shape', body: { text: 'Who?' }, status: 422 },
    { name: 'nobody signed in', body: { body: 'Who?' }, headers: {}, status: 401 },
  ];
  it.each(cases)('$name: $status', async ({ body, headers, status }) => {
    expect((await post(body, headers)).status).toBe(status);
  });
});

describe('reading and resolving', () => {
  it('hides comments from anonymous readers until the text has public discussion', async () => {
    await post({ body: 'Who?' });
    expect((await list()).status).toBe(401);
    const counts = await getCounts(new Request(url('/comments')), { params: Promise.resolve({ slug: SLUG }) });
    expect(await counts.json()).toEqual({ visible: false, counts: {} });
    const settings = new Request(url('/settings'), { ...json({ publicDiscussion: true }), method: 'PUT' });
    expect((await putSettings(settings, { params: Promise.resolve({ slug: SLUG }) })).status).toBe(200);
    const listed = await list();
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { comments: unknown[] }).comments).toHaveLength(1);
  });

  it('answers the stored comment with its revision, and 409 with the current one for a stale revision', async () => {
    const made = (await (await post({ body: 'Who?', quote: '特拉斯' })).json()) as { comment: { cid: string; revision: string } };
    expect(made.comment.revision).toBe('1');
    const done = await resolveAs(made.comment.cid, { revision: '1' });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { comment: { resolved: boolean; revision: string } }).comment).toMatchObject({
      resolved: true,
      revision: '2',
    });
    const stale = await resolveAs(made.comment.cid, { reopen: true, revision: '1' });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: { revision: string } }).current.revision).toBe('2');
    expect((await resolveAs(made.comment.cid, { reopen: true })).status).toBe(200);
    expect((await resolveAs('nothing', {})).status).toBe(404);
    expect((await resolveAs('../x', {})).status).toBe(404);
  });
});
