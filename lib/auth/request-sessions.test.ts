import { describe, expect, it } from 'vitest';
import { ANN_HASH, EPOCH, NONCE, ROB_HASH, prepareAuthDataDir } from '@/lib/testing/auth-fixtures';
import type { AuthConfig } from './config';
import { PEER_HEADER } from './peer';
import { authorizeEdit } from './request';
import { credentialFingerprint, encodeSession, SESSION_COOKIE, type Session } from './session';
import { setProcessState } from '@/lib/process-state';

prepareAuthDataDir();

describe('a session holds only while its account does (checked on every request)', () => {
  const SECRET = 'test-secret';
  const SAME = 'http://localhost:3000';
  const base: AuthConfig = {
    mode: 'accounts',
    token: 'tok-123',
    accounts: [{ name: 'ann', role: 'admin', passwordHash: ANN_HASH }],
    secret: SECRET,
  };
  const cookieFor = (session: Partial<Session> = {}) =>
    `${SESSION_COOKIE}=${encodeSession(
      {
        name: 'ann',
        role: 'admin',
        expires: Date.now() + 3_600_000,
        sid: 'sid-ann',
        via: 'account',
        fp: credentialFingerprint(ANN_HASH, SECRET),
        ep: EPOCH,
        ...session,
      },
      SECRET,
    )}`;
  const edit = (config: AuthConfig, cookie: string) =>
    authorizeEdit(new Request('http://localhost:3000/api/x', { method: 'PUT', headers: { cookie, origin: SAME } }), config);

  // Before: the cookie alone was trusted for 14 days.
  const cases: { name: string; config: AuthConfig; cookie?: Partial<Session>; expected: 'signed-out' | 'ok' }[] = [
    { name: 'the account as configured', config: base, expected: 'ok' },
    { name: 'the account removed from EDITORS', config: { ...base, accounts: [] }, expected: 'signed-out' },
    {
      name: 'the account moved to READERS',
      config: { ...base, accounts: [{ name: 'ann', role: 'reader', passwordHash: ANN_HASH }] },
      expected: 'signed-out',
    },
    {
      name: 'the password changed',
      config: { ...base, accounts: [{ name: 'ann', role: 'admin', passwordHash: ROB_HASH }] },
      expected: 'signed-out',
    },
    {
      name: 'a token session while the token is unchanged',
      config: base,
      cookie: { via: 'token', name: 'bot', fp: credentialFingerprint('tok-123', SECRET) },
      expected: 'ok',
    },
    {
      name: 'a token session after the token changed',
      config: { ...base, token: 'tok-456' },
      cookie: { via: 'token', name: 'bot', fp: credentialFingerprint('tok-123', SECRET) },
      expected: 'signed-out',
    },
    {
      name: 'a token session after the token was removed',
      config: { ...base, token: undefined },
      cookie: { via: 'token', name: 'bot', fp: credentialFingerprint('tok-123', SECRET) },
      expected: 'signed-out',
    },
  ];
  it.each(cases)('$name', async ({ config, cookie, expected }) => {
    const access = await edit(config, cookieFor(cookie));
    expect(access.ok ? 'ok' : access.kind).toBe(expected);
  });

  it('a signed-out session stops working, copies of its cookie included, also for another process', async () => {
    const { revokeSession, isRevoked } = await import('./revocations');
    const cookie = cookieFor({ sid: 'sid-to-revoke' });
    expect((await edit(base, cookie)).ok).toBe(true);
    await revokeSession('sid-to-revoke', Date.now() + 3_600_000);
    expect(await edit(base, cookie)).toMatchObject({ ok: false, kind: 'signed-out' });
    expect((await edit(base, cookieFor({ sid: 'sid-other' }))).ok).toBe(true);
    // The revocation is on disk: a fresh process (an empty cache) still refuses the cookie.
    setProcessState('session-registry', undefined);
    expect(await isRevoked({ sid: 'sid-to-revoke', ep: EPOCH, expires: Date.now() + 3_600_000 })).toBe(true);
  });
});

describe('wrong bearer tokens are limited like wrong passwords', () => {
  const config: AuthConfig = { mode: 'accounts', token: 'tok-123', accounts: [], secret: 's' };
  const put = (token: string, peer = '203.0.113.9') =>
    authorizeEdit(
      new Request('http://localhost/api/x', {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, [PEER_HEADER]: `${NONCE} ${peer}` },
      }),
      config,
    );

  it('after five free wrong tokens from one address, the sixth brings 429 with a wait, even for the right token', async () => {
    for (let i = 0; i < 6; i += 1) expect(await put(`wrong-${i}`)).toMatchObject({ kind: 'signed-out' });
    const limited = await put('tok-123');
    expect(limited).toMatchObject({ ok: false, kind: 'too-many-attempts', retryAfterSeconds: expect.any(Number) });
    // Another address is not held up.
    expect(await put('tok-123', '198.51.100.7')).toMatchObject({ ok: true, editor: 'token' });
  });
});
