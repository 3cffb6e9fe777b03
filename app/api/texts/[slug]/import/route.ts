import { importResponse, type ExchangeErrorResponse } from '@/lib/api/contract';
import { readBodyBytes } from '@/lib/api/body';
import { authorize } from '@/lib/auth/request';
import { alignTextInBackground } from '@/lib/library/alignment';
import { importTooLargeMessage, importXliff, MAX_IMPORT_BYTES } from '@/lib/library-exchange/import';
import { accessRefused, isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { queryFlag, queryValue } from '@/app/api/_lib/query';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

const importStatus = {
  invalid: 422,
  'too-large': 413,
  'not-found': 404,
  'wrong-text': 422,
  'wrong-language': 422,
  'broken-file': 409,
  store: 503,
} as const;

/**
 * `POST /api/texts/<slug>/import?fileName=…&dryRun=1&force=1&lang=fr` with an XLIFF file as the
 * body (at most 32 MB, counted while it arrives): imports it into the target language `lang`
 * (English by default; 400 for a bad tag, 404 for a language the text does not have, 422 for a
 * file whose target language is another) like `npm run import`. 200 with the report
 * `{ counts, units: [{ id, outcome, reason?, current?, incoming? }] }`; 401/403 for anyone but an
 * editor, 413 too large, 422 a file that is not XLIFF of this text, each `{ error, kind }`.
 */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isTextSlug(slug)) {
    const access = await authorize(request, 'import-glosses');
    return access.ok ? noSuchText() : accessRefused(access);
  }
  // The language is known before the file is read (`?lang=`), so a language-limited account is checked against it.
  const language = await requestedLanguage(request, slug);
  const access = await authorize(request, 'import-glosses', language.ok ? { text: slug, lang: language.lang } : { text: slug });
  if (!access.ok) return accessRefused(access);
  if (!language.ok) return language.response;
  const read = await readBodyBytes(request, MAX_IMPORT_BYTES);
  if (!read.ok) {
    if (read.kind !== 'too-large') return errorJson(read.error, 413);
    const body: ExchangeErrorResponse = { error: importTooLargeMessage(), kind: 'too-large' };
    return Response.json(body, { status: 413 });
  }
  const url = new URL(request.url);
  const result = await importXliff({
    bytes: read.bytes,
    fileName: queryValue(url, 'fileName') ?? 'upload.xlf',
    editor: access.editor,
    slug,
    lang: language.lang,
    dryRun: queryFlag(url, 'dryRun'),
    force: queryFlag(url, 'force'),
  });
  if (!result.ok) {
    const body: ExchangeErrorResponse = { error: result.error, kind: result.kind };
    return Response.json(body, { status: importStatus[result.kind] });
  }
  if (!result.dryRun) alignTextInBackground(slug);
  // Pages need no word of it: the page cache checks each page against the data it shows (cache-handler.cjs).
  return json(importResponse, result);
});
