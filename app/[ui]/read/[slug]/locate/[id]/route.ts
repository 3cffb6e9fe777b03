import { loadText } from '@/lib/library/load';
import { sectionPath } from '@/lib/reading/permalink';
import { locateBlock, textSections } from '@/lib/reading/sections';
import { isBlockId } from '@/lib/text/hash';

/**
 * Where `#<id>` of a text is: `{ id, path }`, the live block (a retired id's successor) and its
 * section's path, for the reading page's locator script; 404 `{ error }` when there is none.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const headers = { 'Cache-Control': 'public, max-age=0, s-maxage=30, stale-while-revalidate=300' };
  const loaded = isBlockId(id) ? await loadText(slug) : undefined;
  const target = loaded?.ok ? locateBlock(loaded.text, id) : undefined;
  if (!loaded?.ok || !target) return Response.json({ error: 'No such block in this text' }, { status: 404, headers });
  return Response.json({ id: target.id, path: sectionPath(slug, textSections(loaded.text), target.section) }, { headers });
}
