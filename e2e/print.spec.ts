import { expect, test, type Page } from '@playwright/test';
import { READ_PATH, SEED, cellBoxes, fontsReady, loadSeed, waitForHydration } from './helpers';
import { expectRowsTogether, pdfPages, rowPieces } from './printed-text';

async function openForPrint(page: Page, query = '') {
  await page.goto(`${READ_PATH}${query}`);
  await waitForHydration(page);
  await page.emulateMedia({ media: 'print' });
  await fontsReady(page);
}

test('printing shows the text alone: no header, controls, row tools or download menu', async ({ page }) => {
  await openForPrint(page);
  for (const selector of [
    '.site-header',
    '.site-footer',
    '.reader-controls',
    '.download-menu',
    '.search-in-text',
    '.row-tools',
  ]) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  await expect(page.locator('article.reader > .row:not(.row-break)')).toHaveCount(SEED.textBlockCount);
  await expect(page.locator('.notes ol > li').first()).toBeVisible();
  // A link whose text is not its address prints the address after it.
  const after = await page
    .locator('a.url-shown')
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('https://gptnb.com/');
});

test('printing keeps the columns side by side, and stacks them in the stacked layout', async ({ page }) => {
  const id = loadSeed().textBlocks[10]?.id ?? '';
  await openForPrint(page);
  let { zh, en } = await cellBoxes(page.locator(`[id="${id}"]`));
  expect(en!.x).toBeGreaterThanOrEqual(zh!.x + zh!.width - 1);
  expect(Math.abs(en!.y - zh!.y)).toBeLessThanOrEqual(1);
  await openForPrint(page, '?layout=stacked');
  ({ zh, en } = await cellBoxes(page.locator(`[id="${id}"]`)));
  expect(en!.y).toBeGreaterThanOrEqual(zh!.y + zh!.height - 1);
  expect(Math.abs(en!.x - zh!.x)).toBeLessThanOrEqual(1);
});

for (const [format, layout] of [
  ['A4', 'side'],
  ['Letter', 'stacked'],
] as const) {
  test(`printed to ${format} (${layout}), every row's Chinese and English are on one page, in order, and headings stay with the next row`, async ({
    page,
  }) => {
    await openForPrint(page, layout === 'side' ? '' : `?layout=${layout}`);
    const rows = await rowPieces(page, 'article.reader > .row:not(.row-break)');
    expect(rows).toHaveLength(SEED.textBlockCount);
    const pages = pdfPages(await page.pdf({ format, preferCSSPageSize: false }));
    expect(pages.length).toBeGreaterThan(1);
    expectRowsTogether(rows, pages);
    // The title is in the top margin of every page, the page number at the bottom.
    const title = SEED.titleZh.replace(/\s+/g, '');
    for (const [i, text] of pages.filter(Boolean).entries()) {
      expect(text).toContain(title);
      expect(text).toContain(`${i + 1}/${pages.filter(Boolean).length}`);
    }
  });
}
