'use client';

import { useTranslation } from '@/components/i18n-provider';
import { MarkedText } from './marked-text';
import type { SentenceMatchesView } from './memory-api';

/**
 * The memory's matches for each sentence of the paragraph being edited, from aligned sentence
 * pairs of every text: each labelled as a sentence match with its paragraph's permalink; a click
 * inserts its translation at the cursor (or in place of the selection), never saving.
 */
export function SentenceMatches({
  zh,
  sentences,
  lang,
  onInsert,
}: {
  /** The paragraph's Chinese: each entry's `zh` span is in it. */
  zh: string;
  sentences: SentenceMatchesView;
  lang: string;
  onInsert: (text: string) => void;
}) {
  const { t } = useTranslation();
  if (sentences.length === 0) return null;
  return (
    <>
      <h3>{t('memory.sentenceMatches')}</h3>
      <ol className="memory-sentences">
        {sentences.map((sentence) => (
          <li key={`${sentence.zh[0]}-${sentence.zh[1]}`}>
            <p className="memory-sentence" lang="zh-Hans">
              {zh.slice(sentence.zh[0], sentence.zh[1])}
            </p>
            <ol className="memory-matches">
              {sentence.matches.map((match) => (
                <li key={`${match.slug}/${match.id}/${match.link}`} className="memory-match sentence-match">
                  <button type="button" onClick={() => onInsert(match.gloss)}>
                    <span className="memory-score">{t('memory.score', { score: match.score })}</span> {t('memory.insertSentence')}
                  </button>
                  <p className="memory-zh">
                    <MarkedText text={match.zh} spans={match.diff} lang="zh-Hans" />
                  </p>
                  <p className="memory-gloss" lang={lang}>
                    {match.gloss}
                  </p>
                  <p className="memory-origin">
                    {t('memory.sentenceOf')} <a href={match.url}>{match.origin}</a> · {t(`status.${match.status}`)}
                  </p>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </>
  );
}
