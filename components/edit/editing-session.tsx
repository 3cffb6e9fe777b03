'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { permits, type Action, type Grant } from '@/lib/auth/permissions';
import type { EditingContextValue, GlossRecord, GlossStatus } from './editing-context';
import { recordsOf } from './gloss-records';

const NEEDS_WORK: GlossStatus[] = ['untranslated', 'stale'];

/**
 * The editing page of EditingProvider for someone who may edit (`viewer`): loads the current
 * glosses with their revisions, and offers the filter, the "next to translate" jump and the
 * `e` / `n` keys. Hands the context's value up through `onValue`.
 */
export function EditingSession({
  slug,
  viewer,
  grant,
  onlyWork,
  setOnlyWork,
  setMessage,
  onValue,
}: {
  slug: string;
  viewer: string;
  grant: Grant;
  onlyWork: boolean;
  setOnlyWork: (on: boolean) => void;
  setMessage: (message: string) => void;
  onValue: (value: EditingContextValue | null) => void;
}) {
  const { t } = useTranslation();
  const [editor, setEditor] = useState<string | null>(null);
  const [records, setRecords] = useState<Record<string, GlossRecord>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const may = useCallback((action: Action, lang: string) => permits(grant, action, { text: slug, lang }).ok, [grant, slug]);

  useEffect(() => {
    let cancelled = false;
    // The API client (and its response schemas) is fetched only for someone who may edit.
    void import('./api')
      .then(({ getText }) => getText(slug))
      .then((result) => {
        if (cancelled || !result.ok) return;
        setRecords(recordsOf(result.data.blocks, (block) => block.en));
        setEditor(viewer);
      });
    return () => {
      cancelled = true;
    };
  }, [slug, viewer]);

  const update = useCallback((id: string, record: Partial<GlossRecord>) => {
    setRecords((current) => {
      const previous = current[id];
      return previous ? { ...current, [id]: { ...previous, ...record } } : current;
    });
  }, []);

  const refresh = useCallback(async () => {
    const { getText } = await import('./api');
    const result = await getText(slug);
    if (result.ok) setRecords(recordsOf(result.data.blocks, (block) => block.en));
  }, [slug]);

  const announce = useCallback(
    (text: string) => {
      setMessage(text);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setMessage(''), 5000);
    },
    [setMessage],
  );
  useEffect(() => () => clearTimeout(timer.current), []);

  // Rows carry their status for the filter and the jump.
  useEffect(() => {
    for (const [id, record] of Object.entries(records)) document.getElementById(id)?.setAttribute('data-status', record.status);
  }, [records]);

  const jumpToNext = useCallback(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('.reader > .row[data-status]')];
    const current = document.activeElement?.closest<HTMLElement>('.row');
    const start = current ? rows.indexOf(current) + 1 : 0;
    const ordered = [...rows.slice(start), ...rows.slice(0, start)];
    const next = ordered.find((row) => NEEDS_WORK.some((status) => status === row.dataset.status));
    if (!next) return announce(t('edit.nothingLeft'));
    next.scrollIntoView({ block: 'center' });
    next.querySelector<HTMLElement>('.edit-button')?.focus();
  }, [announce, t]);

  // Keys on a focused row: `e` edits it, `n` jumps to the next untranslated or stale one.
  useEffect(() => {
    if (!editor) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (!(target instanceof HTMLElement)) return;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === 'n') {
        event.preventDefault();
        jumpToNext();
      } else if (event.key === 'e') {
        const row = target.closest<HTMLElement>('.reader > .row');
        if (row && records[row.id]) {
          event.preventDefault();
          setEditing(row.id);
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editor, records, jumpToNext]);

  // Rows reached by a #id link or a search result scroll below the sticky bar, not under it.
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--edit-bar-height', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--edit-bar-height');
    };
  }, [editor]);

  const value = useMemo(
    () => (editor ? { slug, editor, records, update, editing, setEditing, announce, refresh, may } : null),
    [slug, editor, records, update, editing, announce, refresh, may],
  );
  const counts = Object.values(records).reduce<Record<string, number>>(
    (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
    {},
  );

  useEffect(() => {
    onValue(value);
    return () => onValue(null);
  }, [value, onValue]);

  if (!editor) return null;
  return (
    <div ref={bar} className="edit-bar" role="region" aria-label={t('edit.toolbar')}>
      <span>{t('edit.signedInAs', { name: editor })}</span>
      <span>
        {t('edit.counts', {
          untranslated: counts.untranslated ?? 0,
          stale: counts.stale ?? 0,
          draft: counts.draft ?? 0,
          reviewed: counts.reviewed ?? 0,
        })}
      </span>
      <label>
        <input type="checkbox" checked={onlyWork} onChange={(event) => setOnlyWork(event.target.checked)} /> {t('edit.onlyWork')}
      </label>
      <button type="button" onClick={jumpToNext} aria-keyshortcuts="n">
        {t('edit.next')}
      </button>
    </div>
  );
}
