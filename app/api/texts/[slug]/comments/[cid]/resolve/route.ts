import { resolveRequest } from '@/lib/api/comment-contract';
import { permits } from '@/lib/auth/permissions';
import { authorize, grantOf } from '@/lib/auth/request';
import { resolveComment } from '@/lib/library/comments';
import { parseJsonBody } from '@/app/api/_lib/body';
import { commentAnswer } from '@/app/api/_lib/comments';
import { accessRefused, isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { errorJson, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/texts/<slug>/comments/<cid>/resolve?lang=` with `{ reopen?, revision? }`: resolves
 * the thread, or with `reopen: true` reopens it; reviewers and the thread's author (403
 * otherwise). `{ comment }`; 409 `{ error, current }` when `revision` is not the thread's current one
 * or it is already in the state asked for.
 */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string; cid: string }> }) => {
  const { slug, cid } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(cid)) return errorJson('No such comment on this text', 404);
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  const target = { text: slug, lang: language.lang };
  const access = await authorize(request, 'comment', target);
  if (!access.ok) return accessRefused(access);
  const body = await parseJsonBody(request, resolveRequest, '{ reopen?: true | false, revision? }');
  if (!body.ok) return body.response;
  const result = await resolveComment({
    ...{ slug, lang: language.lang, cid, who: access.editor },
    moderator: permits(grantOf(access.viewer), 'resolve-comment', target).ok,
    reopen: body.data.reopen === true,
    ...(body.data.revision !== undefined ? { revision: body.data.revision } : {}),
  });
  if (!result.ok && result.kind === 'forbidden')
    return errorJson(`${result.error} (${access.editor} is a ${access.viewer.role})`, 403);
  return commentAnswer(result);
});
