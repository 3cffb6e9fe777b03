import type { Metadata } from 'next';
import { QueueView } from '@/components/team/queue-view';
import { WorkbenchI18n } from '@/components/workbench-i18n';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';
import { getQueueTexts } from '@/lib/library/activity';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ ui: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return { title: t('queue.title'), robots: { index: false } };
}

/** What is waiting for the viewer: a reviewer's suggestions and drafts, a translator's untranslated and stale paragraphs (the API checks the role). */
export default async function QueuePage({ params }: Props) {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return (
    <div className="page queue-page">
      <h1>{t('queue.title')}</h1>
      <WorkbenchI18n>
        <QueueView texts={await getQueueTexts()} />
      </WorkbenchI18n>
    </div>
  );
}
