'use client';

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { z } from 'zod';
import { getHistory, saveGloss } from './api';
import { useEditing, type GlossRecord } from './editing-context';
import { DEFAULT_TARGET_LANGUAGE, targetLanguageName } from '@/lib/i18n/target-language';
import { textDirection } from '@/lib/reading/reading-languages';
import { ConflictVersions } from './conflict-versions';
import { MemoryPanel } from './memory-panel';

/** A draft kept in the browser while typing, so a closed tab or a failed save loses nothing. */
const storedDraft = z.object({ text: z.string(), time: z.string() });

export function draftKey(slug: string, id: string) {
  return `bilingual-draft:${slug}:${id}`;
}

/** The in-place editor: keeps a draft in the browser, saves with the revision it started from. */
export function GlossEditor({ id, record, onDone }: { id: string; record: GlossRecord; onDone: (text?: string) => void }) {
  const { t, i18n } = useTranslation();
  const editing = useEditing();
  const lang = editing?.lang ?? 'en';
  const labelId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(record.en ?? '');
  const [base, setBase] = useState(record.revision);
  // A draft kept in the browser from an earlier session, offered back (the editor only ever renders in the browser).
  const [draft, setDraft] = useState(() =>
    storedDraftFor(editing?.slug ?? '', editing?.lang ? `${id}@${editing.lang}` : id, record.en ?? ''),
  );
  const [conflict, setConflict] = useState<{ text: string; revision: string } | null>(null);
  // Who made the version now on the server, and when, from the gloss's history.
  const [conflictBy, setConflictBy] = useState<{ editor: string; time: string } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The machine-translation provider whose suggestion was inserted, recorded with the save.
  const [machine, setMachine] = useState<string | undefined>(undefined);
  const slug = editing?.slug ?? '';
  // Another target language's draft is kept apart from the English one.
  const draftId = editing?.lang ? `${id}@${editing.lang}` : id;

  useEffect(() => {
    const element = area.current;
    element?.focus();
    // Typing continues the gloss rather than starting in front of it.
    element?.setSelectionRange(element.value.length, element.value.length);
  }, []);

  const change = (value: string) => {
    setText(value);
    try {
      localStorage.setItem(draftKey(slug, draftId), JSON.stringify({ text: value, time: new Date().toISOString() }));
    } catch {
      // Storage full or disabled: the text stays in the editor.
    }
  };

  // A match or suggestion from the memory panel replaces the field's text; saving stays the translator's act.
  const insert = useCallback((value: string, provider?: string) => {
    change(value);
    setMachine(provider);
    area.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- change only reads the slug and id, fixed while the editor is open
  }, []);

  // A sentence match goes where the cursor is, in place of the selection, and the cursor after it.
  const caret = useRef<number | null>(null);
  const insertAtCursor = useCallback((value: string) => {
    const element = area.current;
    const current = element?.value ?? '';
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? start;
    caret.current = start + value.length;
    change(`${current.slice(0, start)}${value}${current.slice(end)}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- change only reads the slug and id, fixed while the editor is open
  }, []);
  useEffect(() => {
    const element = area.current;
    if (caret.current === null || !element) return;
    element.focus();
    element.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [text]);

  const close = (saved?: string) => {
    editing?.setEditing(null);
    onDone(saved);
  };

  // Cancel is a decision to drop what was typed: the draft goes too.
  const cancel = () => {
    localStorage.removeItem(draftKey(slug, draftId));
    close();
  };

  const save = async (baseRevision = base) => {
    if (!editing || busy) return;
    setBusy(true);
    setError('');
    const clear = text.trim() === '';
    const result = await saveGloss(
      slug,
      id,
      { text, baseRevision, clear, ...(machine && !clear ? { machine } : {}) },
      editing.lang,
    );
    setBusy(false);
    if (result.ok) {
      const saved = result.data;
      localStorage.removeItem(draftKey(slug, draftId));
      // The save resolved a conflict between servers, if the paragraph had one (lib/library/edit.ts).
      editing.update(id, { en: saved.text || null, revision: saved.revision, status: saved.status, conflict: undefined });
      editing.announce(t(clear ? 'edit.cleared' : 'edit.saved'));
      close(saved.text);
      return;
    }
    if (result.status === 409 && result.current) {
      const current = result.current;
      setConflict(current);
      setConflictBy(null);
      void getHistory(slug, id, editing?.lang).then((history) => {
        if (!history.ok) return;
        const change = history.data.entries.findLast((e) => e.kind === 'gloss' && e.revision === current.revision);
        if (change) setConflictBy({ editor: change.editor, time: change.time });
      });
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
          <button type="button" onClick={() => (localStorage.removeItem(draftKey(slug, draftId)), setDraft(null))}>
            {t('edit.discardDraft')}
          </button>
        </div>
      )}
      {record.conflict &&
        (editing?.may('resolve-conflict', lang) ? (
          <ConflictVersions conflict={record.conflict} lang={lang} current={text} onUse={insert} />
        ) : (
          <p className="notice">{t('edit.syncConflictReviewer')}</p>
        ))}
      <label id={labelId} className="visually-hidden">
        {lang === 'en' ? t('edit.label') : t('edit.labelIn', { language: targetLanguageName(lang, i18n.language) })}
      </label>
      <textarea
        ref={area}
        aria-labelledby={labelId}
        lang={lang}
        dir={textDirection(lang)}
        value={text}
        rows={Math.min(14, 3 + Math.ceil(text.length / 70))}
        onChange={(event) => change(event.target.value)}
      />
      {conflict && (
        <div className="conflict" role="alert">
          <p>{t('edit.conflict')}</p>
          {conflictBy && (
            <p className="conflict-by">
              {t('edit.conflictBy', { editor: conflictBy.editor, time: new Date(conflictBy.time).toLocaleString() })}
            </p>
          )}
          <div className="conflict-versions">
            <div>
              <p className="conflict-label">{t('edit.theirs')}</p>
              <p lang={lang}>{conflict.text || t('reader.untranslated')}</p>
            </div>
            <div>
              <p className="conflict-label">{t('edit.yours')}</p>
              <p lang={lang}>{text}</p>
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
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void save()}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          {text.trim() ? t('edit.save') : t('edit.clear')}
        </button>
        <button type="button" onClick={cancel} aria-keyshortcuts="Escape">
          {t('edit.cancel')}
        </button>
        <span className="hint">{t('edit.keys')}</span>
      </div>
      <MemoryPanel
        slug={slug}
        id={id}
        lang={editing?.lang ?? DEFAULT_TARGET_LANGUAGE}
        text={text}
        onInsert={insert}
        onInsertAtCursor={insertAtCursor}
      />
    </div>
  );
}

/** The draft saved in this browser for a gloss, unless it is what the gloss already says. */
function storedDraftFor(slug: string, id: string, current: string): { text: string; time: string } | null {
  try {
    const saved = storedDraft.safeParse(JSON.parse(localStorage.getItem(draftKey(slug, id)) ?? 'null'));
    return saved.success && saved.data.text !== current ? saved.data : null;
  } catch {
    // An unreadable draft (or no storage) is ignored.
    return null;
  }
}
