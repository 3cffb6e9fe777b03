/**
 * Comments: threads on a paragraph, optionally anchored to a quote of its Chinese or its gloss,
 * with replies, resolved and reopened. Stored as events, one JSON object a line
 * (`locales/<lng>/<slug>.comments.jsonl`); this module folds the events into comments and
 * decides what may happen next. Pure: no files, no HTTP.
 */
import { z } from 'zod';
import { nthIndexOf } from '@/lib/annotate/notes';

/** The longest comment body, in characters. */
export const MAX_COMMENT_LENGTH = 2000;
/** The longest quote a comment may be anchored to, in characters. */
export const MAX_QUOTE_LENGTH = 300;

const cid = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);
const quoteSchema = z.object({
  /** Which text of the paragraph the quote is from: its Chinese or its gloss in the file's language. */
  side: z.enum(['zh', 'gloss']),
  text: z.string().min(1),
  /** Which occurrence of the quote (1-based), as translator's notes count them. */
  occurrence: z.number().int().min(1),
});
export type CommentQuote = z.infer<typeof quoteSchema>;

const base = { cid, time: z.string() };
export const commentEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('comment'),
    /** The paragraph (gloss key). */
    block: z.string(),
    author: z.string(),
    body: z.string(),
    quote: quoteSchema.optional(),
    /** The first comment of the thread this one answers. */
    replyTo: cid.optional(),
  }),
  z.object({ ...base, type: z.literal('resolve'), by: z.string() }),
  z.object({ ...base, type: z.literal('reopen'), by: z.string() }),
]);
export type CommentEvent = z.infer<typeof commentEventSchema>;

export interface Comment {
  cid: string;
  block: string;
  author: string;
  time: string;
  body: string;
  quote?: CommentQuote;
  replyTo?: string;
  /** Threads (first comments) only: whether it is resolved, by whom and when. */
  resolved: boolean;
  resolvedBy?: string;
  resolvedAt?: string;
  /** Counts the comment's events: a resolve or reopen made against an older one is stale. */
  revision: string;
}

export type CommentRefusal = { ok: false; kind: 'invalid' | 'conflict' | 'not-found' | 'forbidden'; error: string };

/**
 * Folds events, oldest first, into comments in the order they were written; a second comment
 * with a known id, and events about an unknown one, are ignored.
 * `foldComments([{ type: 'comment', cid: 'c1', … }, { type: 'resolve', cid: 'c1', by: 'rev', … }])` → `[{ cid: 'c1', resolved: true, revision: '2', … }]`.
 */
export function foldComments(events: readonly CommentEvent[]): Comment[] {
  const byId = new Map<string, Comment>();
  for (const event of events) {
    if (event.type === 'comment') {
      if (byId.has(event.cid)) continue;
      const { cid: id, block, author, time, body, quote, replyTo } = event;
      byId.set(id, {
        cid: id,
        block,
        author,
        time,
        body,
        ...(quote ? { quote } : {}),
        ...(replyTo ? { replyTo } : {}),
        resolved: false,
        revision: '1',
      });
      continue;
    }
    const found = byId.get(event.cid);
    if (!found || found.replyTo !== undefined) continue;
    found.resolved = event.type === 'resolve';
    if (event.type === 'resolve') Object.assign(found, { resolvedBy: event.by, resolvedAt: event.time });
    else {
      delete found.resolvedBy;
      delete found.resolvedAt;
    }
    found.revision = String(Number(found.revision) + 1);
  }
  return [...byId.values()];
}

// C0 and C1 control characters and DEL, except newline and tab; lone surrogates.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A comment body as typed: NFC, LF line endings, control characters out, trimmed; refused when
 * empty, longer than MAX_COMMENT_LENGTH characters or holding half a character.
 * `cleanCommentBody('  这里“特拉斯”指谁？\r\n')` → `{ ok: true, body: '这里“特拉斯”指谁？' }`.
 */
export function cleanCommentBody(raw: string): { ok: true; body: string } | CommentRefusal {
  if (LONE_SURROGATE.test(raw)) return { ok: false, kind: 'invalid', error: 'The comment holds half of a character' };
  const body = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
  if (body === '') return { ok: false, kind: 'invalid', error: 'The comment is empty' };
  if ([...body].length > MAX_COMMENT_LENGTH)
    return { ok: false, kind: 'invalid', error: `A comment has at most ${MAX_COMMENT_LENGTH} characters` };
  return { ok: true, body };
}

/**
 * Where a quote is in the paragraph: its Chinese first, then its gloss; refused when it is in
 * neither. `findQuote('特拉斯', '其实特拉斯也会', 'Even Tesla')` → `{ ok: true, quote: { side: 'zh', text: '特拉斯', occurrence: 1 } }`.
 */
export function findQuote(raw: string, zh: string, gloss: string): { ok: true; quote: CommentQuote } | CommentRefusal {
  const text = raw.normalize('NFC').replace(CONTROL, '').trim();
  if (text === '') return { ok: false, kind: 'invalid', error: 'The quote is empty' };
  if ([...text].length > MAX_QUOTE_LENGTH)
    return { ok: false, kind: 'invalid', error: `A quote has at most ${MAX_QUOTE_LENGTH} characters` };
  if (zh.includes(text)) return { ok: true, quote: { side: 'zh', text, occurrence: 1 } };
  if (gloss.includes(text)) return { ok: true, quote: { side: 'gloss', text, occurrence: 1 } };
  return { ok: false, kind: 'invalid', error: 'The quote is not in this paragraph’s Chinese or its translation' };
}

/** A quote placed on the paragraph as it is now: offsets in its side, or detached when the text changed. */
export interface CommentAnchor {
  side: CommentQuote['side'];
  text: string;
  start?: number;
  end?: number;
  detached: boolean;
}

