import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { READ_PATH, loadSeed, waitForHydration } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page and fails with each violation's rule, impact and the targets of its nodes. */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const report = results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target.map(String).join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n'),
    )
    .join('\n');
  expect(results.violations, `axe violations on ${page.url()}:\n${report}`).toEqual([]);
}

test.describe('accessibility (axe, WCAG 2.1 A/AA)', () => {
  test('the library / has no violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the reading page has no violations', async ({ page }) => {
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

  test('the reading page with the copy-link message shown has no violations', async ({ browser }) => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    try {
      await page.goto(READ_PATH);
      await waitForHydration(page);
      const row = page.locator('article.reader > div.row').first();
      await row.getByRole('button', { name: 'Copy link to this paragraph' }).click();
      await expect(row.getByRole('status')).toHaveText('Link copied');
      await expectNoViolations(page);
    } finally {
      await context.close();
    }
  });
});
