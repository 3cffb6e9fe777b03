'use client';

import Link from 'next/link';
import { useTranslation } from '@/components/i18n-provider';

/** The body of the 404 page, in the interface language of the layout around it. */
export function NotFoundMessage() {
  const { t } = useTranslation();
  return (
    <div className="page page-message">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
