'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import type { HistoryEntryResponse } from '@/lib/api/contract';
import { getHistory, revertGloss } from './api';
import { Diff } from './diff-view';
import { useEditing, type GlossRecord } from './editing-context';

/** The changes to one gloss, newest first, each with its differences and a Revert. */
export function HistoryPanel({
  id,
  record,
  onReverted,
}: {
  id: string;
  record: GlossRecord;
  onReverted: (text: string) => void;
}) {
  const { t } = useTranslation();
  const editing = useEditing();
  const [entries, setEntries] = useState<HistoryEntryResponse[] | null>(null);
  const slug = editing?.slug ?? '';
  const lang = editing?.lang;

  useEffect(() => {
    let cancelled = false;
    void getHistory(slug, id, lang).then((result) => !cancelled && setEntries(result.ok ? result.data.entries.toReversed() : []));
    return () => {
      cancelled = true;
    };
  }, [slug, id, lang, record.revision]);

  const revert = async (to: string) => {
    const result = await revertGloss(slug, id, { to, baseRevision: record.revision }, lang);
    if (!editing) return;
    if (result.ok) {
      editing.update(id, { en: result.data.text || null, revision: result.data.revision, status: result.data.status });
      editing.announce(t('edit.reverted'));
      onReverted(result.data.text);
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
            {entry.machine && <span className="history-machine"> · {t('edit.machineMark', { provider: entry.machine })}</span>}
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
            <p>
              {t('edit.statusChange', {
                before: t(`status.${entry.before ?? 'draft'}`),
                after: t(`status.${entry.after ?? 'draft'}`),
              })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
