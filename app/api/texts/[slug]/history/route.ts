import { glossHistory } from '@/lib/library/edit';
import { loadText } from '@/lib/library/load';

export const dynamic = 'force-dynamic';

/** `GET /api/texts/<slug>/history?id=<id>`: `{ entries: [{ time, editor, id, kind, before, after, revision }] }`, oldest first. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await loadText(slug))) return Response.json({ error: 'No such text' }, { status: 404 });
  const id = new URL(request.url).searchParams.get('id') ?? undefined;
  return Response.json({ entries: await glossHistory(slug, id) });
}
