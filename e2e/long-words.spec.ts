// A very long unbroken string in a gloss or in the Chinese wraps inside its column.
import { expect, test } from '@playwright/test';
import { READ_PATH, waitForHydration } from './helpers';

const LONG_URL = `https://example.com/${'averyveryverylongpathsegment'.repeat(12)}`;
const LONG_RUN = 'A'.repeat(400);

for (const { name, cell, text } of [
  { name: 'a URL in a gloss', cell: '.cell-en', text: LONG_URL },
  { name: 'a run of letters in a gloss', cell: '.cell-en', text: LONG_RUN },
  { name: 'a run of letters in the Chinese', cell: '.cell-zh', text: `中文${LONG_RUN}` },
]) {
  test(`${name} wraps inside its column`, async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(READ_PATH);
    await waitForHydration(page);
    const fits = await page.evaluate(
      ({ selector, value }) => {
        const target = document.querySelector(`.row-paragraph ${selector}`);
        if (!target) return null;
        const paragraph = document.createElement('p');
        const link = document.createElement('a');
        link.href = '#';
        link.textContent = value;
        paragraph.append(link);
        target.append(paragraph);
        const column = target.getBoundingClientRect();
        const box = paragraph.getBoundingClientRect();
        return { page: document.documentElement.scrollWidth <= window.innerWidth, inside: box.right <= column.right + 1 };
      },
      { selector: cell, value: text },
    );
    expect(fits).toEqual({ page: true, inside: true });
  });
}
