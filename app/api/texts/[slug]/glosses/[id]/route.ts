import { z } from 'zod';
import { glossChangeHandler } from '@/app/api/_lib/http';
import { saveGloss } from '@/lib/library/edit';

const bodySchema = z.object({ text: z.string(), baseRevision: z.string().max(64), clear: z.boolean().optional() });

/**
 * `PUT /api/texts/<slug>/glosses/<id>` with `{ text, baseRevision, clear? }`: 200 `{ revision }`;
 * 409 `{ current: { text, revision } }` when the gloss changed since `baseRevision`; 401, 403,
 * 404, 413, 422 `{ error }`.
 */
export const PUT = glossChangeHandler(bodySchema, '{ text, baseRevision }', ({ slug, id, editor, body }) =>
  saveGloss({ slug, id, editor, ...body }),
);
