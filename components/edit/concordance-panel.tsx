'use client';

import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { MarkedText } from './marked-text';
import { getConcordance, type ConcordanceView } from './memory-api';

/**
 * Concordance: a word or phrase (typed, or the selection in the Chinese) looked up across the
 * library's translations, keyword in context, grouped by how it was rendered, with counts.
 */
export function ConcordancePanel({ lang }: { lang: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState<ConcordanceView | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const look = async (query: string) => {
    const term = query.trim();
    if (!term) return;
    setQ(term);
    setBusy(true);
    setError('');
    const answer = await getConcordance(term, lang);
    setBusy(false);
    if (answer.ok) setPage(answer.data);
    else setError(answer.error);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void look(q);
  };

  return (
    <div className="concordance">
      <h3>{t('memory.concordance')}</h3>
      <form onSubmit={submit} role="search" aria-label={t('memory.concordance')}>
        <label>
          {t('memory.concordanceQuery')}{' '}
          <input type="search" value={q} maxLength={100} onChange={(event) => setQ(event.target.value)} />
        </label>{' '}
        <button type="submit" disabled={busy}>
          {t('memory.lookUp')}
        </button>{' '}
        <button
          type="button"
          disabled={busy}
          // The selection in the Chinese survives pressing this button (mousedown does not clear it).
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void look(window.getSelection()?.toString() ?? '')}
        >
          {t('memory.lookUpSelection')}
        </button>
      </form>
      {error && <p className="notice notice-error">{error}</p>}
      {page && (
        <div aria-live="polite">
          <p>{t('memory.places', { count: page.total })}</p>
          {page.renderings.length > 0 && (
            <ul className="concordance-renderings" aria-label={t('memory.renderings')}>
              {page.renderings.map((r) => (
                <li key={r.text}>
                  <span lang={lang}>{r.text || t('memory.otherRendering')}</span> <span className="count">{r.count}</span>
                </li>
              ))}
            </ul>
          )}
          <ol className="concordance-lines">
            {page.results.map((line) => (
              <li key={`${line.slug}/${line.id}`}>
                <p>
                  <MarkedText text={line.zh} spans={line.highlights.zh} lang="zh-Hans" />
                </p>
                <p>
                  <MarkedText text={line.gloss} spans={line.highlights.gloss} lang={lang} />
                </p>
                <p className="concordance-origin">{line.url ? <a href={line.url}>{line.url}</a> : line.origin}</p>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
