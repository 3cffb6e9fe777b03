// Word popovers by touch on a phone-sized viewport.
// Expectations come from the annotation API and the data files (see e2e/annotation-helpers.ts).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectPlacedBeside, openReader, popoverOf } from './annotation-helpers';
import { READ_PATH } from './helpers';

test.describe('word popover: touch at 375×800', () => {
  async function touchPage(browser: import('@playwright/test').Browser, baseURL: string | undefined) {
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 375, height: 800 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    return { context, page: await context.newPage() };
  }

  /** A word at the left edge and the word furthest right in a row in the middle of the text. */
  async function edgeWords(page: Page): Promise<Locator[]> {
    const row = page.locator('article.reader > div.row').nth(20);
    const spans = row.locator('.cell-zh .w');
    const right = await spans.evaluateAll((els) => {
      let best = 0;
      els.forEach((el, i) => {
        if (el.getBoundingClientRect().right > els[best]!.getBoundingClientRect().right) best = i;
      });
      return best;
    });
    return [spans.first(), spans.nth(right)];
  }

  for (const layout of [null, 'zh'] as const) {
    test(`tapping a word opens its popover inside the 375 px viewport, tapping elsewhere closes it (${
      layout ? `?layout=${layout}` : 'default: stacked'
    })`, async ({ browser, baseURL }) => {
      const { context, page } = await touchPage(browser, baseURL);
      try {
        await page.clock.install();
        await openReader(page, layout ? `${READ_PATH}?layout=${layout}` : READ_PATH);
        await expect(page.locator(`input[name="layout"][value="${layout ?? 'stacked'}"]`)).toBeChecked();
        expect(await page.evaluate(() => document.documentElement.clientWidth)).toBe(375);
        for (const span of await edgeWords(page)) {
          const word = (await span.textContent()) ?? '';
          await span.tap();
          const popover = popoverOf(page);
          await expect(popover).toBeVisible();
          await expect(popover.locator('.popover-word')).toHaveText(word);
          await expectPlacedBeside(page, span, `tapped ${word}`);
          // Still open a moment later: a tap pins it.
          await page.clock.runFor(400);
          await expect(popover).toBeVisible();
          // Tap somewhere else: the page title.
          await page.locator('h1').first().tap();
          await expect(popover).toHaveCount(0);
        }
      } finally {
        await context.close();
      }
    });
  }
});
