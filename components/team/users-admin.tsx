'use client';

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userListResponse, userResponse, type AccountSummaryResponse } from '@/lib/api/users-contract';
import { ROLES } from '@/lib/auth/permissions';
import { useSession } from '../session-provider';
import { AccountEditor } from './account-editor';

type Answer = { ok: true; body: unknown } | { ok: false; error: string };

async function send(url: string, method: string, body?: unknown): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method,
      cache: 'no-store',
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const parsed: unknown = await response.json().catch(() => undefined);
    if (response.ok) return { ok: true, body: parsed };
    const error = (parsed as { error?: unknown } | undefined)?.error;
    return { ok: false, error: typeof error === 'string' ? error : `HTTP ${response.status}` };
  } catch {
    return { ok: false, error: 'network' };
  }
}

const list = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** The accounts of the accounts file, for admins: add, change role and limits, remove (as `npm run user` does). */
export function UsersAdmin() {
  const { t } = useTranslation();
  const session = useSession();
  const [users, setUsers] = useState<AccountSummaryResponse[] | null>(null);
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);
  const [form, setForm] = useState({ name: '', role: 'reader', password: '', langs: '', texts: '' });
  const admin = session?.viewer?.role === 'admin';

  useEffect(() => {
    if (!admin) return;
    let cancelled = false;
    void send('/api/users', 'GET').then((answer) => {
      if (cancelled) return;
      if (answer.ok) setUsers(userListResponse.safeParse(answer.body).data?.users ?? []);
      else setMessage(answer.error);
    });
    return () => {
      cancelled = true;
    };
  }, [admin, version]);

  if (session === null) return <p>{t('edit.loading')}</p>;
  if (!admin) return <p>{t('users.adminsOnly')}</p>;

  const done = (answer: Answer, said: string) => {
    const user = answer.ok ? userResponse.safeParse(answer.body).data?.user : undefined;
    setMessage(answer.ok ? `${said}: ${user?.name ?? ''}` : answer.error);
    setVersion((v) => v + 1);
    return answer.ok;
  };

  const add = async () => {
    const answer = await send('/api/users', 'POST', {
      name: form.name,
      role: form.role,
      password: form.password,
      langs: list(form.langs),
      texts: list(form.texts),
    });
    // The password is not kept in the form after an attempt, whatever its answer.
    if (done(answer, t('users.added'))) setForm({ name: '', role: 'reader', password: '', langs: '', texts: '' });
    else setForm((now) => ({ ...now, password: '' }));
  };

  return (
    <>
      {users && (
        <table className="users-table">
          <caption>{t('users.accounts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.langs')}</th>
              <th scope="col">{t('users.texts')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.name}>
                <th scope="row">{user.name}</th>
                <td>
                  <select
                    aria-label={t('users.roleOf', { name: user.name })}
                    value={user.role}
                    onChange={(event) =>
                      void send(`/api/users/${encodeURIComponent(user.name)}`, 'PUT', { role: event.target.value }).then((a) =>
                        done(a, t('users.changed')),
                      )
                    }
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`users.role.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{user.langs.join(', ') || t('users.all')}</td>
                <td>{user.texts.join(', ') || t('users.all')}</td>
                <td>
                  <AccountEditor
                    user={user}
                    onSave={async (change) =>
                      done(await send(`/api/users/${encodeURIComponent(user.name)}`, 'PUT', change), t('users.changed'))
                    }
                  />{' '}
                  <button
                    type="button"
                    onClick={() => {
                      if (!window.confirm(t('users.confirmRemove', { name: user.name }))) return;
                      void send(`/api/users/${encodeURIComponent(user.name)}`, 'DELETE').then((a) => done(a, t('users.removed')));
                    }}
                  >
                    {t('users.remove', { name: user.name })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="users-add"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <h2>{t('users.add')}</h2>
        <label>
          {t('users.name')}
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          {t('users.role')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`users.role.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('users.password')}
          <input
            required
            type="password"
            autoComplete="new-password"
            minLength={8}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </label>
        <label>
          {t('users.langsHint')}
          <input value={form.langs} onChange={(e) => setForm({ ...form, langs: e.target.value })} />
        </label>
        <label>
          {t('users.textsHint')}
          <input value={form.texts} onChange={(e) => setForm({ ...form, texts: e.target.value })} />
        </label>
        <button type="submit">{t('users.addButton')}</button>
      </form>
      <p role="status">{message}</p>
    </>
  );
}
