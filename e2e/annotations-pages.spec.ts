// Annotations in the Chinese interface, on the paragraph page, and with axe.
// Expectations come from the annotation API and the data files (see e2e/annotation-helpers.ts).
import { expect, test } from '@playwright/test';
import { ROWS_AFTER_THE_FIRST_TWELVE, expectNoAxeViolations } from './axe';
import {
  annotated,
  chineseTokens,
  expectPlacedBeside,
  expectWordPopover,
  findWord,
  glossaryRenderings,
  noteById,
  notesInOrder,
  openPage,
  POPOVER,
  openReader,
  popoverOf,
  wordSpan,
} from './annotation-helpers';
import { READ_PATH } from './helpers';

test.describe('labels follow the interface language', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('with ui-lang=zh the popover reads 标出所有出现之处 / 关闭 / 术语表, the toggle 拼音, markers 译注 n', async ({
    page,
    context,
    baseURL,
    request,
  }) => {
    const text = await annotated(request);
    await context.addCookies([{ name: 'ui-lang', value: 'zh', url: baseURL! }]);
    await openReader(page, READ_PATH);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    const toggle = page.getByRole('button', { name: '拼音', exact: true });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('button', { name: 'Pinyin', exact: true })).toHaveCount(0);

    const ref = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    await wordSpan(page, ref).click();
    const popover = popoverOf(page);
    await expect(popover.getByRole('button', { name: '标出所有出现之处', exact: true })).toBeVisible();
    await expect(popover.getByRole('button', { name: '关闭', exact: true })).toBeVisible();
    await expect(popover.locator('.popover-label')).toContainText('术语表');
    await expect(popover.getByRole('button', { name: 'Highlight every occurrence' })).toHaveCount(0);
    await popover.getByRole('button', { name: '标出所有出现之处', exact: true }).click();
    await expect(popover.getByRole('button', { name: '取消标出', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await popover.getByRole('button', { name: '关闭', exact: true }).click();
    // (Another word's popover may open if the pointer now rests on a word the card covered.)
    await expect(page.getByRole('dialog', { name: '自动驾驶' })).toHaveCount(0);

    const { block } = noteById(text, 'n7');
    const label = `译注 ${notesInOrder(text).findIndex((n) => n.note.id === 'n7') + 1}`;
    const marker = page.locator(`[id="${block.id}"] .cell-zh`).getByRole('button', { name: label, exact: true });
    await expect(marker).toHaveCount(1);
    await marker.click();
    await expect(popover.locator('.popover-title')).toHaveText(label);
    await expect(page.locator('section.notes h2')).toHaveText('译注');

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  });
});

test.describe('paragraph page', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('/read/<slug>/p/<id> has word popovers and the paragraph’s note markers', async ({ page, request }) => {
    const text = await annotated(request);
    const { block, note } = noteById(text, 'n7');
    const noteLabel = `Translator’s note ${notesInOrder(text).findIndex((n) => n.note.id === 'n7') + 1}`;
    const tokens = chineseTokens(block);
    await openPage(page, `${READ_PATH}/p/${block.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const row = page.locator(`[id="${block.id}"]`);
    await expect(row.locator('.cell-zh .w')).toHaveCount(tokens.length);
    await expect(row.locator('.cell-zh .w[tabindex="0"]')).toHaveCount(1);
    await expect(row.locator('.cell-zh .w').first()).toHaveAttribute('tabindex', '0');

    // A word popover, with the glossary's entry for the typo 特拉斯.
    const index = tokens.findIndex((t) => t.text === '特拉斯');
    expect(index).toBeGreaterThanOrEqual(0);
    const span = row.locator('.cell-zh .w').nth(index);
    // Hydrated once hovering opens the popover.
    await expect(async () => {
      await page.mouse.move(5, 5);
      await span.hover();
      await expect(popoverOf(page)).toBeVisible({ timeout: 1000 });
    }).toPass();
    await expectWordPopover(page, '特拉斯', tokens[index]!.pinyin!);
    await expect(popoverOf(page).locator('.popover-term strong')).toHaveText(glossaryRenderings('特拉斯')[0]!);
    await expect(popoverOf(page).locator('.popover-glossary-source')).toHaveText('(this text only)');
    await expectPlacedBeside(page, span, '特拉斯 on the paragraph page');

    // Keyboard: the focused word's popover and the arrow keys.
    await span.focus();
    await page.keyboard.press('ArrowRight');
    await expect(row.locator('.cell-zh .w').nth(index + 1)).toBeFocused();
    await expectWordPopover(page, tokens[index + 1]!.text, tokens[index + 1]!.pinyin!);
    await page.keyboard.press('Escape');
    await expect(popoverOf(page)).toHaveCount(0);

    // Note markers, numbered as in the whole text, in both columns.
    const attached = block.notes.filter((n) => n.start !== null);
    await expect(row.locator('.cell-zh .note-ref')).toHaveCount(attached.length);
    await expect(row.locator('.cell-en .note-ref')).toHaveCount(block.notes.length);
    const zhMarker = row.locator('.cell-zh').getByRole('button', { name: noteLabel, exact: true });
    await expect(zhMarker).toHaveCount(1);
    await expect(row.locator('.cell-en').getByRole('button', { name: noteLabel, exact: true })).toHaveCount(1);
    await zhMarker.click();
    await expect(popoverOf(page).locator('.popover-title')).toHaveText(noteLabel);
    await expect(popoverOf(page)).toContainText(note.body);
  });
});

test.describe('accessibility of annotations (axe, WCAG 2.1 A/AA)', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the reading page with a word popover open has no violations', async ({ page, request }) => {
    test.setTimeout(120_000);
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    await openReader(page, READ_PATH);
    await wordSpan(page, ref).click();
    await expectWordPopover(page, '自动驾驶', 'zì dòng jià shǐ');
    // The popover and the row it belongs to; the whole reading page has its own scan (a11y.spec.ts).
    await expectNoAxeViolations(page, { include: [POPOVER, `[id="${ref.block.id}"]`] });
  });

  test('the reading page with pinyin shown (?pinyin=1) has no violations', async ({ page }) => {
    test.setTimeout(120_000);
    await openReader(page, `${READ_PATH}?pinyin=1`);
    await expect(page.locator('article.reader rt').first()).toBeVisible();
    await expectNoAxeViolations(page, { exclude: [ROWS_AFTER_THE_FIRST_TWELVE] });
  });

  test('the reading page with a note popover open has no violations', async ({ page, request }) => {
    test.setTimeout(120_000);
    const text = await annotated(request);
    const { block, note } = noteById(text, 'n7');
    const noteLabel = `Translator’s note ${notesInOrder(text).findIndex((n) => n.note.id === 'n7') + 1}`;
    await openReader(page, READ_PATH);
    await page.locator(`[id="${block.id}"] .cell-zh`).getByRole('button', { name: noteLabel, exact: true }).click();
    await expect(popoverOf(page)).toContainText(note.body);
    await expectNoAxeViolations(page, { include: [POPOVER, `[id="${block.id}"]`] });
  });

  test('/about credits CC-CEDICT under CC BY-SA 4.0 and has no violations', async ({ page }) => {
    test.setTimeout(120_000);
    await openPage(page, '/about');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About');
    const main = page.locator('.page-message');
    await expect(main).toContainText('CC-CEDICT');
    await expect(main).toContainText('CC BY-SA 4.0');
    await expect(main.getByRole('link', { name: 'CC-CEDICT' })).toHaveAttribute('href', /cc-cedict\.org/);
    await expect(main.getByRole('link', { name: 'CC BY-SA 4.0' })).toHaveAttribute(
      'href',
      'https://creativecommons.org/licenses/by-sa/4.0/',
    );
    await expectNoAxeViolations(page);
  });
});
