import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignInGuard } from '@/lib/auth/attempts';
import { hashPassword } from '@/lib/auth/passwords';
import { replaceSignInGuard } from '@/lib/auth/request';
import { makeDataDir } from '@/lib/testing/data-dir';
import { DELETE, GET, POST } from './route';
import { setProcessState } from '@/lib/process-state';

const saved = { EDITORS: process.env.EDITORS, SESSION_SECRET: process.env.SESSION_SECRET, TRUST_PROXY: process.env.TRUST_PROXY };

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir();
  process.env.EDITORS = `ann:${hashPassword('right horse battery')}`;
  process.env.SESSION_SECRET = 'test-secret-test-secret-test-secret';
  process.env.TRUST_PROXY = '1';
  replaceSignInGuard(new SignInGuard());
});
afterEach(() => {
  data.dispose();
  setProcessState('session-registry', undefined);
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const signIn = (password: string, client = '203.0.113.9', cookie = '') =>
  POST(
    new Request('http://localhost/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': client, cookie },
      body: JSON.stringify({ name: 'ann', password }),
    }),
    {},
  );

describe('POST /api/session under parallel guesses', () => {
  const cases = [
    { name: 'the right one sent last', right: 49 },
    { name: 'the right one sent first', right: 0 },
  ];
  it.each(cases)(
    '50 guesses at once: only the free attempts are checked ($name)',
    async ({ right }) => {
      const guesses = Array.from({ length: 50 }, (_, i) => (i === right ? 'right horse battery' : `guess ${i}`));
      const statuses = (await Promise.all(guesses.map((g) => signIn(g)))).map((r) => r.status);
      const checked = statuses.filter((s) => s !== 429);
      // Five free failures and the sixth (checked, then waited for): the rest refused unchecked.
      expect(checked.length).toBe(6);
      expect(statuses.filter((s) => s === 429).length).toBe(44);
      expect(statuses[right]).toBe(right < 6 ? 200 : 429);
    },
    30_000,
  );

  it('a success after failures does not count against the client', async () => {
    for (let i = 0; i < 3; i += 1) expect((await signIn(`wrong ${i}`)).status).toBe(401);
    expect((await signIn('right horse battery')).status).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await signIn(`wrong again ${i}`)).status).toBe(401);
  }, 30_000);
});

describe('DELETE /api/session when sessions cannot be recorded', () => {
  const withCookie = (method: 'GET' | 'DELETE', cookie: string) =>
    (method === 'GET' ? GET : DELETE)(
      new Request('http://localhost/api/session', { method, headers: { cookie, origin: 'http://localhost' } }),
      {},
    );
  async function signedIn(): Promise<string> {
    const response = await signIn('right horse battery');
    expect(response.status).toBe(200);
    return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  }

  it('signs out, and the cookie stops working', async () => {
    const cookie = await signedIn();
    expect(await (await withCookie('GET', cookie)).json()).toMatchObject({ viewer: { name: 'ann' } });
    expect((await withCookie('DELETE', cookie)).status).toBe(200);
    expect(await (await withCookie('GET', cookie)).json()).toMatchObject({ viewer: null });
  });

  const broken = [
    {
      name: 'a damaged registry',
      damage: () => data.write('.sessions/revoked.json', '{ "epoch": '),
      said: /Sessions are unavailable: \.sessions\/revoked\.json:1:12: malformed JSON/,
    },
    {
      name: 'a .sessions that is not a folder',
      damage: () => {
        rmSync(data.file('.sessions'), { recursive: true });
        data.write('.sessions', 'not a folder');
      },
      said: /cannot record sessions: \.sessions\/ cannot be written \(ENOTDIR\)/,
    },
  ];
  it.each(broken)('$name: 503 saying so, not a silent sign-out', async ({ damage, said }) => {
    const cookie = await signedIn();
    damage();
    setProcessState('session-registry', undefined);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await withCookie('DELETE', cookie);
    log.mockRestore();
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toMatch(said);
  });
});

describe('an attack on one account from many addresses', () => {
  it('holds up new browsers, not one the editor signed in from before (its device cookie)', async () => {
    const first = await signIn('right horse battery', '192.0.2.50');
    const device = (first.headers.getSetCookie?.() ?? []).find((c) => c.startsWith('bilingual-device='))?.split(';')[0];
    expect(device).toMatch(/^bilingual-device=[\w-]+\.[\w-]+$/);
    // 30 wrong guesses, one from each of 30 addresses: past the account's 20 free ones.
    for (let i = 0; i < 30; i += 1) await signIn(`guess ${i}`, `10.0.0.${i + 1}`);
    expect((await signIn('right horse battery', '198.51.100.7')).status).toBe(429);
    // A forged device cookie does not count.
    expect((await signIn('right horse battery', '192.0.2.50', 'bilingual-device=forged.cookie')).status).toBe(429);
    expect((await signIn('right horse battery', '192.0.2.50', device)).status).toBe(200);
  }, 60_000);
});
