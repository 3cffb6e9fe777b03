// Saving a paragraph in conflict (git sync) resolves it: a reviewer's choice, refused to a translator.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SignInGuard } from '@/lib/auth/attempts';
import { hashPassword } from '@/lib/auth/passwords';
import { replaceSignInGuard } from '@/lib/auth/request';
import { glossRevision } from '@/lib/gloss/validate';
import { addUser } from '@/lib/library/accounts';
import { loadText } from '@/lib/library/load';
import { makeDataDir } from '@/lib/testing/data-dir';
import { POST as signInRoute } from '@/app/api/session/route';
import { PUT } from './route';

const SLUG = 'essay';
const REGISTRY = Symbol.for('bilingual-reader.session-registry');
const saved = { EDITORS: process.env.EDITORS, SESSION_SECRET: process.env.SESSION_SECRET, TRUST_PROXY: process.env.TRUST_PROXY };
const CONFLICTS = `locales/en/${SLUG}.conflicts.json`;
const PASSWORD = 'a long enough password';

let data: ReturnType<typeof makeDataDir>;
let ids: string[];
const cookies = new Map<string, string>();
// One data folder and one sign-in per account for the file: hashing passwords is slow on purpose.
beforeAll(async () => {
  data = makeDataDir({
    files: {
      [`content/${SLUG}.md`]: '---\ntitle: 小文\n---\n\n第一段。\n\n第二段。\n',
      [`locales/en/${SLUG}.json`]: '{}\n',
      [`locales/en/${SLUG}.state.json`]: '{}\n',
    },
  });
  process.env.EDITORS = `ann:${hashPassword('ann password here')}`;
  process.env.SESSION_SECRET = 'test-secret-test-secret-test-secret';
  process.env.TRUST_PROXY = '1';
  replaceSignInGuard(new SignInGuard());
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('no text');
  ids = loaded.text.blocks.map((b) => b.id);
  for (const [name, role] of [
    ['tim', 'translator'],
    ['rey', 'reviewer'],
  ] as const) {
    expect((await addUser(name, PASSWORD, { role })).ok).toBe(true);
    cookies.set(name, await cookieOf(name));
  }
});
beforeEach(() => {
  data.write(
    CONFLICTS,
    JSON.stringify({ [ids[0]!]: { versions: [{ text: 'Theirs.', author: 'bo', revision: glossRevision('Theirs.') }] } }),
  );
});
afterAll(() => {
  data.dispose();
  delete (globalThis as Record<symbol, unknown>)[REGISTRY];
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function cookieOf(name: string): Promise<string> {
  const response = await signInRoute(
    new Request('http://localhost/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ name, password: PASSWORD }),
    }),
    {},
  );
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const save = (cookie: string, id: string, text: string) =>
  PUT(
    new Request(`http://localhost/api/texts/${SLUG}/glosses/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', cookie },
      body: JSON.stringify({ text, baseRevision: glossRevision(undefined) }),
    }),
    { params: Promise.resolve({ slug: SLUG, id }) },
  );

describe('PUT /api/texts/<slug>/glosses/<id> of a paragraph in conflict', () => {
  const cases: { name: string; who: string; paragraph: 0 | 1; status: number; conflictLeft: boolean }[] = [
    { name: 'a translator: refused, the conflict kept', who: 'tim', paragraph: 0, status: 403, conflictLeft: true },
    { name: 'a translator, another paragraph: saved', who: 'tim', paragraph: 1, status: 200, conflictLeft: true },
    { name: 'a reviewer: saved, the conflict resolved', who: 'rey', paragraph: 0, status: 200, conflictLeft: false },
  ];
  it.each(cases)('$name', async ({ who, paragraph, status, conflictLeft }) => {
    const response = await save(cookies.get(who) ?? '', ids[paragraph]!, 'Theirs.');
    const body = (await response.json()) as { error?: string };
    expect(response.status, JSON.stringify(body)).toBe(status);
    if (status === 403) expect(body.error).toMatch(/changed on two servers.*reviewer/);
    expect(existsSync(data.file(CONFLICTS))).toBe(conflictLeft);
  });
});
