'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import {
  filterWords,
  removeWord,
  sortWords,
  toAnkiTsv,
  toCsv,
  wordOrders,
  type SavedWord,
  type WordOrder,
} from '@/lib/learn/word-list';
import { parseRemovals, pruneRemovals, removalsOf } from '@/lib/learn/word-removals';
import { readStoredRemovals, storeRemovals, useWordList } from './use-word-list';

/**
 * Keeps the removal of `words` beside the list, so that signed in it follows the account to other
 * devices (LearnerSync sends it; lib/learn/word-removals.ts). Signed out it is only sent once
 * the reader signs in: a word removed here is then removed from the account's copy too.
 */
function recordRemovals(words: readonly string[]) {
  const now = new Date();
  storeRemovals(pruneRemovals([...removalsOf(words, now), ...parseRemovals(readStoredRemovals())], now));
}

/** Offers a file made in the page for download. */
function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function WordRow({ word, onRemove }: { word: SavedWord; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="saved-word">
      <p className="saved-word-head">
        <span lang="zh-Hans" className="saved-word-word">
          {word.word}
        </span>{' '}
        <span className="saved-word-pinyin">{word.pinyin}</span>{' '}
        <span className="saved-word-level">{word.hsk === null ? t('words.noLevel') : t('popover.hsk', { level: word.hsk })}</span>
      </p>
      <p lang="en">{word.senses.join('; ')}</p>
      <ul className="saved-word-contexts">
        {word.contexts.map((c) => (
          <li key={`${c.permalink}|${c.sentence}`}>
            <span lang="zh-Hans">{c.sentence}</span>
            {c.english && (
              <>
                {' '}
                <span lang="en" className="saved-word-english">
                  {c.english}
                </span>
              </>
            )}{' '}
            <Link href={c.permalink}>{c.title}</Link>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onRemove} aria-label={t('words.removeWord', { word: word.word })}>
        {t('words.remove')}
      </button>
    </li>
  );
}

/** The saved words: sorted, searched, removed one by one or all (removals follow the account), and exported for Anki or as CSV. */
export function WordListView() {
  const { t } = useTranslation();
  const [list, update] = useWordList();
  const [order, setOrder] = useState<WordOrder>('date');
  const [query, setQuery] = useState('');
  const shown = filterWords(sortWords(list, order), query);
  const origin = typeof window === 'undefined' ? '' : window.location.origin;

  if (list.length === 0) return <p>{t('words.empty')}</p>;
  return (
    <>
      <div className="words-tools">
        <label>
          <span>{t('words.sort')}</span>{' '}
          <select value={order} onChange={(event) => setOrder(event.target.value as WordOrder)}>
            {wordOrders.map((value) => (
              <option key={value} value={value}>
                {t(`words.sort.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('words.search')}</span>{' '}
          <input type="search" value={query} maxLength={100} onChange={(event) => setQuery(event.target.value)} />
        </label>
        <button type="button" onClick={() => download('words-anki.tsv', 'text/tab-separated-values', toAnkiTsv(list, origin))}>
          {t('words.exportAnki')}
        </button>
        <button type="button" onClick={() => download('words.csv', 'text/csv', toCsv(list, origin))}>
          {t('words.exportCsv')}
        </button>
        <button
          type="button"
          onClick={() => {
            if (!window.confirm(t('words.deleteAllConfirm', { count: list.length }))) return;
            recordRemovals(list.map((w) => w.word));
            update(() => []);
          }}
        >
          {t('words.deleteAll')}
        </button>
      </div>
      <p role="status">{t('words.count', { shown: shown.length, count: list.length })}</p>
      <ul className="saved-words">
        {shown.map((word) => (
          <WordRow
            key={word.word}
            word={word}
            onRemove={() => {
              recordRemovals([word.word]);
              update((current) => removeWord(current, word.word));
            }}
          />
        ))}
      </ul>
    </>
  );
}
