'use client';

import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { signIn } from './edit/api';

/** Signs in with a name and a password (named editors) or the shared editor token. */
export function SignInForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    // The server takes the editor token in the password field too; without a name it is sent as a token.
    const result = name.trim() ? await signIn({ name, password: secret }) : await signIn({ token: secret });
    setBusy(false);
    if (result.ok) {
      setMessage(t('signIn.done'));
      // A full load on purpose: every open page state (session, editing tools) starts from the new session.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign('/');
      return;
    }
    setMessage(t('signIn.failed', { error: result.status === 0 ? t('edit.offline') : result.error }));
  };

  return (
    <form className="sign-in" onSubmit={submit}>
      <label>
        {t('signIn.name')}
        <input
          name="name"
          autoComplete="username"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={64}
        />
      </label>
      <label>
        {t('signIn.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {t('signIn.submit')}
      </button>
      <p role="status">{message}</p>
    </form>
  );
}
