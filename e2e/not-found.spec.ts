import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { READ_PATH, SLUG, loadSeed, rawGet } from './helpers';

async function expectNotFoundPage(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  const back = page.getByRole('link', { name: 'Back to the library' });
  await expect(back).toBeVisible();
  await expect(back).toHaveAttribute('href', '/');
  // Inside the site's layout, in the interface language.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('header.site-header')).toBeVisible();
  await expect(page.locator('article.reader')).toHaveCount(0);
}

const cases: { title: string; path: () => string }[] = [
  { title: 'an unknown slug', path: () => '/read/nope' },
  { title: 'an unknown paragraph id', path: () => `${READ_PATH}/p/zzzzzz` },
  { title: 'an encoded traversal as the id (%2e%2e%2fetc)', path: () => `${READ_PATH}/p/%2e%2e%2fetc` },
  { title: 'a 300-character id', path: () => `${READ_PATH}/p/${'a'.repeat(300)}` },
  { title: 'an encoded traversal as the slug (..%2F..%2Fetc%2Fpasswd)', path: () => '/read/..%2F..%2Fetc%2Fpasswd' },
  { title: 'an id in upper case', path: () => `${READ_PATH}/p/${(loadSeed().textBlocks[0]?.id ?? 'abcdef').toUpperCase()}` },
  {
    title: 'the id of a --- break (not a paragraph)',
    path: () => `${READ_PATH}/p/${loadSeed().blocks.find((b) => b.isBreak)?.id}`,
  },
  { title: 'a paragraph id under another slug', path: () => `/read/nope/p/${loadSeed().textBlocks[0]?.id}` },
  { title: 'a slug in upper case', path: () => `/read/${SLUG.toUpperCase()}` },
  { title: 'an unmatched path', path: () => '/no/such/page' },
  { title: 'an unmatched one-segment path', path: () => '/nosuchpage' },
  { title: 'an unknown interface-language prefix', path: () => `/fr${READ_PATH}` },
];

test.describe('404 pages', () => {
  for (const c of cases) {
    test(`${c.title} gives 404 and the not-found page`, async ({ page }) => {
      const path = c.path();
      const response = await page.goto(path);
      expect(response, path).not.toBeNull();
      expect(response!.status(), path).toBe(404);
      await expectNotFoundPage(page);
    });
  }

  test('the 404 page is server-rendered: readable without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      for (const path of ['/read/nope', `${READ_PATH}/p/zzzzzz`, '/no/such/page']) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible();
        await expect(page.getByRole('link', { name: 'Back to the library' }), path).toHaveAttribute('href', '/');
        await expect(page.locator('html'), path).toHaveAttribute('lang', 'en');
      }
    } finally {
      await context.close();
    }
  });

  test('/robots.txt and /favicon.ico are not answered with the library page', async ({ request }) => {
    for (const path of ['/robots.txt', '/favicon.ico']) {
      const response = await request.get(path, { maxRedirects: 0 });
      const type = response.headers()['content-type'] ?? '';
      const servesHtmlPage = response.status() === 200 && type.startsWith('text/html');
      expect(servesHtmlPage, `${path} answered ${response.status()} ${type} (expected 404, or the real file)`).toBe(false);
    }
  });

  test('404s for unknown texts and paragraph ids are not cached as pages', async ({ request }) => {
    // A fresh, well-formed id each run, so an earlier run cannot have cached it.
    const id = `q${Math.random().toString(36).slice(2, 7).padEnd(5, '0')}`;
    for (const path of [`${READ_PATH}/p/${id}`, `/read/nope-${id}`]) {
      const first = await request.get(path);
      expect(first.status(), path).toBe(404);
      const cacheControl = first.headers()['cache-control'] ?? '';
      expect(cacheControl, `${path}: a 404 must not be stored by shared caches for a year`).not.toMatch(/s-maxage=\d{4,}/);
      const second = await request.get(path);
      expect(second.status(), path).toBe(404);
    }
    // Nothing was rendered and stored for the unknown id (the 404 page itself is one static page).
    const stored = readdirSync('.next-e2e', { recursive: true })
      .map(String)
      .filter((file) => file.includes(id));
    expect(stored, 'files the server stored for the unknown id').toEqual([]);
  });

  test('“Back to the library” leads to the library', async ({ page }) => {
    await page.goto('/read/nope');
    await page.getByRole('link', { name: 'Back to the library' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Texts' })).toBeVisible();
  });

  test('malformed ids sent verbatim get 404 from the server', async ({ baseURL }) => {
    const paths = [
      `${READ_PATH}/p/zzzzzz`,
      `${READ_PATH}/p/%2e%2e%2fetc`,
      `${READ_PATH}/p/${'a'.repeat(300)}`,
      `${READ_PATH}/p/..%2f..%2f..%2fetc%2fpasswd`,
      `${READ_PATH}/p/%00`,
      '/read/..%2F..%2Fetc%2Fpasswd',
      '/read/nope',
    ];
    const results = [];
    for (const path of paths) results.push({ path, status: (await rawGet(baseURL!, path)).status });
    expect(results).toEqual(paths.map((path) => ({ path, status: 404 })));
  });

  test('/read/<slug>/p/.. is never served as a page: 404, or a redirect to the dot-resolved /read/<slug>', async ({
    baseURL,
  }) => {
    // `..` is a dot segment: browsers resolve it before sending, so only a raw request carries it.
    for (const path of [`${READ_PATH}/p/..`, `${READ_PATH}/p/%2e%2e`]) {
      const { status, location, body } = await rawGet(baseURL!, path);
      if (status === 404) {
        expect(body, path).toContain('Page not found');
        continue;
      }
      expect([301, 302, 307, 308], `${path} answered ${status}`).toContain(status);
      expect(new URL(location ?? '', baseURL).pathname, `${path} redirected to ${location}`).toBe(READ_PATH);
    }
  });
});
