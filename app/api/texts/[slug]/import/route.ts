import { importResponse, type ExchangeErrorResponse } from '@/lib/api/contract';
import { readBodyBytes } from '@/lib/api/body';
import { authorize } from '@/lib/auth/request';
import { importTooLargeMessage, importXliff, MAX_IMPORT_BYTES } from '@/lib/library/import';
import { accessRefused, isTextSlug, noSuchText } from '@/app/api/_lib/http';
import { queryFlag, queryValue } from '@/app/api/_lib/query';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

const importStatus = {
  invalid: 422,
  'too-large': 413,
  'not-found': 404,
  'wrong-text': 422,
  'broken-file': 409,
  store: 503,
} as const;

/**
 * `POST /api/texts/<slug>/import?fileName=…&dryRun=1&force=1` with an XLIFF file as the body (at
 * most 32 MB, counted while it arrives): imports it like `npm run import`. 200 with the report
 * `{ counts, units: [{ id, outcome, reason?, current?, incoming? }] }`; 401/403 for anyone but an
 * editor, 413 too large, 422 a file that is not XLIFF of this text, each `{ error, kind }`.
 */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  // The file names its language only once read: an account limited to some languages cannot import.
  const access = await authorize(request, 'import-glosses', isTextSlug(slug) ? { text: slug } : {});
  if (!access.ok) return accessRefused(access);
  if (!isTextSlug(slug)) return noSuchText();
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
    dryRun: queryFlag(url, 'dryRun'),
    force: queryFlag(url, 'force'),
  });
  if (!result.ok) {
    const body: ExchangeErrorResponse = { error: result.error, kind: result.kind };
    return Response.json(body, { status: importStatus[result.kind] });
  }
  // Pages need no word of it: the page cache checks each page against the data it shows (cache-handler.cjs).
  return json(importResponse, result);
});
