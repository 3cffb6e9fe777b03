'use client';

import { useTranslation } from 'react-i18next';
import type { PageLexicon, WordTarget } from '@/lib/annotate/view';
import type { ReadingAids } from './annotation-context';

interface Props {
  target: WordTarget;
  lexicon: PageLexicon;
  aids: ReadingAids;
  highlight: string | null;
  onHighlight: (word: string | null) => void;
}

/**
 * A word in the popover: the word in the script shown, its reading here (pinyin or zhuyin), its
 * other form (traditional or simplified) when that differs, the glossary's approved English
 * first, the dictionary's senses (or its characters' when the word is not in the dictionary),
 * and a control that highlights every occurrence.
 */
export function WordCard({ target, lexicon, aids, highlight, onHighlight }: Props) {
  const { t } = useTranslation();
  const { word, pinyin, term } = target;
  const entry = lexicon.words[word];
  const termEntry = term ? lexicon.terms[term] : undefined;
  const highlighted = highlight === word;
  // Other Chinese in the card (a term, a character) in the chosen script too.
  const inScript = (chinese: string) => {
    const form = aids.traditional ? lexicon.popoverTraditional?.[chinese] : undefined;
    return form ? { text: form, lang: 'zh-Hant' } : { text: chinese, lang: 'zh-Hans' };
  };
  const traditional = target.traditional;
  const reading = aids.writeReading(pinyin || entry?.pinyin || '');
  const shown = aids.traditional && traditional ? { text: traditional, lang: 'zh-Hant' } : { text: word, lang: 'zh-Hans' };
  const other = !traditional
    ? undefined
    : aids.traditional
      ? { label: t('popover.simplified'), text: word, lang: 'zh-Hans' }
      : { label: t('popover.traditional'), text: traditional, lang: 'zh-Hant' };
  return (
    <>
      <p className="popover-title">
        <span lang={shown.lang} className="popover-word">
          {shown.text}
        </span>{' '}
        <span className="popover-pinyin" data-notation={aids.notation}>
          {reading}
        </span>
        {other && (
          <span className="popover-traditional">
            {' '}
            {other.label} <span lang={other.lang}>{other.text}</span>
          </span>
        )}
      </p>
      {termEntry && (
        <div className="popover-term">
          <p className="popover-label">
            {t('popover.glossary')} <span lang={inScript(termEntry.term).lang}>{inScript(termEntry.term).text}</span>
            {termEntry.source && (
              <span className="popover-glossary-source">
                {' '}
                {t(termEntry.source === 'text' ? 'popover.glossaryText' : 'popover.glossaryShared')}
              </span>
            )}
          </p>
          <p lang="en">
            <strong>{termEntry.en[0]}</strong>
            {termEntry.en.length > 1 && ` · ${termEntry.en.slice(1).join(' · ')}`}
          </p>
          {termEntry.doNotTranslate && <p className="popover-term-rule">{t('popover.keepAsWritten')}</p>}
          {termEntry.forbidden && (
            <p className="popover-term-rule">
              {t('popover.forbidden')} <span lang="en">{termEntry.forbidden.join(' · ')}</span>
            </p>
          )}
          {termEntry.note && <p lang="en">{termEntry.note}</p>}
        </div>
      )}
      {entry && entry.senses.length > 0 && (
        <ol className="popover-senses" lang="en">
          {entry.senses.map((sense, i) => (
            <li key={i}>{sense}</li>
          ))}
        </ol>
      )}
      {entry?.parts && (
        <ul className="popover-parts">
          {entry.parts.map((part, i) => (
            <li key={i}>
              <span lang={inScript(part.char).lang}>{inScript(part.char).text}</span> {aids.writeReading(part.pinyin)}
              {part.senses[0] && (
                <span lang="en">
                  {': '}
                  {part.senses.join('; ')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {!entry && !termEntry && <p>{t('popover.noEntry')}</p>}
      <button type="button" aria-pressed={highlighted} onClick={() => onHighlight(highlighted ? null : word)}>
        {highlighted ? t('popover.unhighlight') : t('popover.highlight')}
      </button>
    </>
  );
}
