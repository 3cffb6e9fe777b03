import { addNoteRequest, noteListResponse } from '@/lib/api/annotation-contract';
import { addNote, listNotes } from '@/lib/library/notes-edit';
import { findSource } from '@/lib/store/sources';
import { annotationAnswer, textAnnotationHandler } from '@/app/api/_lib/annotations';
import { isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/texts/<slug>/notes?lang=` with `{ block, quote, body, occurrence? }`: 201 `{ note }`
 * (its id and revision); the quote is a passage of the paragraph's Chinese, or of its gloss.
 * 400 with the reason for bad input; 401, 403, 404, 413.
 */
export const POST = textAnnotationHandler(
  'edit-note',
  addNoteRequest,
  '{ block, quote, body }',
  async ({ slug, lang, editor, body }) => annotationAnswer(await addNote({ slug, lang, editor, ...body }), 'note', true),
);

/** `GET /api/texts/<slug>/notes?lang=`: `{ notes }`, each as stored with its id and revision (what an edit needs). */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isTextSlug(slug) || !(await findSource(slug))) return noSuchText();
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  return json(noteListResponse, { notes: await listNotes(slug, language.lang) }, { headers: { 'Cache-Control': 'no-store' } });
});
