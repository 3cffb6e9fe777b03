import { libraryConcordance } from '@/lib/memory/library-queries';
import { readConcordanceRequest } from '@/lib/memory/request';
import { withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * `GET /api/concordance?q=&lang=&limit=&cursor=`: every place a word or phrase (Chinese or English)
 * occurs in the library's translations, keyword in context:
 * `{ total, renderings: [{ text, count }], results: [{ slug, id, zh, gloss, highlights, rendering, url }], next }`.
 * A bad parameter is a 400 with the reason.
 */
export const GET = withErrors(async (request: Request) => {
  const read = readConcordanceRequest(Object.fromEntries(new URL(request.url).searchParams));
  if (!read.ok) return Response.json({ error: read.error }, { status: 400, headers: noStore });
  const { total, renderings, results, next } = await libraryConcordance(read.request);
  return Response.json({ total, renderings, results, next }, { headers: noStore });
});
