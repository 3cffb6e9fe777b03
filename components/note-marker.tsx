'use client';

import { useTranslation } from '@/components/i18n-provider';
import { useAnnotations } from './annotations/annotation-context';

/** The small numbered marker of a translator's note; hovering, focusing or activating it shows the note. */
export function NoteMarker({ id }: { id: string }) {
  const { t } = useTranslation();
  const { lexicon, open, closeSoon, popoverId } = useAnnotations();
  const note = lexicon.notes[id];
  if (!note) return null;
  const label = t('notes.label', { n: note.number });
  return (
    <button
      type="button"
      className={`note-ref${note.detached ? ' note-ref-detached' : ''}`}
      aria-label={label}
      aria-haspopup="dialog"
      aria-controls={popoverId}
      onMouseEnter={(event) => open({ kind: 'note', id, anchor: event.currentTarget, pinned: false })}
      onMouseLeave={closeSoon}
      onClick={(event) => open({ kind: 'note', id, anchor: event.currentTarget, pinned: true })}
    >
      <sup>{note.number}</sup>
    </button>
  );
}
