import { expect, test } from '@playwright/test';
import { expectNoAxeViolations as expectNoViolations } from './axe';
import { READ_PATH, loadSeed, waitForHydration } from './helpers';

test.describe('accessibility (axe, WCAG 2.1 A/AA)', () => {
  test('the library / has no violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the reading page has no violations', async ({ page }) => {
    // The one scan of a whole reading page (every row, every sentence and word span): up to half a
    // minute on a busy machine.
    test.setTimeout(90_000);
    await page.goto(READ_PATH);
    await waitForHydration(page);
    await expectNoViolations(page);
  });

  test('a paragraph page has no violations', async ({ page }) => {
    const { textBlocks } = loadSeed();
    const block = textBlocks[Math.floor(textBlocks.length / 2)]!;
    await page.goto(`${READ_PATH}/p/${block.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the 404 page has no violations', async ({ page }) => {
    await page.goto('/read/nope');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });

  test('a row with the copy-link message shown has no violations', async ({ browser }) => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    try {
      // With a reading option in the address, so the message offers the plain link too.
      await page.goto(`${READ_PATH}?layout=stacked`);
      await waitForHydration(page);
      const row = page.locator('article.reader > div.row').first();
      await row.getByRole('button', { name: 'Copy link to this paragraph' }).click();
      // The copy button's own live region (the row has others: the Listen button's).
      await expect(row.locator('[role="status"][data-copy-status]')).toContainText('Link copied with your reading options');
      // The row with its message, scanned while the message shows (the page has its own scan above).
      const id = await row.getAttribute('id');
      await expectNoViolations(page, { include: [`[id="${id}"]`] });
    } finally {
      await context.close();
    }
  });
});
