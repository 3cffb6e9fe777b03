import { viewerOf } from '@/lib/auth/request';
import { searchLibrary } from '@/lib/search/library-search';
import { readSearchRequest } from '@/lib/search/request';
import { withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/search?q=&text=&status=&field=zh|en|pinyin&tl=&lang=&limit=&cursor=`:
 * `{ total, results: [{ slug, id, type, zh, en, status, glosses?, matchedIn, highlights: { zh, en, glosses? } }], next, leftOut?, indexing? }`;
 * `tl` names the target languages searched (as on a reading page, at most three; English alone
 * by default), `lang` narrows to one; `field=en` means the translations. A paragraph matching in
 * several languages is one result; `matchedIn` names them, `glosses` holds the other languages'
 * text by tag (`en` stays the English).
 * `leftOut: [{ slug, reason }]` names the texts the search could not take in (unreadable, or
 * too large for the server's memory); `indexing: [slug]` the texts still being indexed (a book
 * just added), whose results may be missing: the search answered from what was indexed.
 * A bad parameter is a 400 with the reason; a status filter from a reader is a 403; an
 * unexpected failure a 500 with `{ error }`.
 */
export const GET = withErrors(async (request: Request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const role = (await viewerOf(request))?.role;
  const editor = role !== undefined && role !== 'reader';
  const read = readSearchRequest(params, { editor });
  if (!read.ok) return Response.json({ error: read.error }, { status: read.status, headers: { 'Cache-Control': 'no-store' } });
  const found = await searchLibrary(read.request);
  if (!found.ok) return Response.json({ error: found.error }, { status: found.status, headers: { 'Cache-Control': 'no-store' } });
  const { total, results, next, leftOut, indexing } = found;
  return Response.json(
    { total, results, next, ...(leftOut.length > 0 ? { leftOut } : {}), ...(indexing.length > 0 ? { indexing } : {}) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
