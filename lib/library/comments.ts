import 'server-only';
import { randomBytes } from 'node:crypto';
import {
  anchorQuote,
  checkResolve,
  commentCounts,
  foldComments,
  planComment,
  type Comment,
  type CommentAnchor,
  type CommentEvent,
  type CommentRefusal,
} from '@/lib/comments/comments';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { appendCommentEvents, readCommentEvents } from '@/lib/store/comments';
import { StoreWriteError } from '@/lib/store/errors';
import { withTextLock } from '@/lib/store/lock';
import { findSource, isSlug } from '@/lib/store/sources';
import { paragraphNow, type Where } from './suggestions';

/** A comment as answered: with its quote placed on the paragraph as it is now. */
export type CommentView = Comment & { anchor?: CommentAnchor };

export type CommentResult =
  | { ok: true; comment: CommentView }
  | (CommentRefusal & { current?: CommentView })
  | { ok: false; kind: 'store'; error: string; reason: StoreWriteError['reason'] };

type Text = { slug: string; lang: TargetLanguage };
type Now = { zh: string; gloss: string } | undefined;

function view(comment: Comment, now: Now): CommentView {
  if (!comment.quote) return comment;
  // A paragraph that is gone leaves its quotes detached, like a note's.
  return { ...comment, anchor: anchorQuote(comment.quote, now?.zh ?? '', now?.gloss ?? '') };
}

async function commentsOf(text: Text): Promise<Comment[]> {
  return foldComments(await readCommentEvents(text.slug, text.lang));
}

async function nowOf(where: Where): Promise<Now> {
  const now = await paragraphNow(where);
  return now.ok ? now : undefined;
}

/** Appends what `decide` makes of the comments as they are on disk, under the text's lock, and answers the stored comment. */
async function underLock(
  text: Text,
  decide: (found: Comment[]) => Promise<{ ok: true; cid: string; event?: CommentEvent; now: Now } | CommentResult>,
): Promise<CommentResult> {
  try {
    return await withTextLock(text.slug, async () => {
      const decided = await decide(await commentsOf(text));
      if (!decided.ok || !('cid' in decided)) return decided;
      if (decided.event) await appendCommentEvents(text.slug, text.lang, [decided.event]);
      const stored = (await commentsOf(text)).find((c) => c.cid === decided.cid);
      if (!stored) throw new Error(`comment ${decided.cid} not found after it was written`);
      return { ok: true, comment: view(stored, decided.now) };
    });
  } catch (error) {
    if (error instanceof StoreWriteError)
      return { ok: false, kind: 'store', reason: error.reason, error: `Nothing was saved: ${error.message}` };
    throw error;
  }
}

/** A paragraph's comments, oldest first, each quote anchored to the paragraph as it is now. */
export async function listComments(where: Where): Promise<{ ok: true; comments: CommentView[] } | CommentRefusal> {
  const now = await paragraphNow(where);
  if (!now.ok) return now;
  return { ok: true, comments: (await commentsOf(where)).filter((c) => c.block === where.id).map((c) => view(c, now)) };
}

/** Per paragraph of a text's language: how many comments, how many open threads. */
export async function getCommentCounts(text: Text): Promise<Record<string, { total: number; open: number }> | undefined> {
  if (!isSlug(text.slug) || !(await findSource(text.slug))) return undefined;
  return commentCounts(await commentsOf(text));
}

/**
 * Writes a comment (a new thread, or with `replyTo` a reply), durable before it answers.
 * `postComment({ slug, lang: 'en', id: 'c4pzjo', author: 'rita', body: '“特拉斯”是谁？', quote: '特拉斯' })`.
 */
export async function postComment(
  where: Where & { author: string; body: string; quote?: string; replyTo?: string },
): Promise<CommentResult> {
  const cid = randomBytes(6).toString('base64url');
  return underLock(where, async (found) => {
    const now = await paragraphNow(where);
    if (!now.ok) return now;
    const input = {
      cid,
      block: where.id,
      author: where.author,
      body: where.body,
      ...(where.quote !== undefined ? { quote: where.quote } : {}),
      ...(where.replyTo !== undefined ? { replyTo: where.replyTo } : {}),
    };
    const planned = planComment(found, input, now);
    return planned.ok ? { ...planned, now } : planned;
  });
}

/**
 * Resolves a thread (or reopens it, `reopen`): reviewers and its author; `revision`, when
 * given, must be the thread's current one (409 with `current` otherwise).
 */
export async function resolveComment(
  text: Text & { cid: string; who: string; moderator: boolean; reopen: boolean; revision?: string },
): Promise<CommentResult> {
  return underLock(text, async (found) => {
    const comment = found.find((c) => c.cid === text.cid);
    const now = comment ? await nowOf({ slug: text.slug, lang: text.lang, id: comment.block }) : undefined;
    const checked = checkResolve(comment, {
      who: text.who,
      moderator: text.moderator,
      reopen: text.reopen,
      ...(text.revision !== undefined ? { revision: text.revision } : {}),
    });
    if (!checked.ok) return comment && checked.kind === 'conflict' ? { ...checked, current: view(comment, now) } : checked;
    return { ok: true, cid: text.cid, event: checked.event, now };
  });
}
