'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { withParagraphRead, type TextProgress } from '@/lib/learn/progress';
import { LearnerSync } from './learner-sync';
import { useReadingProgress } from './use-reading-progress';

/** Rows above this share of the window's height count as read. */
const READ_LINE = 0.3;

/**
 * Remembers the paragraph being read in this browser: on scroll (at most twice a second), the
 * first row of the page whose bottom is below the top third of the window. `offset` is the index
 * of the page's first block in the text and `total` the text's block count, for the share read.
 * Signed in, it also keeps the account's copy in step (LearnerSync).
 */
export function ReadingTracker({ slug, offset, total }: { slug: string; offset: number; total: number }) {
  const [, update] = useReadingProgress();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const record = () => {
      timer = undefined;
      const rows = [...document.querySelectorAll<HTMLElement>('article.reader > .row[id]')];
      const line = window.innerHeight * READ_LINE;
      const index = rows.findIndex((row) => row.getBoundingClientRect().bottom > line);
      const row = rows[index];
      if (!row) return;
      const share = total > 0 ? (offset + index + 1) / total : 0;
      update((progress) => withParagraphRead(progress, slug, row.id, share, new Date().toISOString()));
    };
    const onScroll = () => {
      timer ??= setTimeout(record, 500);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      clearTimeout(timer);
    };
  }, [slug, offset, total, update]);
  return <LearnerSync />;
}

/**
 * *Continue where you stopped* for one text, with the share read, when this browser remembers a
 * place in it other than its first block; nothing otherwise. `bar` adds a progress bar (library).
 * The place is the one read before this page was opened (here, in another tab, or on another
 * device through the account): what this page's own reading records is for the next visit, so
 * the link neither appears nor moves while the reader reads, pushing the text about.
 */
export function ContinueReading({ slug, firstId, bar = false }: { slug: string; firstId?: string; bar?: boolean }) {
  const { t } = useTranslation();
  const [progress] = useReadingProgress();
  const [openedAt] = useState(() => new Date().toISOString());
  const [place, setPlace] = useState<TextProgress | undefined>(undefined);
  const latest = progress[slug];
  // Kept from an earlier render (React's pattern for state that follows a value), never replaced
  // by a place read after the page opened.
  if (latest && latest.at <= openedAt && latest !== place) setPlace(latest);
  if (!place || place.id === firstId) return null;
  const percent = Math.round(place.share * 100);
  return (
    <p className="continue-reading">
      {bar && <progress max={100} value={percent} aria-hidden="true" />}
      <a href={`/read/${slug}#${place.id}`} data-carry-query="">
        {t('progress.continue')}
      </a>{' '}
      <span>{t('progress.read', { percent })}</span>
    </p>
  );
}
