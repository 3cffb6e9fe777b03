'use client';

import { Fragment } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { toneOf } from '@/lib/annotate/tones';
import type { PageLexicon, WordTarget } from '@/lib/annotate/view';
import { ListenButton } from '../learn/listen-button';
import { SaveWordButton } from '../learn/save-word-button';
import { WordTools } from '../notes/word-tools';
import { scriptLang, shownScript, wordForms, type ReadingAids } from './annotation-context';

const HAN_RUN = /(\p{Script=Han}+)/u;

/** The word's HSK levels: HSK 3.0 (its band 7–9 as one), the old HSK 2.0 in brackets when it differs. */
function HskLine({ pair, fromParts }: { pair: [number, number] | undefined; fromParts: number | undefined }) {
  const { t } = useTranslation();
  const [current = 0, old = 0] = pair ?? [];
  const named = (level: number) => (level >= 7 ? t('popover.hskBand') : t('popover.hsk', { level }));
  const parts = [
    current === 0 ? '' : named(current),
    old === 0 || old === current ? '' : t('popover.hskOld', { level: old }),
  ].filter(Boolean);
  if (parts.length > 0) return <p className="popover-hsk">{parts.join(' ')}</p>;
  return (
    <p className="popover-hsk">
      {t('popover.hskNone')}
      {fromParts !== undefined && ` ${t('popover.hskParts', { level: named(fromParts) })}`}
    </p>
  );
}

/** A reading in the notation shown, each syllable coloured by its tone when tone colours are on. */
function Reading({ pinyin, aids }: { pinyin: string; aids: ReadingAids }) {
  if (!aids.tones) return aids.writeReading(pinyin);
  return pinyin.split(' ').map((syllable, i) => (
    <Fragment key={i}>
      {i > 0 && ' '}
      <span className={`tone-${toneOf(syllable)}`}>{aids.writeReading(syllable)}</span>
    </Fragment>
  ));
}

interface Props {
  target: WordTarget;
  /** The word's element in the page (its row holds the English a saved word keeps). */
  anchor: HTMLElement;
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
export function WordCard({ target, anchor, lexicon, aids, highlight, onHighlight }: Props) {
  const { t } = useTranslation();
  const { word, pinyin, term } = target;
  const entry = lexicon.words[word];
  const termEntry = term ? lexicon.terms[term] : undefined;
  const highlighted = highlight === word;
  const script = shownScript(aids, lexicon);
  const otherScript = script === 'trad' ? 'simp' : 'trad';
  const converting = script !== (lexicon.script ?? 'simp');
  // Other Chinese in the card (a term, a character, a word a sense names) in the script shown too.
  const inScript = (chinese: string) => {
    const form = converting ? lexicon.popoverForms?.[chinese] : undefined;
    return { text: form ?? chinese, lang: scriptLang(script) };
  };
  const withChinese = (sense: string) =>
    sense.split(HAN_RUN).map((piece, i) =>
      i % 2 === 1 ? (
        <span key={i} lang={inScript(piece).lang}>
          {inScript(piece).text}
        </span>
      ) : (
        piece
      ),
    );
  const forms = wordForms(target, script, lexicon);
  const shown = { text: forms.shown, lang: scriptLang(script) };
  const other =
    forms.other === undefined
      ? undefined
      : {
          label: t(otherScript === 'trad' ? 'popover.traditional' : 'popover.simplified'),
          text: forms.other,
          lang: scriptLang(otherScript),
        };
  return (
    <>
      <p className="popover-title">
        <span lang={shown.lang} className="popover-word">
          {shown.text}
        </span>{' '}
        <span className="popover-pinyin" data-notation={aids.notation}>
          <Reading pinyin={pinyin || entry?.pinyin || ''} aids={aids} />
        </span>
        {other && (
          <span className="popover-traditional">
            {' '}
            {other.label} <span lang={other.lang}>{other.text}</span>
          </span>
        )}
      </p>
      {lexicon.hsk && <HskLine pair={lexicon.hsk[word]} fromParts={lexicon.hskParts?.[word]} />}
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
            <li key={i}>{withChinese(sense)}</li>
          ))}
        </ol>
      )}
      {entry?.parts && (
        <ul className="popover-parts">
          {entry.parts.map((part, i) => (
            <li key={i}>
              <span lang={inScript(part.char).lang}>{inScript(part.char).text}</span> <Reading pinyin={part.pinyin} aids={aids} />
              {part.senses[0] && (
                <span lang="en">
                  {': '}
                  {withChinese(part.senses.join('; '))}
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
      <SaveWordButton target={target} lexicon={lexicon} anchor={anchor} />
      <ListenButton
        text={word}
        src={`/api/audio?${new URLSearchParams({ text: word, ...(pinyin ? { pinyin } : {}) }).toString()}`}
        variant="popover"
      />
      <WordTools target={target} />
    </>
  );
}
