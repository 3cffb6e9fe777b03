'use client';

import { useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import type { PageLexicon, WordTarget } from '@/lib/annotate/view';
import { levelOfPair } from '@/lib/learn/hsk';
import { saveWord, sentenceAt, WORD_LIST_LIMITS, type SavedWord } from '@/lib/learn/word-list';
import { useWordList } from './use-word-list';

/** The English of the row a word is in, as shown, without note markers and buttons. */
function rowEnglish(anchor: HTMLElement): string {
  const cell = anchor.closest('.row')?.querySelector('.cell-en');
  if (!cell) return '';
  const copy = cell.cloneNode(true) as HTMLElement;
  for (const extra of copy.querySelectorAll('button, .mark, .note-detached')) extra.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, WORD_LIST_LIMITS.field);
}

/** The text's slug from the page's path (`/read/<slug>/…`, under a language prefix or not). */
function slugOfPage(): string | undefined {
  return /\/read\/([a-z0-9][a-z0-9_-]{0,79})(?:\/|$)/.exec(window.location.pathname)?.[1];
}

/**
 * *Save word*: keeps the word, its reading here, senses and HSK level, the sentence it was met in,
 * its paragraph's English and a link back, in this browser's word list (/words).
 */
export function SaveWordButton({ target, lexicon, anchor }: { target: WordTarget; lexicon: PageLexicon; anchor: HTMLElement }) {
  const { t } = useTranslation();
  const [list, update] = useWordList();
  const [failed, setFailed] = useState(false);
  const slug = slugOfPage();
  const { at } = target;
  if (!slug || !at) return null;
  const permalink = `/read/${slug}#${at.block}`;
  const sentence = sentenceAt(at.paragraph, at.start);
  const saved = list.some(
    (w) => w.word === target.word && w.contexts.some((c) => c.permalink === permalink && c.sentence === sentence),
  );

  const save = () => {
    const entry = lexicon.words[target.word];
    const word: SavedWord = {
      word: target.word,
      pinyin: target.pinyin || entry?.pinyin || '',
      senses: (entry?.senses ?? entry?.parts?.map((p) => `${p.char}: ${p.senses[0] ?? ''}`) ?? []).slice(
        0,
        WORD_LIST_LIMITS.senses,
      ),
      hsk: levelOfPair(lexicon.hsk?.[target.word], target.word),
      contexts: [
        {
          sentence,
          english: rowEnglish(anchor),
          slug,
          title: (document.querySelector('h1')?.textContent ?? slug).trim().slice(0, WORD_LIST_LIMITS.field),
          permalink,
          savedAt: new Date().toISOString(),
        },
      ],
    };
    setFailed(!update((current) => saveWord(current, word)));
  };

  return (
    <>
      <button
        type="button"
        className="popover-save"
        aria-pressed={saved}
        disabled={saved}
        aria-keyshortcuts="S"
        title={t('popover.saveKey')}
        onClick={save}
      >
        {saved ? t('popover.saved') : t('popover.save')}
      </button>
      {failed && <p role="alert">{t('popover.saveFailed')}</p>}
    </>
  );
}
