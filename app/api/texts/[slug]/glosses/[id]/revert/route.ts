import { revertRequest } from '@/lib/api/contract';
import { revertGloss } from '@/lib/library/edit';
import { glossChangeHandler } from '@/app/api/_lib/http';

/**
 * `POST /api/texts/<slug>/glosses/<id>/revert` with `{ to: <revision>, baseRevision }`: puts an
 * earlier version back. A slug or id that cannot exist is a 404 before any path is built from it.
 */
export const POST = glossChangeHandler(
  'revert-gloss',
  revertRequest,
  '{ to, baseRevision }',
  ({ slug, id, lang, editor, body }) => revertGloss({ slug, id, lang, editor, ...body }),
);
