import { changeNoteRequest, removeRequest } from '@/lib/api/annotation-contract';
import { isNoteId } from '@/lib/annotate/note-edit';
import { changeNote, removeNote } from '@/lib/library/notes-edit';
import { annotationAnswer, textAnnotationHandler } from '@/app/api/_lib/annotations';
import { errorJson } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

const noSuchNote = () => errorJson('No such note in this text', 404);

/** `PUT /api/texts/<slug>/notes/<nid>?lang=` with `{ baseRevision, body?, quote? }`: `{ note }`; 409 `{ error, current }` when it changed since. */
export const PUT = textAnnotationHandler(
  'edit-note',
  changeNoteRequest,
  '{ baseRevision, body?, quote? }',
  async ({ slug, lang, editor, params, body }) => {
    const id = params.nid ?? '';
    if (!isNoteId(id)) return noSuchNote();
    return annotationAnswer(await changeNote({ slug, lang, editor, id, ...body }), 'note');
  },
);

/** `DELETE /api/texts/<slug>/notes/<nid>?lang=` with `{ baseRevision }`: the note as it was; 409 when it changed since. */
export const DELETE = textAnnotationHandler(
  'edit-note',
  removeRequest,
  '{ baseRevision }',
  async ({ slug, lang, editor, params, body }) => {
    const id = params.nid ?? '';
    if (!isNoteId(id)) return noSuchNote();
    return annotationAnswer(await removeNote({ slug, lang, editor, id, baseRevision: body.baseRevision }), 'note');
  },
);
