import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { POST } from './route';

const SLUG = 'essay';
const TOKEN = 'languages-route-token';
const saved = { token: process.env.EDITOR_TOKEN, readers: process.env.READERS };

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  process.env.EDITOR_TOKEN = TOKEN;
  delete process.env.READERS;
  data = makeDataDir({
    files: {
      [`content/${SLUG}.md`]: '---\ntitle: 小文\n---\n\n第一段。\n',
      [`locales/en/${SLUG}.json`]: '{}\n',
      [`locales/en/${SLUG}.state.json`]: '{}\n',
      [`locales/de/${SLUG}.json`]: '{}\n',
      [`locales/de/${SLUG}.state.json`]: '{}\n',
    },
  });
});
afterEach(() => {
  data.dispose();
  for (const [name, value] of [
    ['EDITOR_TOKEN', saved.token],
    ['READERS', saved.readers],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const post = (slug: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  POST(
    new Request(`http://localhost/api/texts/${slug}/languages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );

describe('POST /api/texts/<slug>/languages', () => {
  const cases: { name: string; slug?: string; body: unknown; headers?: Record<string, string>; status: number; said?: string }[] =
    [
      { name: 'a new language', body: { lang: 'fr' }, status: 201 },
      { name: 'a tag in any case, written canonical', body: { lang: 'pt-br' }, status: 201 },
      { name: 'a language the text has', body: { lang: 'de' }, status: 409, said: 'already has German' },
      { name: 'English, which every text has', body: { lang: 'en' }, status: 409 },
      { name: 'the source’s own Chinese', body: { lang: 'zh' }, status: 400, said: 'source' },
      { name: 'a path, not a tag', body: { lang: '../en' }, status: 400 },
      { name: 'a body without lang', body: { language: 'fr' }, status: 422 },
      { name: 'not JSON', body: '{ lang', status: 422 },
      { name: 'no editor', body: { lang: 'fr' }, headers: {}, status: 401 },
      { name: 'a wrong token', body: { lang: 'fr' }, headers: { authorization: 'Bearer nope' }, status: 401 },
      { name: 'an unknown text', slug: 'nothing', body: { lang: 'fr' }, status: 404 },
      { name: 'a slug that cannot be one', slug: '..', body: { lang: 'fr' }, status: 404 },
    ];
  it.each(cases)('$name → $status', async ({ slug = SLUG, body, headers, status, said }) => {
    const response = await post(slug, body, headers);
    const answer = (await response.json()) as { error?: string; lang?: string };
    expect(response.status, JSON.stringify(answer)).toBe(status);
    if (said) expect(answer.error).toContain(said);
  });

  it('201 answers the canonical tag and creates empty files, English untouched', async () => {
    const english = readFileSync(data.file(`locales/en/${SLUG}.json`), 'utf8');
    const response = await post(SLUG, { lang: 'pt-br' });
    expect(await response.json()).toEqual({ slug: SLUG, lang: 'pt-BR' });
    expect(readFileSync(data.file(`locales/pt-BR/${SLUG}.json`), 'utf8')).toBe('{}\n');
    expect(existsSync(data.file(`locales/pt-BR/${SLUG}.state.json`))).toBe(true);
    expect(readFileSync(data.file(`locales/en/${SLUG}.json`), 'utf8')).toBe(english);
  });

  it('a refused request creates nothing', async () => {
    await post(SLUG, { lang: 'fr' }, {});
    expect(existsSync(data.file('locales/fr'))).toBe(false);
  });
});
