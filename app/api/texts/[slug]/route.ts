import { exportText } from '@/lib/library/export';
import { loadText } from '@/lib/library/load';

export const dynamic = 'force-dynamic';

/** `GET /api/texts/<slug>`: the text with every block's Chinese, English and status. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const loaded = await loadText(slug);
  if (!loaded) return Response.json({ error: "No such text" }, { status: 404 });
  if (!loaded.ok) return Response.json({ error: loaded.broken.error }, { status: 500 });
  return Response.json(exportText(loaded.text));
}
