'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { diffTexts } from '@/lib/diff';
import { InlineText } from '../inline-text';
import { useEditing, type GlossRecord } from './editing-provider';

interface HistoryEntry {
  time: string;
  editor: string;
  kind: 'gloss' | 'status';
  before: string | null;
  after: string | null;
  revision: string;
  beforeRevision?: string;
}

type Outcome = { ok: true; text: string; revision: string; status: GlossRecord['status'] } | { ok: false; status: number; error: string; current?: { text: string; revision: string } };

async function send(url: string, method: 'PUT' | 'POST', body: unknown): Promise<Outcome> {
  try {
    const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data = (await response.json()) as Record<string, unknown>;
    if (response.ok) return { ok: true, ...(data as { text: string; revision: string; status: GlossRecord['status'] }) };
    return { ok: false, status: response.status, error: String(data.error ?? response.statusText), ...(data.current ? { current: data.current as { text: string; revision: string } } : {}) };
  } catch {
    return { ok: false, status: 0, error: 'network' };
  }
}

/** Removed and added text marked, for the Chinese of a stale paragraph and for history entries. */
export function Diff({ before, after, lang }: { before: string; after: string; lang: string }) {
  return (
    <span lang={lang} className="diff">
      {diffTexts(before, after).map((part, i) =>
        part.op === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.op === 'removed' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <ins key={i}>{part.text}</ins>
        ),
      )}
    </span>
  );
}

function draftKey(slug: string, id: string) {
  return `bilingual-draft:${slug}:${id}`;
}

/**
 * The English cell of a row, editable for editors: status, Edit (and `e`), Mark reviewed,
 * History with Revert, and for a stale row the change in the Chinese with "Still fits".
 * Readers see only the gloss (`children`, rendered on the server).
 */
