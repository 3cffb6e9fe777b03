'use client';

import type { UiT } from '@/lib/i18n/translate';
import { useTranslation } from '@/components/i18n-provider';
import type { NoteView } from '@/lib/annotate/view';
import { NoteTools } from '../notes/note-tools';

/** The accessible name of a note's popover: “Translator’s note 7”. */
export function noteLabel(t: UiT, note: NoteView | undefined): string {
  return t('notes.label', { n: note?.number ?? '' });
}

/** A translator's note in the popover: its number, whether its passage has changed, its text. */
export function NoteCard({ note }: { note: NoteView | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="popover-title">{noteLabel(t, note)}</p>
      {note?.detached && <p className="mark mark-stale">{t('notes.detached')}</p>}
      <p lang="en">{note?.body}</p>
      {note && <NoteTools id={note.id} />}
    </>
  );
}
