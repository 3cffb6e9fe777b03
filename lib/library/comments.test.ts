// The life of a comment on disk: written beside the glosses, replied to, resolved and reopened, refused when stale.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { getCommentCounts, listComments, postComment, resolveComment } from './comments';
import { loadText } from './load';

const SLUG = 'karpathy-no-priors';
let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterEach(() => data.dispose());

async function firstParagraph() {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('no text');
  const block = loaded.text.blocks.find((b) => b.type === 'paragraph' && b.en);
  if (!block?.en) throw new Error('no paragraph');
  return { slug: SLUG, lang: 'en', id: block.id, zh: block.text, en: block.en };
}

const lines = () =>
  readFileSync(data.file(`locales/en/${SLUG}.comments.jsonl`), 'utf8')
    .trim()
    .split('\n');

describe('posting', () => {
  const cases = [
    { name: 'a thread', quote: undefined, expected: { ok: true } },
    { name: 'a quote of the Chinese', quote: 'zh', expected: { ok: true, comment: { anchor: { side: 'zh', detached: false } } } },
    {
      name: 'a quote of the gloss',
      quote: 'en',
      expected: { ok: true, comment: { anchor: { side: 'gloss', detached: false } } },
    },
    { name: 'a quote from elsewhere', quote: '这句话不在段落里', expected: { ok: false, kind: 'invalid' } },
  ];
  it.each(cases)('$name', async ({ quote, expected }) => {
    const p = await firstParagraph();
    const text = quote === 'zh' ? p.zh.slice(2, 6) : quote === 'en' ? p.en.slice(0, 8) : quote;
    const result = await postComment({ ...p, author: 'rita', body: 'Is this right?', ...(text ? { quote: text } : {}) });
    expect(result).toMatchObject(expected);
  });

  it('appends one line per comment and answers a retried request with the same comment', async () => {
    const p = await firstParagraph();
    const first = await postComment({ ...p, author: 'rita', body: 'Is this right?' });
    const again = await postComment({ ...p, author: 'rita', body: 'Is this right?' });
    expect(first.ok && again.ok && again.comment.cid).toBe(first.ok && first.comment.cid);
    expect(lines()).toHaveLength(1);
  });

  it('refuses a paragraph that does not exist', async () => {
    expect(await postComment({ slug: SLUG, lang: 'en', id: 'zzzzzz', author: 'rita', body: 'Hm' })).toMatchObject({
      ok: false,
      kind: 'not-found',
    });
  });
});

describe('a thread from start to end', () => {
  it('is replied to, resolved by a reviewer, reopened by its author, and counted', async () => {
    const p = await firstParagraph();
    const root = await postComment({ ...p, author: 'rita', body: 'Who is meant?', quote: p.zh.slice(0, 2) });
    if (!root.ok) throw new Error(root.error);
    const reply = await postComment({ ...p, author: 'tess', body: 'The interviewer.', replyTo: root.comment.cid });
    expect(reply).toMatchObject({ ok: true, comment: { replyTo: root.comment.cid } });
    expect(await getCommentCounts(p)).toEqual({ [p.id]: { total: 2, open: 1 } });

    const text = { slug: SLUG, lang: 'en' };
    const other = await resolveComment({ ...text, cid: root.comment.cid, who: 'tess', moderator: false, reopen: false });
    expect(other).toMatchObject({ ok: false, kind: 'forbidden' });
    const resolved = await resolveComment({
      ...text,
      cid: root.comment.cid,
      who: 'remy',
      moderator: true,
      reopen: false,
      revision: '1',
    });
    expect(resolved).toMatchObject({ ok: true, comment: { resolved: true, resolvedBy: 'remy', revision: '2' } });
    // Someone who saw revision 1 is told it moved on, with the thread as it is now.
    const stale = await resolveComment({
      ...text,
      cid: root.comment.cid,
      who: 'rita',
      moderator: false,
      reopen: true,
      revision: '1',
    });
    expect(stale).toMatchObject({ ok: false, kind: 'conflict', current: { revision: '2', resolved: true } });
    const reopened = await resolveComment({ ...text, cid: root.comment.cid, who: 'rita', moderator: false, reopen: true });
    expect(reopened).toMatchObject({ ok: true, comment: { resolved: false, revision: '3' } });

    const listed = await listComments(p);
    expect(listed.ok && listed.comments.map((c) => [c.author, c.replyTo ?? null])).toEqual([
      ['rita', null],
      ['tess', root.comment.cid],
    ]);
    expect(lines()).toHaveLength(4);
  });

  it('keeps reading past a torn last line', async () => {
    const p = await firstParagraph();
    await postComment({ ...p, author: 'rita', body: 'One' });
    const { appendFileSync } = await import('node:fs');
    appendFileSync(data.file(`locales/en/${SLUG}.comments.jsonl`), '{"type":"comment","cid":"tor');
    const listed = await listComments(p);
    expect(listed.ok && listed.comments).toHaveLength(1);
    expect(await postComment({ ...p, author: 'rita', body: 'Two' })).toMatchObject({ ok: true });
    const again = await listComments(p);
    expect(again.ok && again.comments.map((c) => c.body)).toEqual(['One', 'Two']);
  });
});

describe('comments through XLIFF', () => {
  it('go out as notes of their open threads and come back once, new notes as comments of the importer', async () => {
    const { exportXliff } = await import('@/lib/library-exchange/exchange-export');
    const { importXliff } = await import('@/lib/library-exchange/import');
    const p = await firstParagraph();
    const open = await postComment({ ...p, author: 'rita', body: 'Open question' });
    const done = await postComment({ ...p, author: 'rita', body: 'Settled question' });
    if (!open.ok || !done.ok) throw new Error('not posted');
    await resolveComment({ slug: SLUG, lang: 'en', cid: done.comment.cid, who: 'remy', moderator: true, reopen: false });
    const exported = await exportXliff(SLUG);
    if (!exported.ok) throw new Error(exported.error);
    expect(exported.xml).toContain('<note from="rita" annotates="general">Open question</note>');
    expect(exported.xml).not.toContain('Settled question');

    const withNote = exported.xml.replace(
      '<note from="rita" annotates="general">Open question</note>',
      '$&<note from="translator">Is the tone right?</note>',
    );
    const bytes = new TextEncoder().encode(withNote);
    const first = await importXliff({ bytes, fileName: 'back.xlf', editor: 'tess', slug: SLUG });
    expect(first).toMatchObject({ ok: true, comments: 1 });
    const again = await importXliff({ bytes, fileName: 'back.xlf', editor: 'tess', slug: SLUG });
    expect(again).toMatchObject({ ok: true, comments: 0 });
    const listed = await listComments(p);
    expect(listed.ok && listed.comments.map((c) => `${c.author}:${c.body}`)).toEqual([
      'rita:Open question',
      'rita:Settled question',
      'tess:Is the tone right?',
    ]);
  });
});
