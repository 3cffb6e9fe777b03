'use client';

import { useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { useEditing } from '@/components/edit/editing-context';
import { ANNOTATION_LANG, useAnnotationTools } from './annotation-tools';

const api = () => import('./annotation-api');

/**
 * A translator's tools in a note's popover: change its text or delete it. The note is read
 * fresh from the API first (the page may be older), and a change made meanwhile by someone else
 * is a conflict shown with what is stored now.
 */
export function NoteTools({ id }: { id: string }) {
  const tools = useAnnotationTools();
  const editing = useEditing();
  const { t } = useTranslation();
  const [form, setForm] = useState<{ body: string; revision: string } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The markers are the English notes': their tools only for someone who may write English notes.
  if (!tools?.mayNoteIn(ANNOTATION_LANG) || !editing) return null;

  const open = async () => {
    setError('');
    const result = await (await api()).listNotes(editing.slug, ANNOTATION_LANG);
    const note = result.ok ? result.data.notes.find((n) => n.id === id) : undefined;
    if (!note) return setError(result.ok ? t('notes.gone') : result.error);
    setForm({ body: note.body, revision: note.revision });
  };
  const finish = (message: string) => {
    setForm(null);
    editing.announce(message);
    tools.reload();
  };
  const save = async () => {
    if (!form) return;
    setBusy(true);
    const result = await (
      await api()
    ).changeNote(editing.slug, id, { baseRevision: form.revision, body: form.body }, ANNOTATION_LANG);
    setBusy(false);
    if (!result.ok) return setError(result.status === 409 ? t('notes.conflict') : result.error);
    finish(t('notes.changed'));
  };
  const remove = async () => {
    if (!form || !window.confirm(t('notes.confirmDelete'))) return;
    setBusy(true);
    const result = await (await api()).removeNote(editing.slug, id, form.revision, ANNOTATION_LANG);
    setBusy(false);
    if (!result.ok) return setError(result.status === 409 ? t('notes.conflict') : result.error);
    finish(t('notes.deleted'));
  };

  return (
    <div className="popover-tools">
      {form ? (
        <>
          <label className="note-edit-label">
            {t('notes.body')}
            <textarea value={form.body} rows={4} lang="en" onChange={(event) => setForm({ ...form, body: event.target.value })} />
          </label>
          <button type="button" onClick={() => void save()} disabled={busy || form.body.trim() === ''}>
            {t('notes.save')}
          </button>
          <button type="button" onClick={() => void remove()} disabled={busy}>
            {t('notes.delete')}
          </button>
          <button type="button" onClick={() => setForm(null)}>
            {t('notes.cancel')}
          </button>
        </>
      ) : (
        <button type="button" className="note-edit" onClick={() => void open()}>
          {t('notes.edit')}
        </button>
      )}
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
    </div>
  );
}
