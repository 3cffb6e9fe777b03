import { commentCountsResponse } from '@/lib/api/comment-contract';
import { getCommentCounts } from '@/lib/library/comments';
import { commentsReadable } from '@/app/api/_lib/comments';
import { isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>/comments?lang=`: `{ visible, counts: { <id>: { total, open } } }`, the
 * number of comments and of open threads per paragraph, for the count on each row (one request a
 * page); `visible: false` and no counts for an anonymous reader unless the text has public discussion.
 */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  const counts = await getCommentCounts({ slug, lang: language.lang });
  if (!counts) return noSuchText();
  const headers = { 'Cache-Control': 'no-store' };
  // Asked by every reading page once the session is known: an anonymous reader of a text without
  // public discussion is told there is nothing to show (200, not 401: no error in the console).
  if (await commentsReadable(request, slug)) return json(commentCountsResponse, { visible: false, counts: {} }, { headers });
  return json(commentCountsResponse, { visible: true, counts }, { headers });
});
