'use client';

import Link from 'next/link';
import { useTranslation } from '@/components/i18n-provider';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="page page-message" role="alert">
      <h1>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      <p>
        <button type="button" onClick={reset}>
          {t('error.retry')}
        </button>{' '}
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
