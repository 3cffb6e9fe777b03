// Search: the header box, the results page with highlights, keyboard, pinyin and traditional
// queries, "search in this text", bad input and an axe scan. Read-only: nothing is changed.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { READ_PATH, SLUG, waitForHydration } from './helpers';

test('the header box: / focuses it from the reading page, Esc leaves it, Enter searches', async ({ page }) => {
  await page.goto(READ_PATH);
  await waitForHydration(page);
  const box = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox');
  await page.locator('body').press('/');
  await expect(box).toBeFocused();
  await box.press('Escape');
  await expect(box).not.toBeFocused();
  await page.locator('body').press('/');
  await box.fill('蒸馏');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=%E8%92%B8%E9%A6%8F$/);
  await expect(page.getByRole('status')).toContainText('3');
  await expect(page.locator('.search-zh mark').first()).toHaveText('蒸馏');
});

test('results show the Chinese and the English with the matches marked in both', async ({ page }) => {
  await page.goto('/search?q=Karpathy+distill');
  const result = page.locator('.search-result').first();
  await expect(result.locator('.search-zh mark')).toHaveText(['Karpathy']);
  await expect(result.locator('.search-en mark')).not.toHaveCount(0);
  const marked = await result.locator('.search-en mark').allTextContents();
  expect(marked).toContain('Karpathy');
  expect(marked.some((word) => /^distill/i.test(word))).toBe(true);
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Karpathy');
});

test('a pinyin query without tones or spaces finds the Chinese', async ({ page }) => {
  await page.goto('/search?q=zhengliu');
  await expect(page.getByRole('status')).toContainText('3');
  await expect(page.locator('.search-zh mark').first()).toHaveText('蒸馏');
  await page.goto('/search?q=zheng1+liu2');
  await expect(page.locator('.search-zh mark').first()).toHaveText('蒸馏');
});

test('with ?script=trad the results are shown in traditional characters, the matches still marked', async ({ page }) => {
  await page.goto('/search?q=%E8%92%B8%E9%A6%8F&script=trad'); // 蒸馏
  await expect(page.locator('.search-zh mark').first()).toHaveText('蒸餾');
  await expect(page.locator('.search-zh').first()).not.toContainText('蒸馏');
});

test('a traditional query finds the simplified text', async ({ page }) => {
  await page.goto('/search?q=%E8%87%AA%E5%8B%95%E9%A7%95%E9%A7%9B'); // 自動駕駛
  await expect(page.locator('.search-zh mark').first()).toHaveText('自动驾驶');
});

test('arrow keys move through the results and Enter lands on the row in the text', async ({ page }) => {
  await page.goto('/search?q=蒸馏');
  await waitForHydration(page);
  const links = page.locator('a[data-result-link]');
  await links.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.first()).toBeFocused();
  const id = await page.locator('.search-result').first().getAttribute('data-id');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${READ_PATH}#${id}$`));
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('↓ in the query field goes to the first result, without tabbing through the filters', async ({ page }) => {
  await page.goto('/search?q=蒸馏');
  await waitForHydration(page);
  await page.locator('#search-query').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('a[data-result-link]').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('a[data-result-link]').nth(1)).toBeFocused();
});

test('on a phone the results page does not overflow sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/search?q=蒸馏');
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  await context.close();
});

test('a result opens the text with the reading options of the search', async ({ page }) => {
  await page.goto('/search?q=蒸馏&script=trad&layout=stacked');
  await waitForHydration(page);
  const id = await page.locator('.search-result').first().getAttribute('data-id');
  await page.locator('a[data-result-link]').first().click();
  await expect(page).toHaveURL(new RegExp(`${READ_PATH}\\?[^#]+#${id}$`));
  const url = new URL(page.url());
  expect([url.searchParams.get('script'), url.searchParams.get('layout')]).toEqual(['trad', 'stacked']);
  await expect(page.locator('html')).toHaveAttribute('data-script', 'trad');
});

test('search in this text limits the results to the text', async ({ page }) => {
  await page.goto(READ_PATH);
  const form = page.getByRole('search', { name: 'Search in this text' });
  await form.getByRole('searchbox').fill('特斯拉');
  await form.getByRole('button').click();
  await expect(page).toHaveURL(new RegExp(`text=${SLUG}`));
  await expect(page.locator('.search-result').first()).toBeVisible();
  const hrefs = await page.locator('a[data-result-link]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.every((href) => href?.startsWith(`${READ_PATH}#`))).toBe(true);
});

test('bad input gets a clear message, and query text is shown as text', async ({ page, request }) => {
  await page.goto('/search?q=%22unclosed');
  await expect(page.getByRole('alert').filter({ hasText: 'quoted phrase is not closed' })).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByRole('searchbox', { name: 'Search', exact: true })).toHaveValue('<img src=x onerror=alert(1)>');
  for (const q of ['', '！？。', 'x'.repeat(10_000), '"a']) {
    const response = await request.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(response.status(), q.slice(0, 20)).toBe(400);
    expect((await response.json()).error).toBeTruthy();
  }
  expect((await request.get('/api/search?q=a&text=no-such-text')).status()).toBe(400);
  expect((await request.get('/api/search?q=a&status=draft')).status()).toBe(403);
  const regex = await request.get(`/api/search?q=${encodeURIComponent('.*(a+)+$ [')}`);
  expect(regex.status()).toBe(200);
});

test('the API answers in the documented shape', async ({ request }) => {
  const response = await request.get('/api/search?q=zhengliu&limit=2');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.total).toBe(3);
  expect(body.results).toHaveLength(2);
  expect(body.next).toBe('2');
  const [hit] = body.results;
  expect(Object.keys(hit).sort()).toEqual(['en', 'highlights', 'id', 'matchedIn', 'slug', 'status', 'type', 'zh']);
  expect(hit.matchedIn).toEqual([]);
  const [start, end] = hit.highlights.zh[0];
  expect(hit.zh.slice(start, end)).toBe('蒸馏');
  const rest = await (await request.get('/api/search?q=zhengliu&limit=2&cursor=2')).json();
  expect(rest.results).toHaveLength(1);
  expect(rest.next).toBeNull();
});

test('the results page has no axe violations', async ({ page }) => {
  await page.goto('/search?q=Karpathy');
  await expect(page.locator('.search-result').first()).toBeVisible();
  await expectNoAxeViolations(page);
});
