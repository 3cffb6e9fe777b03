import { viewerOf } from '@/lib/auth/request';
import { ACTIVITY_KINDS, type ActivityKind } from '@/lib/gloss/activity';
import { getActivity } from '@/lib/library/activity';
import { findSource } from '@/lib/store/sources';
import { isTextSlug, requestedLanguage } from '@/app/api/_lib/http';
import { queryValue } from '@/app/api/_lib/query';
import { errorJson, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/activity?text=&user=&kind=&only=mine|outcomes&lang=&cursor=` for anyone signed in:
 * `{ items: [{ time, kind, user, text, lang, id, detail?, sid?, suggester? }], next? }`, newest
 * first, from the gloss history and the suggestions. `only=outcomes`: what happened to my suggestions.
 */
export const GET = withErrors(async (request: Request) => {
  const viewer = await viewerOf(request);
  if (!viewer) return errorJson('Sign in to see the activity', 401);
  const url = new URL(request.url);
  const text = queryValue(url, 'text');
  const kind = queryValue(url, 'kind');
  const only = queryValue(url, 'only');
  const user = queryValue(url, 'user');
  const cursor = queryValue(url, 'cursor');
  if (kind !== undefined && !(ACTIVITY_KINDS as readonly string[]).includes(kind))
    return errorJson(`kind must be one of ${ACTIVITY_KINDS.join(', ')}`, 400);
  if (only !== undefined && only !== 'mine' && only !== 'outcomes') return errorJson('only must be mine or outcomes', 400);
  if (text !== undefined && (!isTextSlug(text) || !(await findSource(text)))) return errorJson('No such text', 404);
  let lang: string | undefined;
  if (url.searchParams.has('lang')) {
    if (text === undefined) return errorJson('lang needs text', 400);
    const language = await requestedLanguage(request, text);
    if (!language.ok) return language.response;
    lang = language.lang;
  }
  const page = await getActivity({
    viewer: viewer.name,
    ...(text !== undefined ? { text } : {}),
    ...(lang !== undefined ? { lang } : {}),
    ...(kind !== undefined ? { kind: kind as ActivityKind } : {}),
    ...(only !== undefined ? { only } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(cursor !== undefined ? { cursor } : {}),
  });
  return Response.json(page, { headers: { 'Cache-Control': 'no-store' } });
});
