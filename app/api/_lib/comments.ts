import 'server-only';
import { commentResponse } from '@/lib/api/comment-contract';
import { viewerOf } from '@/lib/auth/request';
import type { CommentResult } from '@/lib/library/comments';
import { readTextSettings } from '@/lib/store/text-settings';
import { errorJson, json } from './respond';

const statusOf = { 'not-found': 404, invalid: 422, forbidden: 403, conflict: 409 } as const;
const storeStatusOf = { 'disk-full': 507, unwritable: 503, symlink: 503, busy: 503, failed: 500 } as const;

/** The HTTP answer for a comment change: the stored comment, or the refusal with its reason (409 with `current` for a stale revision). */
export function commentAnswer(result: CommentResult, created = false): Response {
  if (result.ok) return json(commentResponse, { comment: result.comment }, { status: created ? 201 : 200 });
  if (result.kind === 'store') return errorJson(result.error, storeStatusOf[result.reason]);
  if (result.kind === 'conflict' && result.current)
    return Response.json({ error: result.error, current: result.current }, { status: 409 });
  return errorJson(result.error, statusOf[result.kind]);
}

/**
 * Whether a request may read a text's comments: anyone signed in, and anonymous readers only
 * when the text is set to public discussion (`content/<slug>.team.json`). Answers the 401 when not.
 */
export async function commentsReadable(request: Request, slug: string): Promise<Response | undefined> {
  if (await viewerOf(request)) return undefined;
  if ((await readTextSettings(slug)).publicDiscussion) return undefined;
  return errorJson('Sign in to see the comments', 401);
}
