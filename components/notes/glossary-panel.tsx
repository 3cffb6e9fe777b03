'use client';

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { useEditing } from '@/components/edit/editing-context';
import type { GlossaryFinding, StoredTermResponse } from '@/lib/api/annotation-contract';
import { ANNOTATION_LANG } from './annotation-tools';

const api = () => import('./annotation-api');

interface Form {
  term: string;
  en: string;
  forbidden: string;
  note: string;
  shared: boolean;
  /** The revision of the entry being changed; absent for a new term. */
  revision?: string;
}

const EMPTY: Form = { term: '', en: '', forbidden: '', note: '', shared: false };
/** Renderings are typed one a line, or separated by semicolons. */
const listOf = (text: string) =>
  text
    .split(/[\n;]/)
    .map((r) => r.trim())
    .filter(Boolean);

/**
 * Marks the reader's rows whose glosses break a glossary rule: the row carries the terms, its
 * English cell the words the page's styles show above it (`label`).
 */
function markRows(findings: readonly GlossaryFinding[], label: (terms: string) => string = (terms) => terms) {
  document
    .querySelectorAll('.reader > .row [data-glossary-finding], .reader > .row[data-glossary-finding]')
    .forEach((element) => {
      element.removeAttribute('data-glossary-finding');
    });
  const byRow = new Map<string, string[]>();
  for (const f of findings) byRow.set(f.id, [...new Set([...(byRow.get(f.id) ?? []), f.term])]);
  for (const [id, terms] of byRow) {
    const row = document.getElementById(id);
    row?.setAttribute('data-glossary-finding', terms.join(' · '));
    row?.querySelector(':scope > .cell-en')?.setAttribute('data-glossary-finding', label(terms.join(' · ')));
  }
}

/**
 * For translators on the reading page: the glossary the text is checked with (the shared terms
 * and the text's own), to add, change and delete terms; after every change the lint runs again
 * and its findings are listed under each term and marked on the rows whose glosses break a rule.
 */
