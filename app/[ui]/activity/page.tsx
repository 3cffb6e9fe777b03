import type { Metadata } from 'next';
import { WorkbenchI18n } from '@/components/workbench-i18n';
import { ActivityView } from '@/components/team/activity-view';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';

type Props = { params: Promise<{ ui: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return { title: t('activity.title'), robots: { index: false } };
}

/** What the team did: saves, reviews and suggestions, for anyone signed in (the API checks). */
export default async function ActivityPage({ params }: Props) {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return (
    <div className="page activity-page">
      <h1>{t('activity.title')}</h1>
      <WorkbenchI18n>
        <ActivityView />
      </WorkbenchI18n>
    </div>
  );
}
