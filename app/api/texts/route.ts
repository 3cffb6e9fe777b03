import { summarizeText } from '@/lib/library/export';
import { loadLibrary } from '@/lib/library/load';

export const dynamic = 'force-dynamic';

/** `GET /api/texts`: `[{ slug, title: { zh, en }, progress: { glossed, total } }]`; unreadable texts are left out. */
export async function GET() {
  const texts = await loadLibrary();
  return Response.json(texts.flatMap((entry) => (entry.ok ? [summarizeText(entry.text)] : [])));
}
