import { z } from 'zod';
import { authorizeEdit } from '@/lib/auth/request';
import { editResponse, readJsonBody } from '@/lib/http';
import { saveGloss } from '@/lib/library/edit';
import { revalidateText } from '@/lib/library/revalidate';

const bodySchema = z.object({ text: z.string(), baseRevision: z.string().max(64), clear: z.boolean().optional() });

/**
 * `PUT /api/texts/<slug>/glosses/<id>` with `{ text, baseRevision, clear? }`: 200 `{ revision }`;
 * 409 `{ current: { text, revision } }` when the gloss changed since `baseRevision`; 401, 403,
 * 404, 413, 422 `{ error }`.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const access = authorizeEdit(request);
  if (!access.ok) return Response.json({ error: access.error }, { status: access.status });
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const body = bodySchema.safeParse(read.body);
  if (!body.success) return Response.json({ error: 'Expected { text, baseRevision }' }, { status: 422 });
  const { slug, id } = await params;
  const result = await saveGloss({ slug, id, editor: access.editor, ...body.data });
  if (result.ok) revalidateText(slug, id);
  return editResponse(result);
}
