import { setStatusRequest } from '@/lib/api/contract';
import { setGlossStatus } from '@/lib/library/edit';
import { glossChangeHandler } from '@/app/api/_lib/http';

/** `PUT /api/texts/<slug>/glosses/<id>/status` with `{ status: 'reviewed' | 'draft', baseRevision }`. */
export const PUT = glossChangeHandler(
  (body) => (body.status === 'reviewed' ? 'mark-reviewed' : 'edit-gloss'),
  setStatusRequest,
  '{ status: "reviewed" | "draft", baseRevision }',
  ({ slug, id, lang, editor, body }) => setGlossStatus({ slug, id, lang, editor, ...body }),
);
