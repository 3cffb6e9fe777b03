import { putTermRequest, removeRequest } from '@/lib/api/annotation-contract';
import { authorize } from '@/lib/auth/request';
import { putTerm, removeTerm } from '@/lib/library/glossary-edit';
import { annotationAnswer, annotationBody } from '@/app/api/_lib/annotations';
import { accessRefused } from '@/app/api/_lib/http';
import { languageQuery } from '@/app/api/_lib/query';
import { errorJson, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ term: string }> };

/** The shared glossary's routes: `?lang=` (English when absent), admins only (`edit-shared-glossary`). */
function sharedHandler(change: (request: Request, term: string, lang: string, editor: string) => Promise<Response>) {
  return withErrors(async (request: Request, { params }: Params) => {
    const { term } = await params;
    const language = languageQuery(new URL(request.url));
    if (!language.ok) return errorJson(language.error, 400);
    const access = await authorize(request, 'edit-shared-glossary', { lang: language.lang });
    if (!access.ok) return accessRefused(access);
    return change(request, term, language.lang, access.editor);
  });
}

/** `PUT /api/glossary/<term>?lang=` with `{ en: [...], forbidden?, note?, baseRevision? }`: `{ entry }` in the shared glossary. */
export const PUT = sharedHandler(async (request, term, lang, editor) => {
  const body = await annotationBody(request, putTermRequest, '{ en: [...], forbidden?: [...], note? }');
  if (!body.ok) return body.response;
  const { baseRevision, ...input } = body.data;
  return annotationAnswer(await putTerm({ lang, editor, term, input, baseRevision }), 'entry');
});

/** `DELETE /api/glossary/<term>?lang=` with `{ baseRevision }`: the entry as it was. */
export const DELETE = sharedHandler(async (request, term, lang, editor) => {
  const body = await annotationBody(request, removeRequest, '{ baseRevision }');
  if (!body.ok) return body.response;
  return annotationAnswer(await removeTerm({ lang, editor, term, baseRevision: body.data.baseRevision }), 'entry');
});
