import { annotateText } from '@/lib/annotate/annotate';
import { exportAnnotatedText } from '@/lib/annotate/export';
import { exportText } from '@/lib/library/export';
import { loadText } from '@/lib/library/load';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>`: the text with every block's Chinese, English and status;
 * `?annotations=1` adds tokens, notes, terms and the dictionary of the words used.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const loaded = await loadText(slug);
  if (!loaded) return Response.json({ error: "No such text" }, { status: 404 });
  if (!loaded.ok) return Response.json({ error: loaded.broken.error }, { status: 500 });
  const withAnnotations = new URL(request.url).searchParams.get('annotations') === '1';
  if (!withAnnotations) return Response.json(exportText(loaded.text));
  return Response.json(exportAnnotatedText(loaded.text, await annotateText(loaded.text)));
}
