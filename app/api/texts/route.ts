import { addExistsResponse, addTextResponse, textListResponse, type ExchangeErrorResponse } from '@/lib/api/contract';
import { readBodyBytes } from '@/lib/api/body';
import { authorize } from '@/lib/auth/request';
import { addText, type AddReport } from '@/lib/library/add';
import { summarizeText } from '@/lib/downloads/export';
import { loadLibrary } from '@/lib/library/load';
import { paragraphLayoutChoices, parseParagraphLayoutChoice } from '@/lib/text/paragraph-layout';
import { MAX_TEXT_BYTES } from '@/lib/text/prepare';
import { accessRefused } from '@/app/api/_lib/http';
import { queryFlag, queryValue } from '@/app/api/_lib/query';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/** `GET /api/texts`: `[{ slug, title: { zh, en }, progress: { glossed, total } }]`; unreadable texts are left out. */
export const GET = withErrors(async () => {
  const texts = await loadLibrary();
  return json(
    textListResponse,
    texts.flatMap((entry) => (entry.ok ? [summarizeText(entry.text)] : [])),
  );
});

/** Ids the answer lists per kind of change at most; the rest are counted in `omitted.ids`. */
const LISTED_IDS = 200;

/** The report with the sync's id lists cut to their first LISTED_IDS: a new novel's 34,000 ids are not worth sending. */
function shortReport<R extends AddReport>(report: R): R & { omitted?: { preview: number; oddities: number; ids?: number } } {
  const { sync } = report;
  if (!sync) return report;
  const lists = [sync.added, sync.edited, sync.retired, sync.revived];
  const ids = lists.reduce((sum, list) => sum + Math.max(0, list.length - LISTED_IDS), 0);
  if (ids === 0) return report;
  return {
    ...report,
    sync: {
      ...sync,
      added: sync.added.slice(0, LISTED_IDS),
      edited: sync.edited.slice(0, LISTED_IDS),
      retired: sync.retired.slice(0, LISTED_IDS),
      revived: sync.revived.slice(0, LISTED_IDS),
    },
    omitted: { preview: report.omitted?.preview ?? 0, oddities: report.omitted?.oddities ?? 0, ids },
  };
}

const addStatus = { 'too-large': 413, encoding: 422, invalid: 422, exists: 409 } as const;

/**
 * `POST /api/texts?fileName=…&slug=…&title=…&author=…&date=…&encoding=…&paragraphs=auto|blank|line|wrapped&replace=1&preview=1`
 * with the file's bytes (or pasted text, UTF-8) as the body, at most 5 MB (counted while it
 * arrives): adds a text like `npm run add`. 200 with the report for a preview (nothing written),
 * 201 when created or replaced; 401/403 for anyone but an editor, 413 too large, 422 an unsure
 * encoding or invalid fields, each `{ error, kind }`; 409 an existing slug, `{ error, kind, slug,
 * url, sameSource }`, `sameSource: true` when that text is this very file (an earlier add finished).
 */
export const POST = withErrors(async (request: Request) => {
  const access = await authorize(request, 'add-text');
  if (!access.ok) return accessRefused(access);
  const read = await readBodyBytes(request, MAX_TEXT_BYTES);
  if (!read.ok) return errorJson(read.error, 413);
  const url = new URL(request.url);
  const paragraphs = parseParagraphLayoutChoice(queryValue(url, 'paragraphs') ?? 'auto');
  if (!paragraphs) {
    const body: ExchangeErrorResponse = {
      error: `paragraphs must be one of ${paragraphLayoutChoices.join(', ')}`,
      kind: 'invalid',
    };
    return Response.json(body, { status: 422 });
  }
  const result = await addText({
    bytes: read.bytes,
    fileName: queryValue(url, 'fileName') ?? 'pasted.txt',
    ...(queryValue(url, 'slug') ? { slug: queryValue(url, 'slug') } : {}),
    meta: { title: queryValue(url, 'title'), author: queryValue(url, 'author'), date: queryValue(url, 'date') },
    ...(queryValue(url, 'encoding') ? { encoding: queryValue(url, 'encoding') } : {}),
    paragraphs,
    replace: queryFlag(url, 'replace'),
    dryRun: queryFlag(url, 'preview'),
  });
  if (!result.ok && result.kind === 'exists') {
    const { error, kind, slug, sameSource } = result;
    return json(addExistsResponse, { error, kind, slug, url: `/read/${slug}`, sameSource }, { status: 409 });
  }
  if (!result.ok) {
    const body: ExchangeErrorResponse = { error: result.error, kind: result.kind };
    return Response.json(body, { status: addStatus[result.kind] });
  }
  return json(addTextResponse, shortReport(result), { status: result.action === 'checked' ? 200 : 201 });
});