export function GlossaryPanel() {
  const editing = useEditing();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<StoredTermResponse[]>([]);
  const [findings, setFindings] = useState<GlossaryFinding[]>([]);
  const [form, setForm] = useState<Form>(EMPTY);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const may = editing?.may('edit-glossary', ANNOTATION_LANG) ?? false;
  const mayShared = editing?.may('edit-shared-glossary', ANNOTATION_LANG) ?? false;
  const slug = editing?.slug;

  const load = useCallback(async () => {
    if (!slug) return;
    const result = await (await api()).getGlossary(slug, ANNOTATION_LANG);
    if (!result.ok) return setError(result.error);
    setEntries(result.data.entries);
    setFindings(result.data.findings);
    markRows(result.data.findings, (terms) => t('glossary.rowMark', { terms }));
  }, [slug, t]);

  useEffect(() => () => markRows([]), []);

  if (!editing || !may) return null;

  const save = async () => {
    setBusy(true);
    setError('');
    const body = {
      en: listOf(form.en),
      forbidden: listOf(form.forbidden),
      note: form.note,
      ...(form.revision ? { baseRevision: form.revision } : {}),
    };
    const result = await (await api()).putTerm(editing.slug, form.term, body, form.shared, ANNOTATION_LANG);
    setBusy(false);
    if (!result.ok) return setError(result.status === 409 ? `${result.error}. ${t('glossary.reloaded')}` : result.error);
    setForm(EMPTY);
    editing.announce(t('glossary.saved', { term: result.data.entry.term }));
    await load();
  };
  const remove = async (entry: StoredTermResponse) => {
    if (!window.confirm(t('glossary.confirmDelete', { term: entry.term }))) return;
    setError('');
    const result = await (
      await api()
    ).removeTerm(editing.slug, entry.term, entry.revision, entry.source === 'shared', ANNOTATION_LANG);
    if (!result.ok) return setError(result.error);
    editing.announce(t('glossary.deleted', { term: entry.term }));
    await load();
  };
  const change = (entry: StoredTermResponse) =>
    setForm({
      term: entry.term,
      en: (entry.en ?? []).join('\n'),
      forbidden: (entry.forbidden ?? []).join('\n'),
      note: entry.note ?? '',
      shared: entry.source === 'shared',
      revision: entry.revision,
    });

  return (
    <details
      className="glossary-panel"
      open={open}
      onToggle={(event) => {
        const opened = event.currentTarget.open;
        setOpen(opened);
        if (opened) void load();
        else markRows([]);
      }}
    >
      <summary>{t('glossary.open')}</summary>
      <form
        className="glossary-form"
        aria-label={form.revision ? t('glossary.changeTitle', { term: form.term }) : t('glossary.addTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>
          {t('glossary.term')}
          <input
            value={form.term}
            lang="zh-Hans"
            readOnly={Boolean(form.revision)}
            onChange={(e) => setForm({ ...form, term: e.target.value })}
          />
        </label>
        <label>
          {t('glossary.approved')}
          <textarea value={form.en} rows={2} lang="en" onChange={(e) => setForm({ ...form, en: e.target.value })} />
        </label>
        <label>
          {t('glossary.forbidden')}
          <textarea value={form.forbidden} rows={2} lang="en" onChange={(e) => setForm({ ...form, forbidden: e.target.value })} />
        </label>
        <label>
          {t('glossary.note')}
          <textarea value={form.note} rows={2} lang="en" onChange={(e) => setForm({ ...form, note: e.target.value })} />
        </label>
        <fieldset className="glossary-scope" disabled={Boolean(form.revision)}>
          <legend>{t('glossary.scope')}</legend>
          <label>
            <input
              type="radio"
              name="glossary-scope"
              checked={!form.shared}
              onChange={() => setForm({ ...form, shared: false })}
            />{' '}
            {t('glossary.thisText')}
          </label>
          <label>
            <input
              type="radio"
              name="glossary-scope"
              checked={form.shared}
              disabled={!mayShared}
              onChange={() => setForm({ ...form, shared: true })}
            />{' '}
            {t('glossary.shared')}
          </label>
        </fieldset>
        {error && (
          <p role="alert" className="notice notice-error">
            {error}
          </p>
        )}
        <div className="glossary-actions">
          <button type="submit" disabled={busy}>
            {form.revision ? t('glossary.saveChange') : t('glossary.add')}
          </button>
          {form.revision && (
            <button type="button" onClick={() => setForm(EMPTY)}>
              {t('glossary.cancel')}
            </button>
          )}
        </div>
      </form>
      <p role="status" className="glossary-summary">
        {t('glossary.summary', { terms: entries.length, findings: findings.length })}
      </p>
      <ul className="glossary-entries">
        {entries.map((entry) => {
          const found = findings.filter((f) => f.term === entry.term);
          return (
            <li
              key={`${entry.source}:${entry.term}`}
              className="glossary-entry"
              data-term={entry.term}
              data-findings={found.length || undefined}
            >
              <span lang="zh-Hans" className="glossary-term">
                {entry.term}
              </span>{' '}
              <span lang="en">{(entry.en ?? [entry.term]).join(' · ')}</span>
              {entry.forbidden && (
                <span className="glossary-rule">
                  {' '}
                  {t('glossary.not')} <span lang="en">{entry.forbidden.join(' · ')}</span>
                </span>
              )}{' '}
              <span className="glossary-source">{t(entry.source === 'text' ? 'glossary.fromText' : 'glossary.fromShared')}</span>{' '}
              {(entry.source === 'text' || mayShared) && (
                <>
                  <button
                    type="button"
                    onClick={() => change(entry)}
                    aria-label={t('glossary.changeTitle', { term: entry.term })}
                  >
                    {t('glossary.change')}
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() => void remove(entry)}
                    aria-label={t('glossary.deleteTitle', { term: entry.term })}
                  >
                    {t('glossary.delete')}
                  </button>
                </>
              )}
              {found.length > 0 && (
                <ul className="glossary-findings">
                  {found.map((f) => (
                    <li key={`${f.id}:${f.kind}`}>
                      <a href={`#${f.id}`}>{t('glossary.paragraph', { id: f.id })}</a>{' '}
                      {f.kind === 'missing'
                        ? t('glossary.missing')
                        : t('glossary.usesForbidden', { used: (f.used ?? []).join(', ') })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
