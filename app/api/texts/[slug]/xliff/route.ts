import { glossStatuses, type GlossStatus } from '@/lib/gloss/types';
import { exportXliff } from '@/lib/library-exchange/exchange-export';
import { languageSuffix, queryFlag, queryValue } from '@/app/api/_lib/query';
import { errorJson, withErrors } from '@/app/api/_lib/respond';
import { isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>/xliff?version=1.2|2.0&status=draft,stale&sourceInTarget=1&section=<name>&lang=fr`:
 * the text (or one section, named as in its URL or `s<n>`) as an XLIFF download (`<slug>.xlf`,
 * `<slug>-<section>.xlf`; `<slug>.fr.xlf` for another language than English), as
 * `npm run -s export -- <slug> --format xliff` writes it. A bad `lang` is 400, one the text lacks 404.
 */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  const lang = language.lang;
  const url = new URL(request.url);
  const version = queryValue(url, 'version') ?? '1.2';
  if (version !== '1.2' && version !== '2.0') return errorJson('version must be 1.2 or 2.0', 422);
  const statuses = queryValue(url, 'status')
    ?.split(',')
    .map((s) => s.trim());
  if (statuses?.some((s) => !(glossStatuses as readonly string[]).includes(s))) {
    return errorJson(`status must be a list of ${glossStatuses.join(', ')}`, 422);
  }
  const section = queryValue(url, 'section');
  if (section !== undefined && !/^[a-z0-9]{1,12}$/.test(section)) return errorJson('section must be a section name or s<n>', 422);
  const result = await exportXliff(slug, {
    version,
    sourceInTarget: queryFlag(url, 'sourceInTarget'),
    lang,
    ...(statuses ? { statuses: statuses as GlossStatus[] } : {}),
    ...(section !== undefined ? { section } : {}),
  });
  if (!result.ok) return errorJson(result.error, result.kind === 'not-found' ? 404 : 409);
  return new Response(result.xml, {
    headers: {
      'content-type': 'application/xliff+xml; charset=utf-8',
      'content-disposition': `attachment; filename="${slug}${section !== undefined ? `-${section}` : ''}${languageSuffix(lang)}.xlf"`,
      'cache-control': 'no-store',
    },
  });
});
