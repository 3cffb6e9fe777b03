'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '@/components/i18n-provider';
import type { useEditing } from '@/components/edit/editing-context';
import { permitsInSomeLanguage } from '@/lib/auth/permissions';
import { noteLanguage } from '@/lib/annotate/note-language';
import { targetLanguageName } from '@/lib/i18n/target-language';
import { useSession } from '../session-provider';
import { ANNOTATION_LANG, type AnnotationToolsValue, type NoteDraft } from './annotation-tools-value';
import { readSelection, rowLanguages, type PassageSelection } from './selection';

// The API client (and its response schemas) is fetched when a translator first uses a tool.
const api = () => import('./annotation-api');

type Editing = NonNullable<ReturnType<typeof useEditing>>;

/**
 * The translator's tools of annotation-tools.tsx for someone who edits: hands the popovers their
 * value through `onValue`, and shows the selection toolbar and the note form.
 */
export function ActiveAnnotationTools({
  editing,
  onValue,
}: {
  editing: Editing;
  onValue: (value: AnnotationToolsValue | null) => void;
}) {
  const grant = useSession()?.viewer ?? undefined;
  const { t } = useTranslation();
  const [selection, setSelection] = useState<PassageSelection | null>(null);
  const [draft, setDraft] = useState<NoteDraft | null>(null);
  const mayNote = permitsInSomeLanguage(grant, 'edit-note', editing.slug);
  const may = editing.may;
  const mayNoteIn = useCallback((lang: string) => may?.('edit-note', lang) ?? false, [may]);
  const noteLanguageOf = useCallback(
    (block: string) => noteLanguage({ column: 'zh' }, rowLanguages(block), mayNoteIn),
    [mayNoteIn],
  );
  const termsLang = editing.lang ?? ANNOTATION_LANG;
  const mayTerms = editing.may('edit-terms', termsLang);

  useEffect(() => {
    if (!mayNote && !mayTerms) return;
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSelection(readSelection()));
    };
    document.addEventListener('selectionchange', onChange);
    // These tools load after the page: a passage selected before they arrived gets its toolbar now.
    onChange();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [mayNote, mayTerms]);

  // The page is static and cached: loaded again, the server regenerates it from the changed files.
  const reload = useCallback(() => window.location.reload(), []);
  const changeTerms = useCallback(
    async (change: { add?: string[]; remove?: string[] }, done: string) => {
      const result = await (await api()).editTerms(editing.slug, change, termsLang);
      if (!result.ok) return editing.announce(t('terms.failed', { error: result.error }));
      editing.announce(done);
      window.getSelection()?.removeAllRanges();
      reload();
    },
    [editing, termsLang, t, reload],
  );

  const value = useMemo<AnnotationToolsValue | null>(
    () =>
      mayNote || mayTerms ? { mayNote, mayNoteIn, noteLanguageOf, mayTerms, composeNote: setDraft, changeTerms, reload } : null,
    [mayNote, mayNoteIn, noteLanguageOf, mayTerms, changeTerms, reload],
  );
  // The language a note on the selected passage would be written in: its column's.
  const selectionLang =
    selection && mayNote
      ? noteLanguage(
          selection.column === 'zh' ? { column: 'zh' } : { column: 'target', lang: selection.lang ?? 'en' },
          selection.shown,
          mayNoteIn,
        )
      : undefined;

  useEffect(() => {
    onValue(value);
    return () => onValue(null);
  }, [value, onValue]);

  return (
    <>
      {value && selection && !draft && (
        <SelectionToolbar
          selection={selection}
          onNote={
            selectionLang
              ? () =>
                  setDraft({
                    block: selection.block,
                    quote: selection.quote,
                    ...(selection.occurrence ? { occurrence: selection.occurrence } : {}),
                    lang: selectionLang,
                  })
              : undefined
          }
          onJoin={
            mayTerms && selection.column === 'zh' && selection.joinable
              ? () => void changeTerms({ add: [selection.quote] }, t('terms.joined', { word: selection.quote }))
              : undefined
          }
        />
      )}
      {value && draft && (
        <NoteComposer
          draft={draft}
          onClose={() => setDraft(null)}
          onSave={async (body) => {
            const { lang, ...passage } = draft;
            const result = await (await api()).addNote(editing.slug, { ...passage, body }, lang);
            if (!result.ok) return result.error;
            setDraft(null);
            window.getSelection()?.removeAllRanges();
            editing.announce(t('notes.added'));
            reload();
            return undefined;
          }}
        />
      )}
    </>
  );
}

function SelectionToolbar({
  selection,
  onNote,
  onJoin,
}: {
  selection: PassageSelection;
  /** Absent when the role may not write a note in the passage's language. */
  onNote: (() => void) | undefined;
  onJoin: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  if (!onNote && !onJoin) return null;
  return createPortal(
    <div
      role="toolbar"
      aria-label={t('notes.selectionTools')}
      className="selection-tools"
      style={{ top: selection.top, left: selection.left }}
    >
      {onNote && (
        <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={onNote}>
          {t('notes.add')}
        </button>
      )}
      {onJoin && (
        <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={onJoin}>
          {t('terms.join')}
        </button>
      )}
    </div>,
    document.body,
  );
}

/** The form a new note is written in: the passage it is about, the note, Save and Cancel. */
function NoteComposer({
  draft,
  onClose,
  onSave,
}: {
  draft: NoteDraft;
  onClose: () => void;
  onSave: (body: string) => Promise<string | undefined>;
}) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const language = draft.lang === ANNOTATION_LANG ? '' : targetLanguageName(draft.lang, i18n.language);
  const field = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    field.current?.focus();
    return () => {
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
  }, []);
  const save = async () => {
    setBusy(true);
    setError('');
    const failure = await onSave(body);
    setBusy(false);
    if (failure) setError(failure);
  };
  return createPortal(
    <div
      role="dialog"
      aria-labelledby="note-composer-title"
      className="note-composer"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <p id="note-composer-title" className="note-composer-title">
        {language ? t('notes.addTitleIn', { language }) : t('notes.addTitle')}
      </p>
      <blockquote className="note-composer-quote">{draft.quote}</blockquote>
      <label>
        {t('notes.body')}
        <textarea ref={field} value={body} rows={4} onChange={(event) => setBody(event.target.value)} lang={draft.lang} />
      </label>
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      <div className="note-composer-actions">
        <button type="button" onClick={() => void save()} disabled={busy || body.trim() === ''}>
          {t('notes.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('notes.cancel')}
        </button>
      </div>
    </div>,
    document.body,
  );
}
