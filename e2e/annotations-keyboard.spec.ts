// Word popovers from the keyboard: roving Tab stop, arrow keys, Enter, Esc, no focus trap.
// Expectations come from the annotation API and the data files (see e2e/annotation-helpers.ts).
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  allWords,
  annotated,
  expectPlacedBeside,
  expectWordPopover,
  findWord,
  openReader,
  popoverOf,
  wordSpan,
} from './annotation-helpers';
import { READ_PATH } from './helpers';

/** The control nearest before the reading grid in document order (the page's controls come before the text). */
function lastControlBeforeText(page: Page): Locator {
  return page
    .locator('article.reader')
    .locator(
      'xpath=preceding::*[self::button or self::input[not(@type="hidden")] or self::select or self::textarea or self::summary or self::a[@href]][1]',
    );
}

test.describe('word popover: keyboard', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('Tab reaches the first word; only one word is in the Tab order; focusing it opens its popover', async ({
    page,
    request,
  }) => {
    const text = await annotated(request);
    const first = allWords(text)[0]!;
    await openReader(page, READ_PATH);
    const words = page.locator('.cell-zh .w');
    await expect(page.locator('.cell-zh .w[tabindex="0"]')).toHaveCount(1);
    expect(await words.evaluateAll((els) => els.filter((el) => el.tabIndex === 0).length)).toBe(1);
    expect(await words.evaluateAll((els) => els.filter((el) => el.tabIndex !== 0 && el.tabIndex !== -1).length)).toBe(0);
    await expect(wordSpan(page, first)).toHaveAttribute('tabindex', '0');

    // From the last control before the text, Tab goes to the first word.
    await lastControlBeforeText(page).focus();
    await page.keyboard.press('Tab');
    const span = wordSpan(page, first);
    await expect(span).toBeFocused();
    await expectWordPopover(page, first.token.text, first.token.pinyin!);
    await expectPlacedBeside(page, span, 'first word, focused');
    // A second Tab leaves the words: no other word is a Tab stop.
    await page.keyboard.press('Tab');
    const focusedIsWord = await page.evaluate(() => !!document.activeElement?.matches('.cell-zh .w'));
    expect(focusedIsWord, 'the next Tab stop is not another word').toBe(false);
  });

  test('ArrowRight and ArrowLeft move word by word; focus, the Tab stop and the popover follow', async ({ page, request }) => {
    const text = await annotated(request);
    const words = allWords(text);
    await openReader(page, READ_PATH);
    await wordSpan(page, words[0]!).focus();
    await expectWordPopover(page, words[0]!.token.text, words[0]!.token.pinyin!);
    for (const i of [1, 2, 3]) {
      await page.keyboard.press('ArrowRight');
      const ref = words[i]!;
      await expect(wordSpan(page, ref), `word ${i} focused`).toBeFocused();
      await expectWordPopover(page, ref.token.text, ref.token.pinyin!);
      await expect(page.locator('.cell-zh .w[tabindex="0"]')).toHaveCount(1);
      await expect(wordSpan(page, ref)).toHaveAttribute('tabindex', '0');
    }
    for (const i of [2, 1]) {
      await page.keyboard.press('ArrowLeft');
      const ref = words[i]!;
      await expect(wordSpan(page, ref), `back to word ${i}`).toBeFocused();
      await expectWordPopover(page, ref.token.text, ref.token.pinyin!);
      await expect(wordSpan(page, ref)).toHaveAttribute('tabindex', '0');
    }
    // Tab away and back: the Tab stop is where the reader left off.
    await lastControlBeforeText(page).focus();
    await page.keyboard.press('Tab');
    await expect(wordSpan(page, words[1]!)).toBeFocused();
  });

  test('ArrowRight at the end of a paragraph moves to the first word of the next one, ArrowLeft back', async ({
    page,
    request,
  }) => {
    const text = await annotated(request);
    const words = allWords(text);
    // The last word of the first block whose next word is in another block.
    const i = words.findIndex((w, k) => words[k + 1] !== undefined && words[k + 1]!.block.id !== w.block.id);
    const last = words[i]!;
    const next = words[i + 1]!;
    await openReader(page, READ_PATH);
    await wordSpan(page, last).focus();
    await expectWordPopover(page, last.token.text, last.token.pinyin!);
    await page.keyboard.press('ArrowRight');
    await expect(wordSpan(page, next), `first word of ${next.block.id}`).toBeFocused();
    await expectWordPopover(page, next.token.text, next.token.pinyin!);
    await page.keyboard.press('ArrowLeft');
    await expect(wordSpan(page, last), `last word of ${last.block.id}`).toBeFocused();
    await expectWordPopover(page, last.token.text, last.token.pinyin!);
  });

  test('Enter on a focused word moves focus to the popover’s “Highlight every occurrence” button', async ({ page, request }) => {
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    await openReader(page, READ_PATH);
    await wordSpan(page, ref).focus();
    await expectWordPopover(page, '自动驾驶', 'zì dòng jià shǐ');
    await page.keyboard.press('Enter');
    await expect(popoverOf(page).getByRole('button', { name: 'Highlight every occurrence' })).toBeFocused();
  });

  test('Esc on a focused word closes the popover and leaves focus on the word', async ({ page, request }) => {
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    await openReader(page, READ_PATH);
    const span = wordSpan(page, ref);
    await span.focus();
    await expect(popoverOf(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(popoverOf(page)).toHaveCount(0);
    await expect(span).toBeFocused();
  });

  test('Esc inside the popover closes it and returns focus to the word', async ({ page, request }) => {
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    await page.clock.install();
    await openReader(page, READ_PATH);
    const span = wordSpan(page, ref);
    await span.focus();
    await expectWordPopover(page, '自动驾驶', 'zì dòng jià shǐ');
    await page.keyboard.press('Enter');
    await expect(popoverOf(page).getByRole('button', { name: 'Highlight every occurrence' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(span, 'focus back on the word').toBeFocused();
    // Let any timer that would re-open the popover fire before asserting it is gone.
    await page.clock.runFor(300);
    await expect(popoverOf(page), 'the popover is closed').toHaveCount(0);
  });

  test('after Esc, Enter on the still-focused word brings its popover back and moves focus into it', async ({
    page,
    request,
  }) => {
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '赋能', '赋能');
    await openReader(page, READ_PATH);
    const span = wordSpan(page, ref);
    await span.focus();
    await expectWordPopover(page, '赋能', 'fù néng');
    await page.keyboard.press('Escape');
    await expect(popoverOf(page)).toHaveCount(0);
    await expect(span).toBeFocused();
    await page.keyboard.press('Enter');
    await expectWordPopover(page, '赋能', 'fù néng');
    await expect(popoverOf(page).getByRole('button', { name: 'Highlight every occurrence' })).toBeFocused();
  });

  test('Tab (and Shift+Tab) inside the popover returns focus to the word; focus is never trapped', async ({ page, request }) => {
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    await openReader(page, READ_PATH);
    const span = wordSpan(page, ref);
    await span.focus();
    await expectWordPopover(page, '自动驾驶', 'zì dòng jià shǐ');
    await page.keyboard.press('Enter');
    await expect(popoverOf(page).getByRole('button', { name: 'Highlight every occurrence' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(span).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(popoverOf(page).getByRole('button', { name: 'Highlight every occurrence' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(span).toBeFocused();
    // From the word, Tab moves on through the page, out of the words and the popover.
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => ({
      inPopover: !!document.activeElement?.closest('#annotation-popover'),
      isWord: !!document.activeElement?.matches('.cell-zh .w'),
      isBody: document.activeElement === document.body,
    }));
    expect(where).toEqual({ inPopover: false, isWord: false, isBody: false });
  });
});
