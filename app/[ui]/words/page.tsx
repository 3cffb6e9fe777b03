import type { Metadata } from 'next';
import { LearnerDataPanel } from '@/components/learn/learner-data-panel';
import { LearnerSync } from '@/components/learn/learner-sync';
import { WordListView } from '@/components/learn/word-list-view';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';

type Props = { params: Promise<{ ui: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return { title: t('words.title'), robots: { index: false } };
}

/** The reader's saved words: kept in the browser, so the page is the same for everyone. */
export default async function WordsPage({ params }: Props) {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return (
    <div className="page words-page">
      <h1>{t('words.title')}</h1>
      <p className="tagline">{t('words.intro')}</p>
      <WordListView />
      <LearnerDataPanel />
      <LearnerSync />
    </div>
  );
}
