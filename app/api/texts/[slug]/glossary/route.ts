import { glossaryResponse } from '@/lib/api/annotation-contract';
import { textGlossary } from '@/lib/library/glossary-edit';
import { isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>/glossary?lang=`: `{ entries, findings }`, the shared and the text's own
 * entries (each with its source and revision) and the glossary lint run now on the text's glosses.
 */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  const glossary = await textGlossary(slug, language.lang);
  if (!glossary) return noSuchText();
  return json(glossaryResponse, glossary, { headers: { 'Cache-Control': 'no-store' } });
});
