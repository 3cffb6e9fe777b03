import { z } from 'zod';
import { savedStatuses } from '@/lib/gloss/types';
import { glossChangeHandler } from '@/app/api/_lib/http';
import { setGlossStatus } from '@/lib/library/edit';

const bodySchema = z.object({ status: z.enum(savedStatuses), baseRevision: z.string().max(64) });

/** `PUT /api/texts/<slug>/glosses/<id>/status` with `{ status: 'reviewed' | 'draft', baseRevision }`. */
export const PUT = glossChangeHandler(bodySchema, '{ status: "reviewed" | "draft", baseRevision }', ({ slug, id, editor, body }) =>
  setGlossStatus({ slug, id, editor, ...body }),
);
