import { putTermRequest, removeRequest } from '@/lib/api/annotation-contract';
import { putTerm, removeTerm } from '@/lib/library/glossary-edit';
import { annotationAnswer, textAnnotationHandler } from '@/app/api/_lib/annotations';

export const dynamic = 'force-dynamic';

/**
 * `PUT /api/texts/<slug>/glossary/<term>?lang=` with `{ en: [...], forbidden?, note?, doNotTranslate?, baseRevision? }`:
 * `{ entry }` in the text's own glossary; a new term takes no baseRevision, a change needs it (409 otherwise).
 */
export const PUT = textAnnotationHandler(
  'edit-glossary',
  putTermRequest,
  '{ en: [...], forbidden?: [...], note? }',
  async ({ slug, lang, editor, params, body }) => {
    const { baseRevision, ...input } = body;
    return annotationAnswer(await putTerm({ slug, lang, editor, term: params.term ?? '', input, baseRevision }), 'entry');
  },
);

/** `DELETE /api/texts/<slug>/glossary/<term>?lang=` with `{ baseRevision }`: the entry as it was. */
export const DELETE = textAnnotationHandler(
  'edit-glossary',
  removeRequest,
  '{ baseRevision }',
  async ({ slug, lang, editor, params, body }) =>
    annotationAnswer(await removeTerm({ slug, lang, editor, term: params.term ?? '', baseRevision: body.baseRevision }), 'entry'),
);
