import type { Metadata } from 'next';
import { SignInForm } from '@/components/sign-in-form';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';

type Props = { params: Promise<{ ui: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return { title: t('signIn.title'), robots: { index: false } };
}

export default async function SignInPage({ params }: Props) {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return (
    <div className="page page-message">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <SignInForm />
    </div>
  );
}
