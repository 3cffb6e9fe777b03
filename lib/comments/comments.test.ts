// Comments as events: folding, the body and quote checks, anchoring, threads and who may resolve.
import { describe, expect, it } from 'vitest';
import {
  anchorQuote,
  checkResolve,
  cleanCommentBody,
  commentCounts,
  findQuote,
  foldComments,
  MAX_COMMENT_LENGTH,
  planComment,
  type Comment,
  type CommentEvent,
} from './comments';

const ZH = '其实特拉斯也会，特拉斯也会。';
const GLOSS = 'In fact Truss would too.';
const T = '2026-12-07T10:00:00.000Z';

const said = (cid: string, author: string, extra: Partial<Extract<CommentEvent, { type: 'comment' }>> = {}): CommentEvent => ({
  type: 'comment',
  cid,
  time: T,
  block: 'a1b2c3',
  author,
  body: `body of ${cid}`,
  ...extra,
});

describe('cleanCommentBody', () => {
  const cases = [
    { name: 'trims and keeps lines', input: '  这里指谁？\r\nsecond ', expected: { ok: true, body: '这里指谁？\nsecond' } },
    { name: 'drops control characters', input: 'a\u0007b', expected: { ok: true, body: 'ab' } },
    { name: 'refuses empty', input: ' \n\t ', expected: { ok: false, kind: 'invalid' } },
    { name: 'refuses half a character', input: 'a\uD800b', expected: { ok: false, kind: 'invalid' } },
    { name: 'takes the limit', input: '字'.repeat(MAX_COMMENT_LENGTH), expected: { ok: true } },
    { name: 'refuses past the limit', input: '字'.repeat(MAX_COMMENT_LENGTH + 1), expected: { ok: false, kind: 'invalid' } },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(cleanCommentBody(input)).toMatchObject(expected);
  });
});

describe('findQuote', () => {
  const cases = [
    { name: 'in the Chinese', quote: '特拉斯', expected: { ok: true, quote: { side: 'zh', text: '特拉斯', occurrence: 1 } } },
    { name: 'in the gloss', quote: 'Truss', expected: { ok: true, quote: { side: 'gloss', text: 'Truss', occurrence: 1 } } },
    { name: 'trimmed', quote: ' 也会 ', expected: { ok: true, quote: { side: 'zh', text: '也会' } } },
    { name: 'in neither', quote: '约翰逊', expected: { ok: false, kind: 'invalid' } },
    { name: 'empty', quote: '  ', expected: { ok: false, kind: 'invalid' } },
    { name: 'too long', quote: '特'.repeat(301), expected: { ok: false, kind: 'invalid' } },
  ];
  it.each(cases)('$name', ({ quote, expected }) => {
    expect(findQuote(quote, ZH, GLOSS)).toMatchObject(expected);
  });
});

describe('anchorQuote', () => {
  const cases = [
    {
      name: 'first occurrence',
      quote: { side: 'zh', text: '特拉斯', occurrence: 1 },
      zh: ZH,
      expected: { start: 2, end: 5, detached: false },
    },
    {
      name: 'second occurrence',
      quote: { side: 'zh', text: '特拉斯', occurrence: 2 },
      zh: ZH,
      expected: { start: 8, end: 11, detached: false },
    },
    {
      name: 'fewer occurrences now: the last',
      quote: { side: 'zh', text: '特拉斯', occurrence: 3 },
      zh: ZH,
      expected: { start: 8, detached: false },
    },
    {
      name: 'the Chinese changed: detached',
      quote: { side: 'zh', text: '特拉斯', occurrence: 1 },
      zh: '其实约翰逊也会',
      expected: { detached: true },
    },
    {
      name: 'on the gloss',
      quote: { side: 'gloss', text: 'Truss', occurrence: 1 },
      zh: ZH,
      expected: { side: 'gloss', start: 8, end: 13 },
    },
  ] as const;
  it.each(cases)('$name', ({ quote, zh, expected }) => {
    const anchor = anchorQuote(quote, zh, GLOSS);
    expect(anchor).toMatchObject(expected);
    if ('detached' in expected && expected.detached) expect(anchor.start).toBeUndefined();
  });
});

describe('foldComments', () => {
  const cases: { name: string; events: CommentEvent[]; expected: Partial<Comment>[] }[] = [
    { name: 'a comment', events: [said('c1', 'ann')], expected: [{ cid: 'c1', resolved: false, revision: '1' }] },
    {
      name: 'resolved, then reopened',
      events: [
        said('c1', 'ann'),
        { type: 'resolve', cid: 'c1', time: T, by: 'rev' },
        { type: 'reopen', cid: 'c1', time: T, by: 'ann' },
      ],
      expected: [{ cid: 'c1', resolved: false, revision: '3' }],
    },
    {
      name: 'resolved',
      events: [said('c1', 'ann'), { type: 'resolve', cid: 'c1', time: T, by: 'rev' }],
      expected: [{ cid: 'c1', resolved: true, resolvedBy: 'rev', revision: '2' }],
    },
    {
      name: 'a second comment with the same id and events about unknown ones are ignored',
      events: [said('c1', 'ann'), said('c1', 'bo'), { type: 'resolve', cid: 'zz', time: T, by: 'rev' }],
      expected: [{ cid: 'c1', author: 'ann' }],
    },
    {
      name: 'a reply is never resolved on its own',
      events: [said('c1', 'ann'), said('c2', 'bo', { replyTo: 'c1' }), { type: 'resolve', cid: 'c2', time: T, by: 'rev' }],
      expected: [{ cid: 'c1' }, { cid: 'c2', replyTo: 'c1', resolved: false, revision: '1' }],
    },
  ];
  it.each(cases)('$name', ({ events, expected }) => {
    const folded = foldComments(events);
    expect(folded).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(folded[i]).toMatchObject(e));
  });
});