/**
 * Anchors a comment's quote the way translator's notes are anchored (lib/annotate/notes.ts): by
 * quote and occurrence, the last occurrence when there are fewer, detached (never dropped) when
 * the quote is gone. `anchorQuote({ side: 'zh', text: '特拉斯', occurrence: 1 }, '其实特拉斯也会', '')` → start 2, end 5.
 */
export function anchorQuote(quote: CommentQuote, zh: string, gloss: string): CommentAnchor {
  const within = quote.side === 'zh' ? zh : gloss;
  let start = nthIndexOf(within, quote.text, quote.occurrence);
  if (start < 0) start = within.lastIndexOf(quote.text);
  if (start < 0) return { side: quote.side, text: quote.text, detached: true };
  return { side: quote.side, text: quote.text, start, end: start + quote.text.length, detached: false };
}

/**
 * The thread a reply joins: `replyTo` must name a comment on the same paragraph; a reply to a
 * reply joins its thread, so threads stay one level deep. Replies carry no quote of their own.
 */
export function threadOf(
  comments: readonly Comment[],
  block: string,
  replyTo: string,
): { ok: true; root: Comment } | CommentRefusal {
  const target = comments.find((c) => c.cid === replyTo && c.block === block);
  if (!target) return { ok: false, kind: 'invalid', error: `replyTo: no comment "${replyTo}" on this paragraph` };
  const root = target.replyTo === undefined ? target : comments.find((c) => c.cid === target.replyTo);
  if (!root) return { ok: false, kind: 'invalid', error: `replyTo: the thread of "${replyTo}" is missing` };
  return { ok: true, root };
}

/**
 * Whether `who` may resolve (or, with `reopen`, reopen) a thread: reviewers (`moderator`) and
 * the thread's author; only a first comment, only from the other state, and when `revision` is
 * given only against the comment's current revision (a stale one is a conflict).
 */
export function checkResolve(
  found: Comment | undefined,
  change: { who: string; moderator: boolean; reopen: boolean; revision?: string },
): { ok: true; event: CommentEvent } | CommentRefusal {
  if (!found) return { ok: false, kind: 'not-found', error: 'No such comment on this text' };
  if (found.replyTo !== undefined)
    return { ok: false, kind: 'invalid', error: `A reply is resolved with its thread: resolve "${found.replyTo}"` };
  if (!change.moderator && found.author !== change.who)
    return { ok: false, kind: 'forbidden', error: 'reviewer or the thread’s author needed' };
  if (change.revision !== undefined && change.revision !== found.revision)
    return { ok: false, kind: 'conflict', error: 'The thread changed since you saw it; look again' };
  if (found.resolved !== change.reopen)
    return {
      ok: false,
      kind: 'conflict',
      error: change.reopen ? 'This thread is open' : `This thread was already resolved by ${found.resolvedBy ?? 'someone'}`,
    };
  const time = new Date().toISOString();
  return {
    ok: true,
    event: change.reopen
      ? { type: 'reopen', cid: found.cid, time, by: change.who }
      : { type: 'resolve', cid: found.cid, time, by: change.who },
  };
}

/** Per paragraph: how many comments, and how many threads are open. `commentCounts([c1, reply])` → `{ a1b2c3: { total: 2, open: 1 } }`. */
export function commentCounts(comments: readonly Comment[]): Record<string, { total: number; open: number }> {
  const counts: Record<string, { total: number; open: number }> = {};
  for (const comment of comments) {
    const entry = (counts[comment.block] ??= { total: 0, open: 0 });
    entry.total += 1;
    if (comment.replyTo === undefined && !comment.resolved) entry.open += 1;
  }
  return counts;
}

/**
 * Decides a new comment: the body cleaned, the quote found in the paragraph as it is now, the
 * reply joined to its thread. A retried request (the same author's last comment on the paragraph,
 * with the same body, quote and thread) is answered with the comment it already made.
 * `planComment([], { cid: 'c1', block: 'a1b2c3', author: 'ann', body: '指谁？', quote: '特拉斯' }, { zh: '其实特拉斯也会', gloss: '' })`
 * → `{ ok: true, cid: 'c1', event: { type: 'comment', quote: { side: 'zh', … }, … } }`.
 */
export function planComment(
  comments: readonly Comment[],
  input: { cid: string; block: string; author: string; body: string; quote?: string; replyTo?: string; time?: string },
  now: { zh: string; gloss: string },
): { ok: true; cid: string; event?: CommentEvent } | CommentRefusal {
  const body = cleanCommentBody(input.body);
  if (!body.ok) return body;
  let replyTo: string | undefined;
  if (input.replyTo !== undefined) {
    if (input.quote !== undefined)
      return { ok: false, kind: 'invalid', error: 'A reply takes its thread’s quote: send a quote or replyTo, not both' };
    const thread = threadOf(comments, input.block, input.replyTo);
    if (!thread.ok) return thread;
    replyTo = thread.root.cid;
  }
  let quote: CommentQuote | undefined;
  if (input.quote !== undefined) {
    const found = findQuote(input.quote, now.zh, now.gloss);
    if (!found.ok) return found;
    quote = found.quote;
  }
  const last = comments.findLast((c) => c.block === input.block && c.author === input.author);
  if (last && last.body === body.body && last.replyTo === replyTo && last.quote?.text === quote?.text)
    return { ok: true, cid: last.cid };
  return {
    ok: true,
    cid: input.cid,
    event: {
      type: 'comment',
      cid: input.cid,
      time: input.time ?? new Date().toISOString(),
      block: input.block,
      author: input.author,
      body: body.body,
      ...(quote ? { quote } : {}),
      ...(replyTo ? { replyTo } : {}),
    },
  };
}
