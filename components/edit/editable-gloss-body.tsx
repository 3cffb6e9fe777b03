'use client';

import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { DEFAULT_TARGET_LANGUAGE } from '@/lib/i18n/target-language';
import { InlineText } from '../inline-text';
import { setGlossStatus } from './api';
import { Diff } from './diff-view';
import { useEditing } from './editing-context';
import { GlossEditor } from './gloss-editor';
import { HistoryPanel } from './history-panel';
import { ReferenceGloss } from './reference-gloss';

// The editing tools of one cell (editable-gloss.tsx loads this module only for someone who may edit).

// Loaded only when an editor opens a block's sentence links.
const SentenceLinks = lazy(() => import('./sentence-links').then((module) => ({ default: module.SentenceLinks })));

/** The cell in the language of the nearest editing context (English, or a LanguageEditing's). */
export function EditableGlossBody({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  const editing = useEditing();
  const record = editing?.records[id];
  const [shownText, setShownText] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [linksOpen, setLinksOpen] = useState(false);
  // A gloss changed from elsewhere in the page (an XLIFF import applied from the panel) is shown at once.
  const knownEn = useRef<string | null | undefined>(undefined);
  const en = record?.en;
  useEffect(() => {
    if (en === undefined) return;
    if (knownEn.current !== undefined && knownEn.current !== en) setShownText(en ?? '');
    knownEn.current = en;
  }, [en]);
  if (!editing || !record) return <>{children}</>;
  const lang = editing.lang ?? DEFAULT_TARGET_LANGUAGE;
  if (!editing.may('edit-gloss', lang)) return <>{children}</>;
  const mayReview = editing.may('mark-reviewed', lang);
  const isEditing = editing.editing === id;

  const setStatus = async (status: 'reviewed' | 'draft') => {
    const result = await setGlossStatus(
      editing.slug,
      id,
      { status, baseRevision: record.revision, baseStatus: record.status },
      editing.lang,
    );
    if (result.ok) {
      editing.update(id, { status: result.data.status, revision: result.data.revision });
      editing.announce(t(status === 'reviewed' ? 'edit.markedReviewed' : 'edit.markedDraft'));
    } else if (result.current) {
      const { text, revision, status: current } = result.current;
      editing.update(id, { en: text || null, revision, ...(current ? { status: current } : {}) });
      setShownText(result.current.text);
      editing.announce(t('edit.changedMeanwhile'));
    } else editing.announce(t('edit.failed', { error: result.error }));
  };

  return (
    <div className="editable" data-editing={isEditing || undefined}>
      {isEditing ? (
        <>
          <GlossEditor id={id} record={record} onDone={(text) => text !== undefined && setShownText(text)} />
          {editing.lang && <ReferenceGloss id={id} lang={editing.lang} />}
        </>
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
      {mayReview && record.status === 'stale' && record.staleFrom !== undefined && (
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
          {/* An untranslated gloss already says so in its cell; the chip would say it twice. */}
          {record.status !== 'untranslated' && (
            <span className={`status status-${record.status}`}>{t(`status.${record.status}`)}</span>
          )}
          <button type="button" className="edit-button" aria-keyshortcuts="e" onClick={() => editing.setEditing(id)}>
            {t('edit.edit')}
          </button>
          {mayReview && record.status === 'draft' && (
            <button type="button" onClick={() => setStatus('reviewed')}>
              {t('edit.markReviewed')}
            </button>
          )}
          <button type="button" aria-expanded={historyOpen} onClick={() => setHistoryOpen((open) => !open)}>
            {t('edit.history')}
          </button>
          {record.en && (
            <button type="button" aria-expanded={linksOpen} onClick={() => setLinksOpen((open) => !open)}>
              {t('align.sentences')}
            </button>
          )}
        </div>
      )}
      {linksOpen && record.en && !isEditing && (
        <Suspense fallback={<p>{t('edit.loading')}</p>}>
          <SentenceLinks
            slug={editing.slug}
            id={id}
            lang={lang}
            zh={record.zh}
            gloss={record.en}
            onClose={() => setLinksOpen(false)}
          />
        </Suspense>
      )}
      {historyOpen && <HistoryPanel id={id} record={record} onReverted={(text) => setShownText(text)} />}
    </div>
  );
}
