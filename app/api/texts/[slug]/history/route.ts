import { glossRevision } from '@/lib/gloss/validate';
import { glossHistory } from '@/lib/library/edit';
import { loadText } from '@/lib/library/load';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>/history?id=<id>`: `{ entries: [{ time, editor, id, kind, before, after,
 * revision, beforeRevision? }] }`, oldest first; `beforeRevision` (on gloss changes) lets a client
 * revert to the text before the change.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await loadText(slug))) return Response.json({ error: 'No such text' }, { status: 404 });
  const id = new URL(request.url).searchParams.get('id') ?? undefined;
  const entries = (await glossHistory(slug, id)).map((entry) =>
    entry.kind === 'gloss' ? { ...entry, beforeRevision: glossRevision(entry.before ?? undefined) } : entry,
  );
  return Response.json({ entries });
}
