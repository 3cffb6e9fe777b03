import 'server-only';
import type { z } from 'zod';
import { suggestionResponse } from '@/lib/api/suggestion-contract';
import type { Action } from '@/lib/auth/permissions';
import { authorize } from '@/lib/auth/request';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import type { SuggestionResult } from '@/lib/library/suggestions';
import { parseJsonBody } from './body';
import { accessRefused, isGlossKey, isTextSlug, noSuchText, requestedLanguage } from './http';
import { errorJson, json, withErrors } from './respond';

const statusOf = { 'not-found': 404, invalid: 422, 'too-long': 413, 'broken-file': 409, conflict: 409 } as const;
const storeStatusOf = { 'disk-full': 507, unwritable: 503, symlink: 503, busy: 503, failed: 500 } as const;

/** The HTTP answer for a suggestion change: the stored suggestion, or the refusal with its reason. */
export function suggestionAnswer(result: SuggestionResult, created = false): Response {
  if (result.ok) return json(suggestionResponse, { suggestion: result.suggestion }, { status: created ? 201 : 200 });
  if (result.kind === 'store') return errorJson(result.error, storeStatusOf[result.reason]);
  if (result.kind === 'conflict' && 'current' in result)
    return Response.json({ error: result.error, current: result.current }, { status: 409 });
  return errorJson(result.error, statusOf[result.kind]);
}

type Params = { params: Promise<{ slug: string; id: string; sid?: string }> };

/**
 * A route handler for a suggestion change: 404 for a slug, id or sid that cannot exist, 400/404
 * for `?lang=`, the permission for `action` (403 naming what is missing), the JSON body checked
 * against its schema, then the change.
 */
export function suggestionHandler<S extends z.ZodType>(
  action: Action,
  schema: S,
  usage: string,
  change: (input: {
    slug: string;
    id: string;
    sid: string;
    lang: TargetLanguage;
    who: string;
    body: z.output<S>;
  }) => Promise<Response>,
) {
  return withErrors(async (request: Request, { params }: Params): Promise<Response> => {
    const { slug, id, sid = '' } = await params;
    if (!isTextSlug(slug)) return noSuchText();
    if (!isGlossKey(id)) return errorJson('No such paragraph in this text', 404);
    if (sid !== '' && !/^[A-Za-z0-9_-]{1,32}$/.test(sid)) return errorJson('No such suggestion for this paragraph', 404);
    const language = await requestedLanguage(request, slug);
    if (!language.ok) return language.response;
    const access = await authorize(request, action, { text: slug, lang: language.lang });
    if (!access.ok) return accessRefused(access);
    const body = await parseJsonBody(request, schema, usage);
    if (!body.ok) return body.response;
    return change({ slug, id, sid, lang: language.lang, who: access.editor, body: body.data });
  });
}
