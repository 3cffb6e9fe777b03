import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignInGuard } from '@/lib/auth/attempts';
import { hashPassword } from '@/lib/auth/passwords';
import { replaceSignInGuard } from '@/lib/auth/request';
import { POST } from './route';

const saved = { EDITORS: process.env.EDITORS, SESSION_SECRET: process.env.SESSION_SECRET, TRUST_PROXY: process.env.TRUST_PROXY };

beforeEach(() => {
  process.env.EDITORS = `ann:${hashPassword('right horse battery')}`;
  process.env.SESSION_SECRET = 'test-secret-test-secret-test-secret';
  process.env.TRUST_PROXY = '1';
  replaceSignInGuard(new SignInGuard());
});
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const signIn = (password: string, client = '203.0.113.9') =>
  POST(
    new Request('http://localhost/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': client },
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
