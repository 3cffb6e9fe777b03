// Accounts in the file take effect at once: a session opened before a change follows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuthConfig, authorize } from '@/lib/auth/request';
import { credentialFingerprint, encodeSession, SESSION_COOKIE } from '@/lib/auth/session';
import { sessionEpoch } from '@/lib/auth/revocations';
import { makeDataDir } from '@/lib/testing/data-dir';
import { addUser, listUsers, removeUser, setUser } from './accounts';

let data: ReturnType<typeof makeDataDir>;
const saved = { EDITORS: process.env.EDITORS, EDITOR_TOKEN: process.env.EDITOR_TOKEN, READERS: process.env.READERS };
beforeAll(() => {
  data = makeDataDir();
  delete process.env.EDITORS;
  delete process.env.EDITOR_TOKEN;
  delete process.env.READERS;
});
afterAll(() => {
  data.dispose();
  Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([, v]) => v !== undefined)));
});

async function requestAs(name: string) {
  const config = await loadAuthConfig();
  const account = config.accounts.find((a) => a.name === name);
  if (!account) throw new Error(`no ${name}`);
  const cookie = `${SESSION_COOKIE}=${encodeSession(
    {
      name,
      role: account.role,
      expires: Date.now() + 60_000,
      sid: `sid-${name}`,
      via: 'account',
      fp: credentialFingerprint(account.passwordHash, config.secret),
      ep: await sessionEpoch(),
    },
    config.secret,
  )}`;
  return () =>
    new Request('http://localhost:3000/api/x', { method: 'PUT', headers: { cookie, origin: 'http://localhost:3000' } });
}

describe('accounts in the accounts file', () => {
  it('adds, limits, changes and removes, each counted at the next request', async () => {
    expect(await addUser('fr-tr', 'password-1', { role: 'translator', langs: ['fr'] })).toMatchObject({ ok: true });
    expect(await addUser('fr-tr', 'password-2', { role: 'reader' })).toEqual({
      ok: false,
      error: 'There is already an account named "fr-tr"',
    });
    expect(await addUser('weak', 'short', { role: 'reader' })).toMatchObject({ ok: false });
    expect(await listUsers()).toEqual([{ name: 'fr-tr', role: 'translator', langs: ['fr'], texts: [] }]);
    expect((await loadAuthConfig()).mode).toBe('accounts');

    const request = await requestAs('fr-tr');
    expect(await authorize(request(), 'edit-gloss', { text: 'a', lang: 'fr' })).toMatchObject({ ok: true, editor: 'fr-tr' });
    expect(await authorize(request(), 'edit-gloss', { text: 'a', lang: 'en' })).toEqual({
      ok: false,
      kind: 'forbidden',
      error: 'translator for English needed (fr-tr is a translator)',
    });
    // Limits come from the file at each request.
    await setUser('fr-tr', { langs: ['en'] });
    expect(await authorize(request(), 'edit-gloss', { text: 'a', lang: 'en' })).toMatchObject({ ok: true });
    // A new role ends the session: its holder signs in again with the new role.
    await setUser('fr-tr', { role: 'reviewer' });
    expect(await authorize(request(), 'edit-gloss', { text: 'a', lang: 'en' })).toMatchObject({ ok: false, kind: 'signed-out' });
    const again = await requestAs('fr-tr');
    expect(await authorize(again(), 'mark-reviewed', { text: 'a', lang: 'en' })).toMatchObject({ ok: true });
    await removeUser('fr-tr');
    expect(await authorize(again(), 'suggest', { text: 'a', lang: 'en' })).toMatchObject({ ok: false, kind: 'signed-out' });
  });
});
