import { z } from 'zod';
import { glossChangeHandler } from '@/app/api/_lib/http';
import { revertGloss } from '@/lib/library/edit';

const bodySchema = z.object({ to: z.string().max(64), baseRevision: z.string().max(64) });

/** `POST /api/texts/<slug>/glosses/<id>/revert` with `{ to: <revision>, baseRevision }`: puts an earlier version back. */
export const POST = glossChangeHandler(bodySchema, '{ to, baseRevision }', ({ slug, id, editor, body }) =>
  revertGloss({ slug, id, editor, ...body }),
);
