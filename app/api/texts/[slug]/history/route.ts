import { historyResponse } from '@/lib/api/contract';
import { glossRevision } from '@/lib/gloss/validate';
import { glossHistory } from '@/lib/library/edit';
import { loadText } from '@/lib/library/load';
import { isGlossKey, isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>/history?id=<id>`: `{ entries: [{ time, editor, id, kind, before, after,
 * revision, beforeRevision? }] }`, oldest first; `beforeRevision` (on gloss changes) lets a client
 * revert to the text before the change. `?lang=<tag>`: the history of that language's glosses.
 */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isTextSlug(slug) || !(await loadText(slug))) return noSuchText();
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  const id = new URL(request.url).searchParams.get('id') ?? undefined;
  if (id !== undefined && !isGlossKey(id)) return errorJson('No such paragraph in this text', 404);
  const entries = (await glossHistory(slug, id, language.lang)).map((entry) =>
    entry.kind === 'gloss' ? { ...entry, beforeRevision: glossRevision(entry.before ?? undefined) } : entry,
  );
  return json(historyResponse, { entries });
});
