import { commentCountsResponse } from '@/lib/api/comment-contract';
import { getCommentCounts } from '@/lib/library/comments';
import { commentsReadable } from '@/app/api/_lib/comments';
import { isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>/comments?lang=`: `{ counts: { <id>: { total, open } } }`, the number of
 * comments and of open threads per paragraph, for the count on each row (one request a page).
 */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  const hidden = await commentsReadable(request, slug);
  if (hidden) return hidden;
  const counts = await getCommentCounts({ slug, lang: language.lang });
  if (!counts) return noSuchText();
  return json(commentCountsResponse, { counts }, { headers: { 'Cache-Control': 'no-store' } });
});
