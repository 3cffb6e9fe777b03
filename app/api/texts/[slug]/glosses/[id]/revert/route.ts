import { z } from 'zod';
import { authorizeEdit } from '@/lib/auth/request';
import { editResponse, readJsonBody } from '@/lib/http';
import { revertGloss } from '@/lib/library/edit';
import { revalidateText } from '@/lib/library/revalidate';

const bodySchema = z.object({ to: z.string().max(64), baseRevision: z.string().max(64) });

/** `POST /api/texts/<slug>/glosses/<id>/revert` with `{ to: <revision>, baseRevision }`: puts an earlier version back. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const access = authorizeEdit(request);
  if (!access.ok) return Response.json({ error: access.error }, { status: access.status });
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const body = bodySchema.safeParse(read.body);
  if (!body.success) return Response.json({ error: 'Expected { to, baseRevision }' }, { status: 422 });
  const { slug, id } = await params;
  const result = await revertGloss({ slug, id, editor: access.editor, ...body.data });
  if (result.ok) revalidateText(slug, id);
  return editResponse(result);
}
