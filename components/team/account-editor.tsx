'use client';

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummaryResponse } from '@/lib/api/users-contract';

/** What the editor sends: the limits always, a new password only when one was typed. */
export interface AccountChange {
  langs: string[];
  texts: string[];
  password?: string;
}

const list = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * One account's languages, texts and password, as `npm run user -- set <name> --lang … --text …
 * --password` changes them: a Change button opening a small form in the row. The password field
 * starts empty and is emptied again after a save: a password is never shown.
 */
export function AccountEditor({
  user,
  onSave,
}: {
  user: AccountSummaryResponse;
  onSave: (change: AccountChange) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ langs: '', texts: '', password: '' });
  if (!open)
    return (
      <button
        type="button"
        onClick={() => {
          setForm({ langs: user.langs.join(', '), texts: user.texts.join(', '), password: '' });
          setOpen(true);
        }}
      >
        {t('users.change', { name: user.name })}
      </button>
    );
  return (
    <form
      className="users-change"
      aria-label={t('users.change', { name: user.name })}
      onSubmit={(event) => {
        event.preventDefault();
        const change: AccountChange = { langs: list(form.langs), texts: list(form.texts) };
        if (form.password !== '') change.password = form.password;
        void onSave(change).then((ok) => {
          setForm((now) => ({ ...now, password: '' }));
          if (ok) setOpen(false);
        });
      }}
    >
      <label>
        {t('users.langsHint')}
        <input value={form.langs} onChange={(e) => setForm({ ...form, langs: e.target.value })} />
      </label>
      <label>
        {t('users.textsHint')}
        <input value={form.texts} onChange={(e) => setForm({ ...form, texts: e.target.value })} />
      </label>
      <label>
        {t('users.newPassword')}
        <input
          type="password"
          autoComplete="new-password"
          minLength={8}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
      </label>
      <button type="submit">{t('users.save')}</button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('users.cancel')}
      </button>
    </form>
  );
}
