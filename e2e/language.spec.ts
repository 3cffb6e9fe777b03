import { expect, test, type Page } from '@playwright/test';
import { READ_PATH, waitForHydration } from './helpers';

/** The markup of every reading cell, in order, without the interface's marks (“Untranslated”…). */
async function readingContent(page: Page) {
  return page.locator('article.reader > .row').evaluateAll((els) =>
    els.map((el) => {
      const content = (selector: string) => {
        const cell = el.querySelector(selector)?.cloneNode(true) as Element | undefined;
        if (!cell) return null;
        // Marks and note markers carry interface-language labels; the reading text must not change.
        cell.querySelectorAll('.mark, .note-ref').forEach((node) => node.remove());
        return { lang: cell.getAttribute('lang'), text: cell.textContent };
      };
      return { id: el.id, zh: content('.cell-zh'), en: content('.cell-en') };
    }),
  );
}

async function switchTo(page: Page, name: 'English' | '中文') {
  const button = page.locator('.site-header').getByRole('button', { name, exact: true });
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await waitForHydrationOfHeader(page);
  const reloaded = page.waitForEvent('load');
  await button.click();
  await reloaded;
}

test.describe('interface language', () => {
  test('the header offers English and 中文 in a group labelled “Interface language”, English pressed', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const group = page.getByRole('group', { name: 'Interface language' });
    await expect(group.getByRole('button', { name: 'English', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(group.getByRole('button', { name: '中文', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await expect(group.getByRole('button', { name: '中文', exact: true })).toHaveAttribute('lang', 'zh-Hans');
  });

  test('choosing 中文 sets the cookie, reloads in Chinese, and keeps the URL', async ({ page, context }) => {
    await page.goto('/');
    await waitForHydrationOfHeader(page);
    await switchTo(page, '中文');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();
    await expect(
      page.getByRole('group', { name: '界面语言' }).getByRole('button', { name: '中文', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'ui-lang')?.value).toBe('zh');
    await expect(page.locator('.text-card').filter({ has: page.locator(`a[href="${READ_PATH}"]`) })).toContainText(
      '已翻译 50 / 50 段',
    );
  });

  test('in Chinese the reading page’s labels change and its Chinese and English content does not', async ({ page }) => {
    await page.goto(READ_PATH);
    await waitForHydration(page);
    const before = await readingContent(page);
    expect(before.length).toBeGreaterThan(0);

    await switchTo(page, '中文');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page).toHaveURL(READ_PATH);
    await waitForHydration(page);
    await expect(page.locator('fieldset.layout-switch legend')).toHaveText('版式');
    await expect(page.getByRole('group', { name: '版式' }).getByRole('radio', { name: '左右对照' })).toBeChecked();
    await expect(page.locator('article.reader .cell-en[lang="en"]').first()).toBeVisible();
    expect(await readingContent(page)).toEqual(before);
  });

  test('switching back to English restores the English interface', async ({ page, context }) => {
    await page.goto(READ_PATH);
    await waitForHydration(page);
    const before = await readingContent(page);
    await switchTo(page, '中文');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await waitForHydration(page);

    await switchTo(page, 'English');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveURL(READ_PATH);
    await expect(page.locator('fieldset.layout-switch legend')).toHaveText('Layout');
    expect((await context.cookies()).find((c) => c.name === 'ui-lang')?.value).toBe('en');
    expect(await readingContent(page)).toEqual(before);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Texts' })).toBeVisible();
  });

  // The URL stays the same in both languages; only the cookie decides (see docs/operations.md on shared caches).
  test('the same URL answers in the language of the cookie', async ({ request }) => {
    for (const path of ['/', READ_PATH]) {
      const en = await request.get(path, { headers: { cookie: 'ui-lang=en' } });
      const zh = await request.get(path, { headers: { cookie: 'ui-lang=zh' } });
      const other = await request.get(path, { headers: { cookie: 'ui-lang=fr' } });
      expect(await en.text()).toContain('<html lang="en"');
      expect(await zh.text()).toContain('<html lang="zh-Hans"');
      expect(await other.text()).toContain('<html lang="en"');
    }
  });

  test('the choice holds across pages (paragraph page and 404 in Chinese)', async ({ page }) => {
    await page.goto('/');
    await waitForHydrationOfHeader(page);
    await switchTo(page, '中文');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');

    await page.goto(READ_PATH);
    const first = page.locator('article.reader > div.row').first();
    const id = await first.getAttribute('id');
    await page.goto(`${READ_PATH}/p/${id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^第 1 段，共 \d+ 段$/);
    await expect(page.getByRole('link', { name: '在全文中阅读' })).toHaveAttribute('href', `${READ_PATH}#${id}`);

    const response = await page.goto('/read/nope');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '找不到页面' })).toBeVisible();
    await expect(page.getByRole('link', { name: '返回文库' })).toBeVisible();
  });
});

/** The language buttons work only once React has hydrated the header. */
async function waitForHydrationOfHeader(page: Page) {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => {
    const button = document.querySelector('.language-switch button');
    return !!button && Object.keys(button).some((key) => key.startsWith('__react'));
  });
}
