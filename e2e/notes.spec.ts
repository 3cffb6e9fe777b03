// Notes, glossary terms and word boundaries written on the reading page by a translator: a note
// added by selecting a passage, a glossary term whose lint flags glosses at once, and "treat as
// one word" changing the word's popover. The files these change are put back afterwards.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { EDITORS } from './accounts';
import { expectNoAxeViolations } from './axe';
import { dataDir, openAsEditor, restoreDataFilesAfterFile, signIn } from './editing-helpers';
import { SLUG, waitForHydration } from './helpers';

const [EDITH] = EDITORS;
const TOUCHED = [
  `locales/en/${SLUG}.notes.json`,
  `locales/en/${SLUG}.glossary.json`,
  `content/${SLUG}.terms`,
  `content/${SLUG}.annotations.jsonl`,
];
restoreDataFilesAfterFile(TOUCHED);

// A change reloads the page, which the server then makes again from the changed files (a few
// seconds, more on a loaded machine); the axe scans are of the new panels only.
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ context, page }) => {
  await signIn(context, EDITH);
  await openAsEditor(page, EDITH.name);
});

/** Two adjacent Chinese words of a paragraph, not a glossary term: their row and texts. */
async function adjacentWords(page: Page): Promise<{ id: string; first: string; second: string }> {
  const found = await page.evaluate(() => {
    for (const row of document.querySelectorAll<HTMLElement>('article.reader > .row.row-paragraph')) {
      const words = [...row.querySelectorAll<HTMLElement>('.cell-zh .w')];
      for (let i = 0; i + 1 < words.length; i += 1) {
        const [a, b] = [words[i], words[i + 1]];
        if (!a || !b || a.nextSibling !== b || a.classList.contains('term') || b.classList.contains('term')) continue;
        const [first, second] = [a.textContent ?? '', b.textContent ?? ''];
        if (/^\p{Script=Han}{2}$/u.test(first) && /^\p{Script=Han}{1,2}$/u.test(second)) return { id: row.id, first, second };
      }
    }
    return null;
  });
  if (!found) throw new Error('no two adjacent words');
  return found;
}

/** Selects the passage from the start of `first` to the end of `second` in a row's Chinese. */
async function selectWords(page: Page, id: string, first: string, second: string) {
  await page.evaluate(
    ({ id, first, second }) => {
      const words = [...document.querySelectorAll<HTMLElement>(`[id="${id}"] .cell-zh .w`)];
      const at = words.findIndex((w, i) => w.textContent === first && words[i + 1]?.textContent === second);
      const range = document.createRange();
      range.setStartBefore(words[at]!);
      range.setEndAfter(words[at + 1]!);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { id, first, second },
  );
}

test('a note added by selecting a passage shows its marker', async ({ page }) => {
  const { id, first, second } = await adjacentWords(page);
  const row = page.locator(`article.reader > .row[id="${id}"]`);
  const markers = await row.locator('.cell-zh .note-ref').count();
  await selectWords(page, id, first, second);
  const tools = page.getByRole('toolbar', { name: 'Tools for the selected passage' });
  await tools.getByRole('button', { name: 'Add a translator’s note' }).click();
  const form = page.getByRole('dialog', { name: 'A translator’s note on this passage' });
  await expect(form.locator('blockquote')).toHaveText(first + second);
  await form.getByRole('textbox', { name: 'Note' }).fill('An e2e note on this passage.');
  await expectNoAxeViolations(page, { include: ['.note-composer'] });
  await form.getByRole('button', { name: 'Save note' }).click();
  await expect(row.locator('.cell-zh .note-ref')).toHaveCount(markers + 1, { timeout: 30_000 });
  const notes = JSON.parse(readFileSync(path.join(dataDir(), `locales/en/${SLUG}.notes.json`), 'utf8')) as Record<
    string,
    { quote: string; body: string }
  >;
  expect(Object.values(notes).some((n) => n.quote === first + second && n.body === 'An e2e note on this passage.')).toBe(true);
});

test('a glossary term added in the panel is linted at once', async ({ page }) => {
  const panel = page.locator('details.glossary-panel');
  await panel.locator('summary').click();
  await expect(panel.getByRole('status')).toContainText('terms');
  await expectNoAxeViolations(page, { include: ['.glossary-panel'] });
  await panel.getByRole('textbox', { name: 'Chinese term' }).fill('汽车');
  await panel.getByRole('textbox', { name: /Approved English renderings/ }).fill('horseless carriage');
  await panel.getByRole('button', { name: 'Add term' }).click();
  const entry = panel.locator('li.glossary-entry[data-term="汽车"]');
  await expect(entry.locator('.glossary-findings li').first()).toContainText('uses none of the approved renderings');
  await expect(page.locator('article.reader > .row[data-glossary-finding~="汽车"]').first()).toBeVisible();
});

test('“treat as one word” makes one word of a selection, shown in its popover', async ({ page }) => {
  const { id, first, second } = await adjacentWords(page);
  const word = page.locator(`article.reader > .row[id="${id}"] .cell-zh .w`, { hasText: new RegExp(`^${first + second}$`) });
  await expect(word).toHaveCount(0);
  await selectWords(page, id, first, second);
  await page
    .getByRole('toolbar', { name: 'Tools for the selected passage' })
    .getByRole('button', { name: 'Treat as one word' })
    .click();
  await expect(word.first()).toBeVisible({ timeout: 30_000 });
  await waitForHydration(page);
  await word.first().click();
  await expect(page.locator('#annotation-popover .popover-word')).toHaveText(first + second);
  await expect(
    page.locator('#annotation-popover').getByRole('button', { name: `Split here: ${first} | ${second}` }),
  ).toBeVisible();
  await expectNoAxeViolations(page, { include: ['#annotation-popover'] });
});
