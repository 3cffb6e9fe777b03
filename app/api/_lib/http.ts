import 'server-only';
import type { z } from 'zod';
import { conflictResponse, glossChangeResponse, glossStatusSchema, storeFailureResponse } from '@/lib/api/contract';
import { permits, type Action } from '@/lib/auth/permissions';
import { authorize, grantOf, type AccessRefusal, type EditAccess } from '@/lib/auth/request';
import { TITLE_KEY } from '@/lib/gloss/types';
import type { EditResult } from '@/lib/library/edit';
import { realignBlockInBackground } from '@/lib/library/alignment';
import { targetLanguageName, type TargetLanguage } from '@/lib/i18n/target-language';
import { readConflicts } from '@/lib/store/conflicts';
import { textHasLanguage } from '@/lib/store/languages';
import { isSlug } from '@/lib/store/sources';
import { isBlockId } from '@/lib/text/hash';
import { parseJsonBody } from './body';
import { languageQuery } from './query';
import { errorJson, json, withErrors } from './respond';

export { MAX_JSON_BODY_BYTES as MAX_BODY_BYTES } from './body';

const statusOf = { 'not-found': 404, invalid: 422, 'too-long': 413, 'broken-file': 409, conflict: 409 } as const;

/** A write the store could not make: 507 for a full disk, 503 while the store cannot be written. */
const storeStatusOf = { 'disk-full': 507, unwritable: 503, symlink: 503, busy: 503, failed: 500 } as const;

/** The HTTP response for the outcome of an edit. */
export function editResponse(result: EditResult): Response {
  if (result.ok) {
    const status = glossStatusSchema.parse(result.status);
    return json(glossChangeResponse, { text: result.text, revision: result.revision, status });
  }
  if (result.kind === 'conflict')
    return json(conflictResponse, { error: result.error, current: result.current }, { status: 409 });
  if (result.kind === 'store')
    return json(storeFailureResponse, { error: result.error, reason: result.reason }, { status: storeStatusOf[result.reason] });
  return errorJson(result.error, statusOf[result.kind]);
}

/** Whether a URL's slug can name a text; checked before any path is built from it. */
export function isTextSlug(slug: string): boolean {
  return isSlug(slug);
}

/** Whether a URL's id can name a gloss: a block id or the title. */
export function isGlossKey(id: string): boolean {
  return id === TITLE_KEY || isBlockId(id);
}

export const noSuchText = () => errorJson('No such text', 404);

const refusalStatus: Record<AccessRefusal, number> = {
  'signed-out': 401,
  forbidden: 403,
  invalid: 422,
  'too-many-attempts': 429,
};

/** The answer to a refused edit: its status and message, with Retry-After on a 429. */
export function accessRefused(access: EditAccess & { ok: false }): Response {
  const retry = access.retryAfterSeconds;
  return errorJson(access.error, refusalStatus[access.kind], retry ? { headers: { 'Retry-After': String(retry) } } : undefined);
}

/**
 * The target language a request asks for (`?lang=`, English by default) for a text known to
 * exist: 400 with the reason for a tag that is not one, 404 for a language the text does not
 * have. `given` says whether `?lang=` was there (answers without it keep their old shape).
 */
export async function requestedLanguage(
  request: Request,
  slug: string,
): Promise<{ ok: true; lang: TargetLanguage; given: boolean } | { ok: false; response: Response }> {
  const query = languageQuery(new URL(request.url));
  if (!query.ok) return { ok: false, response: errorJson(query.error, 400) };
  if (!(await textHasLanguage(slug, query.lang)))
    return {
      ok: false,
      response: errorJson(`This text has no ${targetLanguageName(query.lang)} (${query.lang}) translation`, 404),
    };
  return query;
}

type GlossParams = { params: Promise<{ slug: string; id: string }> };

/**
 * A route handler for one kind of gloss change: refuses a slug or id that cannot exist (404)
 * and a bad `?lang=` (400; a language the text lacks is 404) before anything touches a path,
 * checks the permission for `action` (lib/auth/permissions.ts; a function of the body when the
 * body decides what is asked), reads and validates the JSON body against
 * its contract schema (`usage` says what was expected), runs the change and, when it succeeded,
 * has the pages that show the text regenerated. A save or revert of a paragraph in conflict (git
 * sync) needs `resolve-conflict` too (403). An unexpected failure answers 500 with a message.
 */
export function glossChangeHandler<S extends z.ZodType>(
  action: Action | ((body: z.output<S>) => Action),
  schema: S,
  usage: string,
  change: (input: {
    slug: string;
    id: string;
    lang: TargetLanguage;
    editor: string;
    body: z.output<S>;
  }) => Promise<EditResult | Response>,
) {
  return withErrors(async (request: Request, { params }: GlossParams): Promise<Response> => {
    const { slug, id } = await params;
    if (!isTextSlug(slug)) return noSuchText();
    if (!isGlossKey(id)) return errorJson('No such paragraph in this text', 404);
    const language = await requestedLanguage(request, slug);
    if (!language.ok) return language.response;
    const target = { text: slug, lang: language.lang };
    const access = await authorize(request, typeof action === 'string' ? action : 'edit-gloss', target);
    if (!access.ok) return accessRefused(access);
    const body = await parseJsonBody(request, schema, usage);
    if (!body.ok) return body.response;
    // A save or revert of a paragraph in conflict (git sync) resolves it: a reviewer's choice.
    if ((action === 'edit-gloss' || action === 'revert-gloss') && (await inConflict(slug, language.lang, id))) {
      const permission = permits(grantOf(access.viewer), 'resolve-conflict', target);
      if (!permission.ok)
        return errorJson(
          `This paragraph was changed on two servers; resolving it needs a ${permission.missing.replace(/ needed$/, '')} (${access.editor} is a ${access.viewer.role})`,
          403,
        );
    }
    if (typeof action === 'function') {
      // What the body asks for may need more than editing (marking reviewed needs a reviewer).
      const permission = permits(grantOf(access.viewer), action(body.data), target);
      if (!permission.ok) return errorJson(`${permission.missing} (${access.editor} is a ${access.viewer.role})`, 403);
    }
    const result = await change({ slug, id, lang: language.lang, editor: access.editor, body: body.data });
    if (result instanceof Response) return result;
    // The paragraph's sentence alignment follows its new text (kept links of unchanged sentences).
    if (result.ok) realignBlockInBackground(slug, language.lang, id);
    return editResponse(result);
  });
}

/** Whether a gloss is in conflict (changed differently on two servers); an unreadable conflict file counts as none. */
async function inConflict(slug: string, lang: TargetLanguage, id: string): Promise<boolean> {
  const conflicts = await readConflicts(slug, lang).catch(() => ({}));
  return Object.hasOwn(conflicts, id);
}
