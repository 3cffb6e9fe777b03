// Highlighting every occurrence of a word.
// Expectations come from the annotation API and the data files (see e2e/annotation-helpers.ts).
import { expect, test } from '@playwright/test';
import { allWords, annotated, findWord, openReader, popoverOf, wordSpan } from './annotation-helpers';
import { READ_PATH } from './helpers';

test.describe('highlight every occurrence', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('marks every occurrence of the word with .hl, pressed; pressing again clears', async ({ page, request }) => {
    const text = await annotated(request);
    const word = '自动驾驶';
    const occurrences = allWords(text).filter((w) => w.token.text === word);
    expect(occurrences.length).toBeGreaterThan(1);
    await openReader(page, READ_PATH);
    await expect(page.locator('.cell-zh .hl')).toHaveCount(0);
    await wordSpan(page, occurrences[0]!).click();
    const popover = popoverOf(page);
    const button = popover.getByRole('button', { name: 'Highlight every occurrence' });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await button.click();

    const highlighted = page.locator('.cell-zh .hl');
    await expect(highlighted).toHaveCount(occurrences.length);
    await expect(highlighted).toHaveText(occurrences.map(() => word));
    for (const ref of occurrences) await expect(wordSpan(page, ref)).toHaveClass(/\bhl\b/);
    const pressed = popover.getByRole('button', { name: 'Stop highlighting' });
    await expect(pressed).toHaveAttribute('aria-pressed', 'true');
    // The highlight has a visible background.
    const bg = await highlighted.first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');

    await pressed.click();
    await expect(highlighted).toHaveCount(0);
    await expect(popover.getByRole('button', { name: 'Highlight every occurrence' })).toHaveAttribute('aria-pressed', 'false');
  });

  test('highlighting another word moves the highlight to that word', async ({ page, request }) => {
    const text = await annotated(request);
    const first = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    const second = findWord(text, (w) => w.token.text === '赋能', '赋能');
    const count = (word: string) => allWords(text).filter((w) => w.token.text === word).length;
    await openReader(page, READ_PATH);
    await wordSpan(page, first).click();
    await popoverOf(page).getByRole('button', { name: 'Highlight every occurrence' }).click();
    await expect(page.locator('.cell-zh .hl')).toHaveCount(count('自动驾驶'));
    await page.keyboard.press('Escape');
    await wordSpan(page, second).click();
    await expect(popoverOf(page).locator('.popover-word')).toHaveText('赋能');
    await popoverOf(page).getByRole('button', { name: 'Highlight every occurrence' }).click();
    await expect(page.locator('.cell-zh .hl')).toHaveCount(count('赋能'));
    await expect(page.locator('.cell-zh .hl')).toHaveText(Array(count('赋能')).fill('赋能'));
  });
});
