'use client';

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { glossaryHits } from '@/lib/memory/glossary-hits';
import { ConcordancePanel } from './concordance-panel';
import { MarkedText } from './marked-text';
import { SentenceMatches } from './sentence-matches';
import { getMachineSuggestion, getMatches, type MachineView, type MatchesView } from './memory-api';

/** What counts as an exact or near-exact match (it stands out). */
const NEAR_EXACT = 95;

/**
 * Beside the paragraph being edited: the translation memory's matches (Ctrl+1…Ctrl+5 or a click
 * inserts one into the field, never saving), matches for each of its sentences (inserted at the
 * cursor), the glossary terms of the paragraph checked against
 * what is typed, a concordance, and the machine suggestion when a provider is configured.
 */
export function MemoryPanel({
  slug,
  id,
  lang,
  text,
  onInsert,
  onInsertAtCursor,
}: {
  slug: string;
  id: string;
  lang: string;
  /** The translation as typed so far: the glossary check runs on it. */
  text: string;
  /** Puts a text into the field; `machine` names the provider when it is a machine suggestion. */
  onInsert: (text: string, machine?: string) => void;
  /** Puts a text at the cursor, in place of the selection if there is one (a sentence match). */
  onInsertAtCursor: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [found, setFound] = useState<MatchesView | null>(null);
  const [error, setError] = useState('');
  const [machine, setMachine] = useState<MachineView | null>(null);

  useEffect(() => {
    let cancelled = false;
    void getMatches(slug, id, lang).then((answer) => {
      if (cancelled) return;
      if (answer.ok) setFound(answer.data);
      else setError(answer.error);
    });
    void getMachineSuggestion(slug, id, lang).then((answer) => !cancelled && answer.ok && setMachine(answer.data));
    return () => {
      cancelled = true;
    };
  }, [slug, id, lang]);

  const matches = useMemo(() => found?.matches ?? [], [found]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.ctrlKey || event.altKey || event.metaKey || !/^[1-5]$/.test(event.key)) return;
      const match = matches[Number(event.key) - 1];
      if (!match) return;
      event.preventDefault();
      onInsert(match.gloss);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [matches, onInsert]);

  // Checked again on every keystroke: the terms come with the matches, the text is what is typed.
  const termHits = found ? glossaryHits(found.zh, text, found.glossary) : [];

  return (
    <section className="memory-panel" aria-label={t('memory.panel')}>
      <h3>{t('memory.matches')}</h3>
      {error && <p className="notice notice-error">{error}</p>}
      {!found && !error && <p>{t('edit.loading')}</p>}
      {found && matches.length === 0 && <p>{t('memory.noMatches')}</p>}
      {matches.length > 0 && (
        <ol className="memory-matches">
          {matches.map((match, i) => (
            <li
              key={`${match.slug}/${match.id}`}
              className={match.score >= NEAR_EXACT ? 'memory-match near-exact' : 'memory-match'}
            >
              <button type="button" onClick={() => onInsert(match.gloss)} aria-keyshortcuts={`Control+${i + 1}`}>
                <span className="memory-score">{t('memory.score', { score: match.score })}</span>{' '}
                <span className="visually-hidden">{t('memory.insert', { n: i + 1 })}</span>
                <kbd aria-hidden="true">Ctrl+{i + 1}</kbd>
              </button>
              <p className="memory-zh">
                <MarkedText text={match.zh} spans={match.diff} lang="zh-Hans" />
              </p>
              <p className="memory-gloss" lang={lang}>
                {match.gloss}
              </p>
              <p className="memory-origin">
                {match.originKind === 'memory' ? (
                  t('memory.fromMemory', { name: match.origin })
                ) : (
                  <a href={match.url}>{match.origin}</a>
                )}{' '}
                · {t(`status.${match.status}`)}
                {match.by && <> · {match.by}</>}
                {match.time && (
                  <>
                    {' '}
                    · <time dateTime={match.time}>{new Date(match.time).toLocaleDateString()}</time>
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      {found && <SentenceMatches zh={found.zh} sentences={found.sentences} lang={lang} onInsert={onInsertAtCursor} />}
      {machine?.provider && 'suggestion' in machine && (
        <div className="memory-machine">
          <h3>{t('memory.machine')}</h3>
          <p className="memory-machine-label">{machine.provider.label}</p>
          <p lang={lang}>{machine.suggestion}</p>
          <button type="button" onClick={() => onInsert(machine.suggestion, machine.provider.id)}>
            {t('memory.insertMachine')}
          </button>
        </div>
      )}
      <h3>{t('memory.glossary')}</h3>
      {termHits.length === 0 ? (
        <p>{t('memory.noTerms')}</p>
      ) : (
        <ul className="memory-terms" aria-live="polite">
          {termHits.map((hit) => (
            <li
              key={hit.term}
              className={hit.forbiddenUsed.length > 0 ? 'term-forbidden' : hit.used ? 'term-used' : 'term-unused'}
            >
              <span lang="zh-Hans">{hit.term}</span> → {hit.renderings.join(', ')}{' '}
              <span className="term-state">
                {hit.forbiddenUsed.length > 0
                  ? t('memory.forbiddenUsed', { used: hit.forbiddenUsed.join(', ') })
                  : hit.used
                    ? t('memory.termUsed')
                    : t('memory.termUnused')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ConcordancePanel lang={lang} />
    </section>
  );
}
