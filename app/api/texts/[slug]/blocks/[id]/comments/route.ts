import { commentListResponse, commentRequest } from '@/lib/api/comment-contract';
import { authorize } from '@/lib/auth/request';
import { listComments, postComment } from '@/lib/library/comments';
import { parseJsonBody } from '@/app/api/_lib/body';
import { commentAnswer, commentsReadable } from '@/app/api/_lib/comments';
import { accessRefused, isGlossKey, isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ slug: string; id: string }> };

/** The text, paragraph and language of a request, or the answer refusing them (404, 400). */
async function located(request: Request, params: Params['params']) {
  const { slug, id } = await params;
  if (!isTextSlug(slug)) return { ok: false as const, response: noSuchText() };
  if (!isGlossKey(id)) return { ok: false as const, response: errorJson('No such paragraph in this text', 404) };
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language;
  return { ok: true as const, slug, id, lang: language.lang };
}

/**
 * `GET /api/texts/<slug>/blocks/<id>/comments?lang=`: `{ comments }`, oldest first, each quote
 * anchored to the paragraph as it is now; signed in, or anyone when the text has public discussion.
 */
export const GET = withErrors(async (request: Request, { params }: Params) => {
  const where = await located(request, params);
  if (!where.ok) return where.response;
  const hidden = await commentsReadable(request, where.slug);
  if (hidden) return hidden;
  const result = await listComments(where);
  if (!result.ok) return errorJson(result.error, result.kind === 'not-found' ? 404 : 409);
  return json(commentListResponse, { comments: result.comments }, { headers: { 'Cache-Control': 'no-store' } });
});

/**
 * `POST /api/texts/<slug>/blocks/<id>/comments?lang=` with `{ body, quote?, replyTo? }` (signed-in
 * readers and above): 201 `{ comment }`; 422 for an empty or too long body, a quote not in the
 * paragraph, or a replyTo that names no comment of it.
 */
export const POST = withErrors(async (request: Request, { params }: Params) => {
  const where = await located(request, params);
  if (!where.ok) return where.response;
  const access = await authorize(request, 'comment', { text: where.slug, lang: where.lang });
  if (!access.ok) return accessRefused(access);
  const body = await parseJsonBody(request, commentRequest, '{ body, quote?, replyTo? }');
  if (!body.ok) return body.response;
  const { quote, replyTo } = body.data;
  const result = await postComment({
    ...where,
    author: access.editor,
    body: body.data.body,
    ...(quote !== undefined ? { quote } : {}),
    ...(replyTo !== undefined ? { replyTo } : {}),
  });
  return commentAnswer(result, true);
});
