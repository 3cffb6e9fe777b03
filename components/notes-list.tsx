import type { TFunction } from 'i18next';
import type { NoteView } from '@/lib/annotate/view';
import { scriptForms } from './script-forms';
import { ScriptText } from './script-text';

/** A text's translator's notes, listed at its end, each linking back to its paragraph. */
export function NotesList({ notes, t, uiLang }: { notes: NoteView[]; t: TFunction; uiLang: string }) {
  if (notes.length === 0) return null;
  return (
    <section className="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading" lang={uiLang}>
        {t('notes.heading')}
      </h2>
      <ol>
        {notes.map((note) => (
          <li key={note.id} id={`note-${note.id}`} value={note.number}>
            <span lang="zh-Hans" className="note-quote">
              <ScriptText {...scriptForms(note.quote)} />
            </span>{' '}
            <span lang="en">{note.body}</span>{' '}
            {note.detached && (
              <span className="mark mark-stale" lang={uiLang}>
                {t('notes.detached')}
              </span>
            )}{' '}
            <a href={`#${note.block}`} aria-label={`${t('notes.back')} (${t('notes.label', { n: note.number })})`} lang={uiLang}>
              ↩
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
