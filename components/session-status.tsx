'use client';

import Link from 'next/link';
import { useTranslation } from '@/components/i18n-provider';
import { useSession } from './session-provider';

/** The footer's line on editing: who is signed in, how to sign in or out, or that the site is read-only. */
export function SessionStatus() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  if (session.mode === 'read-only') return <span>{t('session.readOnly')}</span>;
  if (session.mode === 'open') return <span>{t('session.open')}</span>;
  if (!session.viewer) return <Link href="/sign-in">{t('session.signIn')}</Link>;
  const leave = async () => {
    const { signOut } = await import('./edit/api');
    await signOut();
    window.location.reload();
  };
  return (
    <span>
      {t('session.signedIn', { name: session.viewer.name })}{' '}
      <button type="button" className="link-button" onClick={leave}>
        {t('session.signOut')}
      </button>
    </span>
  );
}
