import { permits } from '@/lib/auth/permissions';
import { grantOf, viewerOf } from '@/lib/auth/request';
import { memoryMatches } from '@/lib/memory/library-queries';
import { readMatchRequest } from '@/lib/memory/request';
import { withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * `GET /api/tm?text=<slug>&id=<block>&lang=<tag>`: the translation memory's best matches for a
 * paragraph, `{ matches: [{ score, zh, gloss, slug, id, status, origin, diff }], sentences, glossary }` (at
 * most 5, at least 50 % similar; `origin` is the text's title or the imported memory's name; `diff`
 * the spans of the match's Chinese that differ; `sentences` the matches of each of the paragraph's
 * sentences from aligned sentence pairs, `[{ zh: [start, end], matches: [{ unit: 'sentence', …, link, url }] }]`;
 * `glossary` the glossary entries the paragraph holds, `zh` its Chinese).
 * Who changed a match and when is given to those who may edit the paragraph's language. A bad parameter is a 400 with the reason, an
 * unknown paragraph a 404.
 */
export const GET = withErrors(async (request: Request) => {
  const read = readMatchRequest(Object.fromEntries(new URL(request.url).searchParams));
  if (!read.ok) return Response.json({ error: read.error }, { status: 400, headers: noStore });
  const viewer = await viewerOf(request);
  const { slug: text, lang } = read.request;
  const editor = viewer !== undefined && permits(grantOf(viewer), 'edit-gloss', { text, lang }).ok;
  const found = await memoryMatches(read.request, { editor });
  if (!found.ok)
    return Response.json({ error: found.error }, { status: found.kind === 'unknown-paragraph' ? 404 : 400, headers: noStore });
  return Response.json(
    { matches: found.matches, sentences: found.sentences, glossary: found.glossary, zh: found.zh },
    { headers: noStore },
  );
});