describe('planComment', () => {
  const existing = foldComments([said('c1', 'ann'), said('c2', 'bo', { replyTo: 'c1' }), said('x1', 'ann', { block: 'zzzzzz' })]);
  const now = { zh: ZH, gloss: GLOSS };
  const cases = [
    { name: 'a thread', input: { body: 'Who?' }, expected: { ok: true, cid: 'new', event: { type: 'comment', body: 'Who?' } } },
    {
      name: 'anchored to a quote',
      input: { body: 'Who?', quote: '特拉斯' },
      expected: { ok: true, event: { quote: { side: 'zh', text: '特拉斯', occurrence: 1 } } },
    },
    { name: 'a quote not in the paragraph', input: { body: 'Who?', quote: '约翰逊' }, expected: { ok: false, kind: 'invalid' } },
    { name: 'a reply', input: { body: 'Liz Truss.', replyTo: 'c1' }, expected: { ok: true, event: { replyTo: 'c1' } } },
    {
      name: 'a reply to a reply joins the thread',
      input: { body: 'Yes.', replyTo: 'c2' },
      expected: { ok: true, event: { replyTo: 'c1' } },
    },
    { name: 'replyTo that does not exist', input: { body: 'Yes.', replyTo: 'nope' }, expected: { ok: false, kind: 'invalid' } },
    { name: 'replyTo on another paragraph', input: { body: 'Yes.', replyTo: 'x1' }, expected: { ok: false, kind: 'invalid' } },
    {
      name: 'a reply with a quote',
      input: { body: 'Yes.', replyTo: 'c1', quote: '特拉斯' },
      expected: { ok: false, kind: 'invalid' },
    },
    { name: 'an empty body', input: { body: '   ' }, expected: { ok: false, kind: 'invalid' } },
    {
      name: 'a retried request',
      input: { body: 'body of c2', replyTo: 'c1', author: 'bo' },
      expected: { ok: true, cid: 'c2' },
      retried: true,
    },
  ];
  it.each(cases)('$name', ({ input, expected, ...rest }) => {
    const planned = planComment(existing, { cid: 'new', block: 'a1b2c3', author: 'rita', ...input }, now);
    expect(planned).toMatchObject(expected);
    if ('retried' in rest) expect(planned.ok && planned.event).toBeUndefined();
  });
});

describe('checkResolve: who may resolve and reopen', () => {
  const open = foldComments([said('c1', 'ann'), said('c2', 'bo', { replyTo: 'c1' })]);
  const resolved = foldComments([said('c1', 'ann'), { type: 'resolve', cid: 'c1', time: T, by: 'rev' }]);
  const cases = [
    {
      name: 'a reviewer resolves',
      found: open[0],
      change: { who: 'rev', moderator: true, reopen: false },
      expected: { ok: true, event: { type: 'resolve', by: 'rev' } },
    },
    {
      name: 'the author resolves',
      found: open[0],
      change: { who: 'ann', moderator: false, reopen: false },
      expected: { ok: true },
    },
    {
      name: 'another reader may not',
      found: open[0],
      change: { who: 'bo', moderator: false, reopen: false },
      expected: { ok: false, kind: 'forbidden' },
    },
    {
      name: 'the author reopens',
      found: resolved[0],
      change: { who: 'ann', moderator: false, reopen: true },
      expected: { ok: true, event: { type: 'reopen' } },
    },
    {
      name: 'another reader may not reopen',
      found: resolved[0],
      change: { who: 'bo', moderator: false, reopen: true },
      expected: { ok: false, kind: 'forbidden' },
    },
    {
      name: 'already resolved',
      found: resolved[0],
      change: { who: 'rev', moderator: true, reopen: false },
      expected: { ok: false, kind: 'conflict' },
    },
    {
      name: 'reopening an open thread',
      found: open[0],
      change: { who: 'rev', moderator: true, reopen: true },
      expected: { ok: false, kind: 'conflict' },
    },
    {
      name: 'a stale revision',
      found: resolved[0],
      change: { who: 'rev', moderator: true, reopen: true, revision: '1' },
      expected: { ok: false, kind: 'conflict' },
    },
    {
      name: 'the current revision',
      found: resolved[0],
      change: { who: 'rev', moderator: true, reopen: true, revision: '2' },
      expected: { ok: true },
    },
    {
      name: 'a reply',
      found: open[1],
      change: { who: 'rev', moderator: true, reopen: false },
      expected: { ok: false, kind: 'invalid' },
    },
    {
      name: 'no such comment',
      found: undefined,
      change: { who: 'rev', moderator: true, reopen: false },
      expected: { ok: false, kind: 'not-found' },
    },
  ];
  it.each(cases)('$name', ({ found, change, expected }) => {
    expect(checkResolve(found, change)).toMatchObject(expected);
  });
});

describe('commentCounts', () => {
  it('counts comments and open threads per paragraph', () => {
    const comments = foldComments([
      said('c1', 'ann'),
      said('c2', 'bo', { replyTo: 'c1' }),
      said('c3', 'bo'),
      { type: 'resolve', cid: 'c3', time: T, by: 'rev' },
      said('c4', 'ann', { block: 'd4e5f6' }),
    ]);
    expect(commentCounts(comments)).toEqual({ a1b2c3: { total: 3, open: 1 }, d4e5f6: { total: 1, open: 1 } });
    expect(commentCounts([])).toEqual({});
  });
});
