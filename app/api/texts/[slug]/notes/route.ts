import { addNoteRequest } from '@/lib/api/annotation-contract';
import { addNote } from '@/lib/library/notes-edit';
import { annotationAnswer, textAnnotationHandler } from '@/app/api/_lib/annotations';

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
