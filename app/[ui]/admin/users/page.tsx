import type { Metadata } from 'next';
import { WorkbenchI18n } from '@/components/workbench-i18n';
import { UsersAdmin } from '@/components/team/users-admin';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';

type Props = { params: Promise<{ ui: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return { title: t('users.title'), robots: { index: false } };
}

/** Accounts and roles, for admins (the page is the same for everyone; the API checks the role). */
export default async function UsersPage({ params }: Props) {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return (
    <div className="page users-page">
      <h1>{t('users.title')}</h1>
      <p className="tagline">{t('users.intro')}</p>
      <WorkbenchI18n>
        <UsersAdmin />
      </WorkbenchI18n>
    </div>
  );
}
