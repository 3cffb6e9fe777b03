import { editTermsRequest, termsResponse } from '@/lib/api/annotation-contract';
import { editTerms, textTerms } from '@/lib/library/terms-edit';
import { annotationAnswer, textAnnotationHandler } from '@/app/api/_lib/annotations';
import { isTextSlug, noSuchText } from '@/app/api/_lib/http';
import { json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/** `GET /api/texts/<slug>/terms`: `{ terms: { slug, words, revision } }`, the text's word list. */
export const GET = withErrors(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const terms = isTextSlug(slug) ? await textTerms(slug) : undefined;
  if (!terms) return noSuchText();
  return json(termsResponse, { terms: { slug, ...terms } }, { headers: { 'Cache-Control': 'no-store' } });
});

/**
 * `PUT /api/texts/<slug>/terms` with `{ add?: [...], remove?: [...], baseRevision? }`: writes
 * `content/<slug>.terms` (`小镇|上` is a split); `{ terms: { slug, words, revision } }`. The
 * permission is asked for the language in `?lang=` (English when absent), the one the asker edits.
 */
export const PUT = textAnnotationHandler(
  'edit-terms',
  editTermsRequest,
  '{ add?: [...], remove?: [...] }',
  async ({ slug, editor, body }) => {
    const result = await editTerms({ slug, editor, ...body });
    return annotationAnswer(result.ok ? { ok: true, value: { slug, ...result.value } } : result, 'terms');
  },
);
