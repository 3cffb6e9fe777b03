'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Session = { viewer: { name: string; role: string } | null; mode: 'accounts' | 'open' | 'read-only' };

/** The footer's line on editing: who is signed in, how to sign in or out, or that the site is read-only. */
export function SessionStatus() {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    fetch('/api/session', { cache: 'no-store' })
      .then((response) => response.json() as Promise<Session>)
      .then(setSession)
      .catch(() => undefined);
  }, []);
  if (!session) return null;
  if (session.mode === 'read-only') return <span>{t('session.readOnly')}</span>;
  if (session.mode === 'open') return <span>{t('session.open')}</span>;
  if (!session.viewer) return <a href="/sign-in">{t('session.signIn')}</a>;
  const signOut = async () => {
    await fetch('/api/session', { method: 'DELETE' });
    window.location.reload();
  };
  return (
    <span>
      {t('session.signedIn', { name: session.viewer.name })}{' '}
      <button type="button" className="link-button" onClick={signOut}>
        {t('session.signOut')}
      </button>
    </span>
  );
}
