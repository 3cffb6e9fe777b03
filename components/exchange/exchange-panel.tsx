'use client';

import { useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { useEditing } from '@/components/edit/editing-context';
import { apiPaths, errorResponse, importOutcomeSchema, importResponse, type ImportResponse } from '@/lib/api/contract';

type ImportReport = ImportResponse;

const OUTCOMES = importOutcomeSchema.options;
/** Outcomes counted but not listed unit by unit: nothing to do for them. */
const UNLISTED: ReadonlySet<string> = new Set(['unchanged', 'empty']);

/**
 * For editors on the reading page: download the text as XLIFF or TMX for a CAT tool, and upload
 * an XLIFF back. An upload is checked first (nothing written) and its report shown; Apply writes
 * the units that can be applied, each with its own history entry.
 */
export function ExchangePanel() {
  const editing = useEditing();
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!editing) return null;

  const upload = async (dryRun: boolean) => {
    if (!file) return;
    setError('');
    setBusy(true);
    try {
      const query = new URLSearchParams({ fileName: file.name, ...(dryRun ? { dryRun: '1' } : {}) });
      const response = await fetch(`${apiPaths.import(editing.slug)}?${query}`, {
        method: 'POST',
        body: file,
        headers: { 'content-type': 'application/octet-stream' },
      });
      const answer: unknown = await response.json();
      const ok = importResponse.safeParse(answer);
      if (!response.ok || !ok.success) {
        setReport(null);
        const refused = errorResponse.safeParse(answer);
        setError(refused.success ? refused.data.error : response.statusText);
        return;
      }
      setReport(ok.data);
      if (!dryRun && ok.data.counts.applied > 0) {
        await editing.refresh();
        editing.announce(`${ok.data.counts.applied} ${t('exchange.applied')}`);
      }
    } catch {
      setError(t('exchange.offline'));
    } finally {
      setBusy(false);
    }
  };

  const listed = report?.units.filter((u) => !UNLISTED.has(u.outcome)) ?? [];
  return (
    <details className="exchange-panel">
      <summary>{t('exchange.open')}</summary>
      <p className="exchange-downloads">
        <a href={apiPaths.xliff(editing.slug)} download>
          {t('exchange.xliff12')}
        </a>
        <a href={`${apiPaths.xliff(editing.slug)}?version=2.0`} download>
          {t('exchange.xliff20')}
        </a>
        <a href={`${apiPaths.xliff(editing.slug)}?sourceInTarget=1`} download>
          {t('exchange.omegat')}
        </a>
        <a href={`${apiPaths.tmx(editing.slug)}?drafts=1`} download>
          {t('exchange.tmx')}
        </a>
      </p>
      <label>
        {t('exchange.upload')}
        <input
          type="file"
          accept=".xlf,.xliff,.xml"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
          }}
        />
      </label>
      <div className="exchange-actions">
        <button type="button" disabled={!file || busy} onClick={() => void upload(true)}>
          {t('exchange.check')}
        </button>
        <button
          type="button"
          disabled={!file || busy || !report?.dryRun || report.counts.applied === 0}
          onClick={() => void upload(false)}
        >
          {t('exchange.apply', { count: report?.counts.applied ?? 0 })}
        </button>
      </div>
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      {report && (
        <section className="exchange-report" aria-live="polite" data-dry-run={report.dryRun ? 'true' : 'false'}>
          <p role="status">
            {report.dryRun ? t('exchange.wouldBe') : t('exchange.done')}{' '}
            {OUTCOMES.map((o) => `${report.counts[o]} ${t(`exchange.${o}`)}`).join(' · ')}
          </p>
          {!report.dryRun && report.counts.applied > 0 && <p>{t('exchange.shown')}</p>}
          <ul>
            {listed.slice(0, 500).map((u, i) => (
              <li key={`${u.id}:${i}`} data-outcome={u.outcome}>
                <strong>{t(`exchange.${u.outcome}`)}</strong> <a href={`#${u.id}`}>{u.id || '—'}</a>
                {u.reason && <span>: {u.reason}</span>}
                {u.outcome === 'conflict' && (
                  <span className="exchange-versions">
                    <span>
                      {t('exchange.inApp')}: {u.current}
                    </span>
                    <span>
                      {t('exchange.inFile')}: {u.incoming}
                    </span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </details>
  );
}
