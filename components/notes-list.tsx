import type { TFunction } from 'i18next';
import type { NoteView } from '@/lib/annotate/view';
import { languageKey } from '@/lib/annotate/note-language';
import { scriptForms } from './script-forms';
import { ScriptText } from './script-text';

/**
 * A text's translator's notes, listed at its end, each linking back to its paragraph. The
 * English's by default; `lang` and `language` (its name) for another target language's notes,
 * listed under their own heading (the markers in the text are the English's).
 */
export function NotesList({
  notes,
  t,
  uiLang,
  lang = 'en',
  language,
}: {
  notes: NoteView[];
  t: TFunction;
  uiLang: string;
  lang?: string;
  language?: string;
}) {
  if (notes.length === 0) return null;
  const heading = `notes-heading${lang === 'en' ? '' : `-${lang}`}`;
  return (
    <section className="notes" aria-labelledby={heading} data-notes-lang={lang}>
      <h2 id={heading} lang={uiLang}>
        {language ? t('notes.headingIn', { language }) : t('notes.heading')}
      </h2>
      <ol>
        {notes.map((note) => (
          <li key={note.id} id={`note-${languageKey(lang, note.id)}`} value={note.number}>
            <span lang="zh-Hans" className="note-quote">
              <ScriptText {...scriptForms(note.quote)} />
            </span>{' '}
            <span lang={lang}>{note.body}</span>{' '}
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