export function EditableGloss({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  const editing = useEditing();
  const record = editing?.records[id];
  const [shownText, setShownText] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  if (!editing || !record) return <>{children}</>;
  const isEditing = editing.editing === id;

  const setStatus = async (status: 'reviewed' | 'draft') => {
    const result = await send(`/api/texts/${editing.slug}/glosses/${id}/status`, 'PUT', { status, baseRevision: record.revision });
    if (result.ok) {
      editing.update(id, { status: result.status, revision: result.revision });
      editing.announce(t(status === 'reviewed' ? 'edit.markedReviewed' : 'edit.markedDraft'));
    } else if (result.current) {
      editing.update(id, { en: result.current.text || null, revision: result.current.revision });
      setShownText(result.current.text);
      editing.announce(t('edit.changedMeanwhile'));
    } else editing.announce(t('edit.failed', { error: result.error }));
  };

  return (
    <div className="editable" data-editing={isEditing || undefined}>
      {isEditing ? (
        <GlossEditor id={id} record={record} onDone={(text) => text !== undefined && setShownText(text)} />
      ) : shownText !== null ? (
        shownText ? (
          <p>
            <InlineText text={shownText} />
          </p>
        ) : (
          <p className="mark mark-untranslated">{t('reader.untranslated')}</p>
        )
      ) : (
        children
      )}
      {record.status === 'stale' && record.staleFrom !== undefined && (
        <div className="stale-diff">
          <p>{t('edit.chineseChanged')}</p>
          <p>
            <Diff before={record.staleFrom} after={record.zh} lang="zh-Hans" />
          </p>
          <button type="button" onClick={() => setStatus('reviewed')}>
            {t('edit.stillFits')}
          </button>
        </div>
      )}
      {!isEditing && (
        <div className="edit-tools">
          <span className={`status status-${record.status}`}>{t(`status.${record.status}`)}</span>
          <button type="button" className="edit-button" aria-keyshortcuts="e" onClick={() => editing.setEditing(id)}>
            {t('edit.edit')}
          </button>
          {record.status === 'draft' && (
            <button type="button" onClick={() => setStatus('reviewed')}>
              {t('edit.markReviewed')}
            </button>
          )}
          <button type="button" aria-expanded={historyOpen} onClick={() => setHistoryOpen((open) => !open)}>
            {t('edit.history')}
          </button>
        </div>
      )}
      {historyOpen && <HistoryPanel id={id} record={record} onReverted={(text) => setShownText(text)} />}
    </div>
  );
}

/** The in-place editor: keeps a draft in the browser, saves with the revision it started from. */
function GlossEditor({ id, record, onDone }: { id: string; record: GlossRecord; onDone: (text?: string) => void }) {
  const { t } = useTranslation();
  const editing = useEditing();
  const labelId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(record.en ?? '');
  const [base, setBase] = useState(record.revision);
  const [draft, setDraft] = useState<{ text: string; time: string } | null>(null);
  const [conflict, setConflict] = useState<{ text: string; revision: string } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const slug = editing?.slug ?? '';

  useEffect(() => {
    const element = area.current;
    element?.focus();
    // Typing continues the gloss rather than starting in front of it.
    element?.setSelectionRange(element.value.length, element.value.length);
    try {
      const saved = JSON.parse(localStorage.getItem(draftKey(slug, id)) ?? 'null') as { text: string; time: string } | null;
      if (saved && saved.text !== (record.en ?? '')) setDraft(saved);
    } catch {
      // An unreadable draft is ignored.
    }
    // Once, when the editor opens: later changes of the record must not reset what is typed.
  }, []);

  const change = (value: string) => {
    setText(value);
    try {
      localStorage.setItem(draftKey(slug, id), JSON.stringify({ text: value, time: new Date().toISOString() }));
    } catch {
      // Storage full or disabled: the text stays in the editor.
    }
  };

  const close = (saved?: string) => {
    editing?.setEditing(null);
    onDone(saved);
  };

  // Cancel is a decision to drop what was typed: the draft goes too.
  const cancel = () => {
    localStorage.removeItem(draftKey(slug, id));
    close();
  };

  const save = async (baseRevision = base) => {
    if (!editing || busy) return;
    setBusy(true);
    setError('');
    const clear = text.trim() === '';
    const result = await send(`/api/texts/${slug}/glosses/${id}`, 'PUT', { text, baseRevision, clear });
    setBusy(false);
    if (result.ok) {
      localStorage.removeItem(draftKey(slug, id));
      editing.update(id, { en: result.text || null, revision: result.revision, status: result.status });
      editing.announce(t(clear ? 'edit.cleared' : 'edit.saved'));
      close(result.text);
      return;
    }
    if (result.status === 409 && result.current) {
      setConflict(result.current);
      return;
    }
    setError(result.status === 0 ? t('edit.offline') : result.error);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  return (
    <div className="gloss-editor" onKeyDown={onKeyDown}>
      {draft && (
        <div className="notice" role="status">
          <p>{t('edit.draftFound', { time: new Date(draft.time).toLocaleString() })}</p>
          <button type="button" onClick={() => (setText(draft.text), setDraft(null))}>
            {t('edit.restoreDraft')}
          </button>{' '}
          <button type="button" onClick={() => (localStorage.removeItem(draftKey(slug, id)), setDraft(null))}>
            {t('edit.discardDraft')}
          </button>
        </div>
      )}
      <label id={labelId} className="visually-hidden">
        {t('edit.label')}
      </label>
      <textarea ref={area} aria-labelledby={labelId} lang="en" value={text} rows={Math.min(14, 3 + Math.ceil(text.length / 70))} onChange={(event) => change(event.target.value)} />
      {conflict && (
        <div className="conflict" role="alert">
          <p>{t('edit.conflict')}</p>
          <div className="conflict-versions">
            <div>
              <p className="conflict-label">{t('edit.theirs')}</p>
              <p lang="en">{conflict.text || t('reader.untranslated')}</p>
            </div>
            <div>
              <p className="conflict-label">{t('edit.yours')}</p>
              <p lang="en">{text}</p>
            </div>
          </div>
          <button type="button" onClick={() => (setBase(conflict.revision), setConflict(null), void save(conflict.revision))}>
            {t('edit.keepMine')}
          </button>{' '}
          <button type="button" onClick={() => (change(conflict.text), setBase(conflict.revision), setConflict(null))}>
            {t('edit.takeTheirs')}
          </button>{' '}
          <button type="button" onClick={() => (setBase(conflict.revision), setConflict(null), area.current?.focus())}>
            {t('edit.merge')}
          </button>
        </div>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="editor-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()} aria-keyshortcuts="Control+Enter Meta+Enter">
          {text.trim() ? t('edit.save') : t('edit.clear')}
        </button>
        <button type="button" onClick={cancel} aria-keyshortcuts="Escape">
          {t('edit.cancel')}
        </button>
        <span className="hint">{t('edit.keys')}</span>
      </div>
    </div>
  );
}

/** The changes to one gloss, newest first, each with its differences and a Revert. */
function HistoryPanel({ id, record, onReverted }: { id: string; record: GlossRecord; onReverted: (text: string) => void }) {
  const { t } = useTranslation();
  const editing = useEditing();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const slug = editing?.slug ?? '';

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/texts/${slug}/history?id=${id}`, { cache: 'no-store' })
      .then((response) => response.json() as Promise<{ entries: HistoryEntry[] }>)
      .then((data) => !cancelled && setEntries(data.entries.toReversed()))
      .catch(() => !cancelled && setEntries([]));
    return () => {
      cancelled = true;
    };
  }, [slug, id, record.revision]);

  const revert = async (to: string) => {
    const result = await send(`/api/texts/${slug}/glosses/${id}/revert`, 'POST', { to, baseRevision: record.revision });
    if (!editing) return;
    if (result.ok) {
      editing.update(id, { en: result.text || null, revision: result.revision, status: result.status });
      editing.announce(t('edit.reverted'));
      onReverted(result.text);
    } else editing.announce(t('edit.failed', { error: result.error }));
  };

  if (!entries) return <p className="history">{t('edit.loading')}</p>;
  if (entries.length === 0) return <p className="history">{t('edit.noHistory')}</p>;
  return (
    <ol className="history" aria-label={t('edit.history')}>
      {entries.map((entry, i) => (
        <li key={i}>
          <p className="history-meta">
            <time dateTime={entry.time}>{new Date(entry.time).toLocaleString()}</time> · {entry.editor}
          </p>
          {entry.kind === 'gloss' ? (
            <>
              <p>
                <Diff before={entry.before ?? ''} after={entry.after ?? ''} lang="en" />
              </p>
              {entry.revision !== record.revision && (
                <button type="button" onClick={() => void revert(entry.revision)}>
                  {t('edit.revert')}
                </button>
              )}
              {i === entries.length - 1 && entry.beforeRevision && entry.beforeRevision !== record.revision && (
                <button type="button" onClick={() => void revert(entry.beforeRevision ?? '')}>
                  {t('edit.revertOriginal')}
                </button>
              )}
            </>
          ) : (
            <p>{t('edit.statusChange', { before: t(`status.${entry.before ?? 'draft'}`), after: t(`status.${entry.after ?? 'draft'}`) })}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
