import { saveGlossRequest } from '@/lib/api/contract';
import { saveGloss } from '@/lib/library/edit';
import { glossChangeHandler } from '@/app/api/_lib/http';

/**
 * `PUT /api/texts/<slug>/glosses/<id>` with `{ text, baseRevision, clear? }`: 200 `{ text, revision, status }`;
 * 409 `{ current: { text, revision } }` when the gloss changed since `baseRevision`; 401, 403,
 * 404, 413, 422, 429, 500 `{ error }`.
 */
export const PUT = glossChangeHandler(
  'edit-gloss',
  saveGlossRequest,
  '{ text, baseRevision }',
  ({ slug, id, lang, editor, body }) => saveGloss({ slug, id, lang, editor, ...body }),
);
