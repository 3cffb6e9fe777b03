'use client';

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

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
    // The secret is tried as a password first (named accounts), then as the editor token.
    const attempt = (body: object) =>
      fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    let response = await attempt({ name, password: secret });
    if (response.status === 401 || response.status === 422) response = await attempt({ name, token: secret });
    setBusy(false);
    if (response.ok) {
      setMessage(t('signIn.done'));
      window.location.assign('/');
      return;
    }
    const data = (await response.json().catch(() => ({}))) as { error?: string };
    setMessage(t('signIn.failed', { error: data.error ?? response.statusText }));
  };

  return (
    <form className="sign-in" onSubmit={submit}>
      <label>
        {t('signIn.name')}
        <input name="name" autoComplete="username" value={name} onChange={(event) => setName(event.target.value)} maxLength={64} />
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
