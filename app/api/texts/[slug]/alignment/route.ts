import { alignmentConflictResponse, alignmentResponse, saveAlignmentRequest } from '@/lib/api/alignment-contract';
import { getAlignment, saveAlignmentLinks, type AlignmentFailure } from '@/lib/library/alignment';
import { accessRefused, isGlossKey, isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { parseJsonBody } from '@/app/api/_lib/body';
import { queryValue } from '@/app/api/_lib/query';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';
import { authorize } from '@/lib/auth/request';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ slug: string }> };

const statusOf = { 'not-found': 404, broken: 409, invalid: 400 } as const;

function failure(result: AlignmentFailure): Response {
  return errorJson(result.error, statusOf[result.kind]);
}

/** `?id=` when given: a block id, else 404 before anything is read. */
function blockQuery(request: Request): { ok: true; id?: string } | { ok: false } {
  const id = queryValue(new URL(request.url), 'id');
  if (id === undefined) return { ok: true };
  return isGlossKey(id) ? { ok: true, id } : { ok: false };
}

/**
 * `GET /api/texts/<slug>/alignment?lang=<tag>[&id=<block>]`: `{ blocks: [{ id, revision, zh, gloss,
 * links }] }`, the sentences of each translated block (UTF-16 offsets) and their links. A block
 * whose text changed since it was aligned is aligned again first. 400 bad lang, 404, 409 unreadable text.
 */
export const GET = withErrors(async (request: Request, { params }: Params) => {
  const { slug } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  const block = blockQuery(request);
  if (!block.ok) return errorJson('No such paragraph in this text', 404);
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  const result = await getAlignment({ slug, lang: language.lang, ...(block.id ? { id: block.id } : {}) });
  if (!result.ok) return failure(result);
  return json(alignmentResponse, { blocks: result.blocks });
});

/**
 * `PUT /api/texts/<slug>/alignment?lang=<tag>&id=<block>` with `{ links, baseRevision }` by an
 * editor: 200 `{ blocks: [block] }`; 400 with the reason for links that do not cover each
 * sentence exactly once, in order; 409 `{ error, current }` when the block's alignment changed
 * since `baseRevision`; 401, 403, 404, 413, 422.
 */
export const PUT = withErrors(async (request: Request, { params }: Params) => {
  const { slug } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  const block = blockQuery(request);
  if (!block.ok) return errorJson('No such paragraph in this text', 404);
  if (!block.id) return errorJson('Name the paragraph: ?id=<block>', 400);
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  const access = await authorize(request, 'edit-gloss', { text: slug, lang: language.lang });
  if (!access.ok) return accessRefused(access);
  const body = await parseJsonBody(
    request,
    saveAlignmentRequest,
    '{ links: [{ zh: [i…], gloss: [j…], manual? }], baseRevision }',
  );
  if (!body.ok) return body.response;
  const result = await saveAlignmentLinks({ slug, lang: language.lang, id: block.id, ...body.data });
  if (result.ok) return json(alignmentResponse, { blocks: [result.block] });
  if (result.kind === 'conflict')
    return json(alignmentConflictResponse, { error: result.error, current: result.current }, { status: 409 });
  return failure(result);
});
