import { permits } from '@/lib/auth/permissions';
import { grantOf, viewerOf } from '@/lib/auth/request';
import { getWorkQueue } from '@/lib/library/activity';
import { isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { queryValue } from '@/app/api/_lib/query';
import { errorJson, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/queue?text=<slug>&lang=`: the viewer's work queue on a text's language. A reviewer
 * (or admin) gets `{ pendingSuggestions: [sid], pendingParagraphs: [id], needsReview: [id] }` (the
 * paragraph of each pending suggestion in the same order), a translator
 * `{ untranslated: [id], stale: [id] }` in their languages; 403 naming what is missing otherwise.
 */
export const GET = withErrors(async (request: Request) => {
  const viewer = await viewerOf(request);
  if (!viewer) return errorJson('Sign in to see your work queue', 401);
  const text = queryValue(new URL(request.url), 'text');
  if (text === undefined) return errorJson('Name a text: ?text=<slug>', 400);
  if (!isTextSlug(text)) return noSuchText();
  const language = await requestedLanguage(request, text);
  if (!language.ok) return language.response;
  const target = { text, lang: language.lang };
  const grant = grantOf(viewer);
  const reviewer = permits(grant, 'accept-suggestion', target).ok;
  const translator = permits(grant, 'edit-gloss', target);
  if (!reviewer && !translator.ok) return errorJson(`${translator.missing} (${viewer.name} is a ${viewer.role})`, 403);
  const queue = await getWorkQueue(text, language.lang, reviewer ? 'reviewer' : 'translator');
  if (!queue) return noSuchText();
  const body = reviewer
    ? {
        role: 'reviewer',
        pendingSuggestions: queue.pendingSuggestions,
        pendingParagraphs: queue.pendingParagraphs,
        needsReview: queue.needsReview,
      }
    : { role: 'translator', untranslated: queue.untranslated, stale: queue.stale };
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
});
