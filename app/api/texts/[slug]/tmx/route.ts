import { exportTmx } from '@/lib/library-exchange/exchange-export';
import { isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { languageSuffix, queryFlag } from '@/app/api/_lib/query';
import { errorJson, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>/tmx?drafts=1&lang=fr`: a TMX 1.4 memory of the text's reviewed (and
 * draft) pairs in one target language (English by default), as a download.
 */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  const result = await exportTmx(slug, { withDrafts: queryFlag(new URL(request.url), 'drafts'), lang: language.lang });
  if (!result.ok) return errorJson(result.error, result.kind === 'not-found' ? 404 : 409);
  return new Response(result.xml, {
    headers: {
      'content-type': 'application/x-tmx+xml; charset=utf-8',
      'content-disposition': `attachment; filename="${slug}${languageSuffix(language.lang)}.tmx"`,
      'cache-control': 'no-store',
    },
  });
});
