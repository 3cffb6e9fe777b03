// Two servers on one PostgreSQL (DATABASE_URL): each with its own connections and its own copy
// of the state, as two app servers have. A sign-out, failed attempts and accounts made on one
// count on the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerPair, NO_SERVER, OPEN_TIMEOUT_MS, testServerUrl } from '@/lib/db/test-engines';
import { makeDataDir } from '@/lib/testing/data-dir';
import type { StoredAccount } from '@/lib/store/accounts';
import { addAccount } from './accounts';
import { SignInGuard } from './attempts';
import { authConfig } from './config';
import { hashPassword, verifyPassword } from './passwords';
import { credentialFingerprint, decodeSession, encodeSession, newSessionId } from './session';
import { RECHECK_MS } from './session-registry';
import { makeAuthState, type AuthState } from './shared-state';

const url = testServerUrl();
const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

/** Calls `probe` until it returns true; how long that took, or the timeout when it never does. */
async function timeUntil(probe: () => Promise<boolean>, timeoutMs = 5000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await probe()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return timeoutMs;
}

describe.skipIf(!url)('two servers sharing DATABASE_URL', () => {
  let pair: Awaited<ReturnType<typeof openServerPair>>;
  let a: AuthState;
  let b: AuthState;
  let data: ReturnType<typeof makeDataDir>;
  beforeAll(async () => {
    data = makeDataDir();
    pair = await openServerPair(url ?? '');
    a = makeAuthState(pair.a);
    b = makeAuthState(pair.b);
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    await pair?.close();
    data?.dispose();
  });

  it(`a session signed out on A is refused on B within ${RECHECK_MS} ms`, async () => {
    const ep = await a.registry.epoch();
    expect(await b.registry.epoch()).toBe(ep);
    const session = { sid: newSessionId(), ep, expires: Date.now() + 3_600_000 };
    const other = { ...session, sid: newSessionId() };
    expect(await b.registry.isRevoked(session)).toBe(false);
    await a.registry.revoke(session.sid, session.expires);
    expect(await a.registry.isRevoked(session)).toBe(true);
    const took = await timeUntil(() => b.registry.isRevoked(session));
    expect(took).toBeLessThanOrEqual(RECHECK_MS + 250);
    expect(await b.registry.isRevoked(other)).toBe(false);
  });

  const spreads = [
    { name: 'A then B by turns', account: 'account:ann', servers: ['a', 'b', 'a', 'b', 'a', 'b'] },
    { name: 'five on A, the sixth on B', account: 'account:bob', servers: ['a', 'a', 'a', 'a', 'a', 'b'] },
  ];
  it.each(spreads)('failures spread over the servers ($name) are counted together', async ({ account, servers }) => {
    const guards = { a: new SignInGuard(a.counters()), b: new SignInGuard(b.counters()) };
    const attempt = { account, client: '198.51.100.7' };
    // The pair policy lets 5 failures through; the wait appears after the 6th, wherever it was made.
    for (const [i, server] of servers.entries()) {
      expect((await guards.a.check(attempt)).ok, `before failure ${i + 1}`).toBe(true);
      await guards[server as 'a' | 'b'].fail(attempt);
    }
    expect(await guards.a.check(attempt)).toMatchObject({ ok: false });
    expect(await guards.b.check(attempt)).toMatchObject({ ok: false });
  });

  it('30 guesses sent at once to both servers: 6 are checked', async () => {
    const guards = [new SignInGuard(a.counters()), new SignInGuard(b.counters())];
    const attempt = { account: 'account:cy', client: '203.0.113.77' };
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => guards[i % 2]?.begin(attempt)));
    expect(results.filter((r) => r?.ok).length).toBe(6);
  });

  it('an account added on A signs in on B, with a cookie either server accepts', async () => {
    const added = await a.accounts.update((list) =>
      addAccount<StoredAccount>(list, 'zoë', { role: 'translator', passwordHash: hashPassword('zoë password'), langs: ['fr'] }),
    );
    expect(added.ok).toBe(true);
    const took = await timeUntil(async () => (await b.accounts.read())?.accounts.some((x) => x.name === 'zoë') ?? false);
    expect(took).toBeLessThanOrEqual(RECHECK_MS + 250);
    const onA = authConfig(env({}), await a.accounts.read());
    const onB = authConfig(env({}), await b.accounts.read());
    const account = onB.accounts.find((x) => x.name === 'zoë');
    expect(account).toMatchObject({ role: 'translator', langs: ['fr'] });
    expect(await verifyPassword('zoë password', account?.passwordHash ?? '')).toBe(true);
    // The session key comes from the shared accounts' secret: a cookie made on A holds on B.
    expect(onB.secret).toBe(onA.secret);
    const session = {
      name: 'zoë',
      role: 'translator' as const,
      expires: Date.now() + 60_000,
      sid: newSessionId(),
      via: 'account' as const,
      fp: credentialFingerprint(account?.passwordHash ?? '', onA.secret),
      ep: await a.registry.epoch(),
    };
    const onServerB = decodeSession(encodeSession(session, onA.secret), onB.secret);
    expect(onServerB).toEqual(session);
    expect(await b.registry.isRevoked(session)).toBe(false);
  });
});

// Said only when there is no server, so a run that had one reports no skipped test.
if (!url) {
  describe('two servers sharing DATABASE_URL', () => {
    it.skip(NO_SERVER, () => undefined);
  });
}
