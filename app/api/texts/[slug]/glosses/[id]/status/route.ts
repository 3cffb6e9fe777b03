import { z } from 'zod';
import { authorizeEdit } from '@/lib/auth/request';
import { savedStatuses } from '@/lib/gloss/types';
import { editResponse, readJsonBody } from '@/lib/http';
import { setGlossStatus } from '@/lib/library/edit';
import { revalidateText } from '@/lib/library/revalidate';

const bodySchema = z.object({ status: z.enum(savedStatuses), baseRevision: z.string().max(64) });

/** `PUT /api/texts/<slug>/glosses/<id>/status` with `{ status: 'reviewed' | 'draft', baseRevision }`. */
export async function PUT(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const access = authorizeEdit(request);
  if (!access.ok) return Response.json({ error: access.error }, { status: access.status });
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const body = bodySchema.safeParse(read.body);
  if (!body.success) return Response.json({ error: 'Expected { status: "reviewed" | "draft", baseRevision }' }, { status: 422 });
  const { slug, id } = await params;
  const result = await setGlossStatus({ slug, id, editor: access.editor, ...body.data });
  if (result.ok) revalidateText(slug, id);
  return editResponse(result);
}
