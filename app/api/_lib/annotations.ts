import 'server-only';
import type { z } from 'zod';
import { readJson, MAX_JSON_BODY_BYTES } from '@/lib/api/body';
import type { Action } from '@/lib/auth/permissions';
import { authorize } from '@/lib/auth/request';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import type { AnnotationResult } from '@/lib/library/annotation-result';
import { findSource } from '@/lib/store/sources';
import { accessRefused, isTextSlug, noSuchText, requestedLanguage } from './http';
import { errorJson, withErrors } from './respond';

const storeStatusOf = { 'disk-full': 507, unwritable: 503, symlink: 503, busy: 503, failed: 500 } as const;

/**
 * The answer to a note, glossary or word-list change: `{ [name]: stored }` (201 when made), 400
 * for bad input with the reason, 404, 409 `{ error, current }` on a stale revision, 503/507 when
 * the store cannot write.
 */
export function annotationAnswer<T>(result: AnnotationResult<T>, name: string, created = false): Response {
  if (result.ok) return Response.json({ [name]: result.value }, { status: created ? 201 : 200 });
  if (result.kind === 'conflict') return Response.json({ error: result.error, current: result.current }, { status: 409 });
  if (result.kind === 'store') return errorJson(result.error, storeStatusOf[result.reason]);
  return errorJson(result.error, result.kind === 'not-found' ? 404 : 400);
}

/**
 * A JSON body checked against its contract schema: 413 when too large, 400 `{ error }` naming
 * what was expected when it is not JSON or not that shape. A DELETE may give `baseRevision` in
 * the query instead of a body.
 */
export async function annotationBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  usage: string,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const fromQuery = new URL(request.url).searchParams.get('baseRevision');
  if (request.method === 'DELETE' && fromQuery !== null) {
    const parsed = schema.safeParse({ baseRevision: fromQuery });
    if (parsed.success) return { ok: true, data: parsed.data };
  }
  const read = await readJson(request, MAX_JSON_BODY_BYTES);
  if (!read.ok)
    return {
      ok: false,
      response: errorJson(
        read.kind === 'too-large' ? read.error : `Expected a JSON body ${usage}`,
        read.kind === 'too-large' ? 413 : 400,
      ),
    };
  const parsed = schema.safeParse(read.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : '';
    return { ok: false, response: errorJson(`Expected ${usage}${where}`, 400) };
  }
  return { ok: true, data: parsed.data };
}

type TextParams = { params: Promise<Record<string, string>> };

/**
 * A route handler for a change to a text's notes, glossary or word list: 404 for a slug that
 * cannot be a text, 400/404 for `?lang=` (English when absent), the permission for `action` on
 * the text in that language (401/403 naming what is missing; the origin is checked as for
 * saves), the JSON body checked against its schema (400, 413), then the change.
 */
export function textAnnotationHandler<S extends z.ZodType>(
  action: Action,
  schema: S,
  usage: string,
  change: (input: {
    slug: string;
    lang: TargetLanguage;
    editor: string;
    params: Record<string, string>;
    body: z.output<S>;
  }) => Promise<Response>,
) {
  return withErrors(async (request: Request, { params }: TextParams): Promise<Response> => {
    const all = await params;
    const slug = all.slug ?? '';
    if (!isTextSlug(slug) || !(await findSource(slug))) return noSuchText();
    const language = await requestedLanguage(request, slug);
    if (!language.ok) return language.response;
    const access = await authorize(request, action, { text: slug, lang: language.lang });
    if (!access.ok) return accessRefused(access);
    const body = await annotationBody(request, schema, usage);
    if (!body.ok) return body.response;
    return change({ slug, lang: language.lang, editor: access.editor, params: all, body: body.data });
  });
}
