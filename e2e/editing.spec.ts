// End-to-end tests of translation editing: signing in, the in-place editor, drafts and conflicts.
// Every test works on paragraphs of its own (PARAS) and reads current revisions from the API;
// the glosses and statuses they change are put back after the file has run.
import { expect, test } from '@playwright/test';
import { EDITORS } from './accounts';
import {
  announcement,
  apiBlock,
  baseUrl,
  collapse,
  editBar,
  englishOf,
  foldedGlossFileText,
  glossFile,
  glossText,
  historyEntries,
  historyLines,
  openAsEditor,
  putGloss,
  restoreAfterFile,
  rowOf,
  signIn,
  stamp,
  textareaOf,
} from './editing-helpers';
import { READ_PATH, SLUG, waitForHydration } from './helpers';

const [EDITH, ED] = EDITORS;

/** The paragraphs each test may change (none carries a translator's note). */
const PARAS = {
  save: 'jtlc06',
  keySave: 'xqd6z4',
  keyCancel: 'jqeoxb',
  beforeCleared: 'a6jmtb',
  cleared: 'p35i38',
  draft: 'lkt2a8',
  conflict: 'c4vk14',
} as const;

restoreAfterFile(Object.values(PARAS));

test.describe('editing glosses', () => {
  test('an editor signs in on /sign-in, sees the edit bar and an Edit button per row, and signs out', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill(EDITH.name);
    await page.getByLabel('Password or editor token').fill(EDITH.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${baseUrl()}/`);
    const footer = page.locator('footer.site-footer');
    await expect(footer).toContainText('Signed in as Edith');

    await page.goto(READ_PATH);
    await waitForHydration(page);
    await expect(editBar(page)).toContainText('Editing as Edith');
    await expect(editBar(page).getByRole('button', { name: 'Next untranslated or stale (n)' })).toBeVisible();
    await expect(editBar(page).getByLabel('Only rows that need work')).toBeVisible();
    const rows = page.locator('article.reader > .row:not(.row-break)');
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    await expect(page.locator('article.reader .edit-button')).toHaveCount(count);
    for (const row of await rows.all()) await expect(row.locator('.edit-button')).toHaveCount(1);
    await expect(footer).toContainText('Signed in as Edith');

    await footer.getByRole('button', { name: 'Sign out' }).click();
    await expect(footer.getByRole('link', { name: 'Sign in to edit' })).toBeVisible();
    await expect(footer).not.toContainText('Signed in as');
    const session = (await (await page.request.get('/api/session')).json()) as { viewer: unknown };
    expect(session.viewer).toBeNull();
    await page.reload();
    await waitForHydration(page);
    await expect(footer.getByRole('link', { name: 'Sign in to edit' })).toBeVisible();
    await expect(editBar(page)).toHaveCount(0);
    await expect(page.locator('.edit-button')).toHaveCount(0);
  });

  test('saving an edit shows it at once, announces it, changes one line of the file, appends history, and survives a reload', async ({
    browser,
    page,
    context,
    request,
  }) => {
    const id = PARAS.save;
    const before = await apiBlock(request, id);
    const newText = stamp('Karpathy was one of the first people at OpenAI; edited');
    const fileBefore = (await foldedGlossFileText()).split('\n');
    const historyBefore = historyLines();

    await signIn(context, EDITH);
    await openAsEditor(page, 'Edith');
    const row = rowOf(page, id);
    await row.locator('.edit-button').click();
    const area = textareaOf(row);
    await expect(area).toBeVisible();
    await expect(area).toHaveValue(before.en ?? '');
    await expect(area).toBeFocused();
    // The Chinese stays in view, beside the editor.
    const zh = row.locator('.cell-zh');
    await expect(zh).toBeVisible();
    await expect(zh).toContainText(before.zh.slice(0, 10));
    const zhBox = (await zh.boundingBox())!;
    const areaBox = (await area.boundingBox())!;
    expect(zhBox.x + zhBox.width).toBeLessThanOrEqual(areaBox.x + 1);
    expect(zhBox.y).toBeLessThan(areaBox.y + areaBox.height);
    expect(areaBox.y).toBeLessThan(zhBox.y + zhBox.height);

    await area.fill(newText);
    await row.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(announcement(page, 'Gloss saved')).toBeVisible();
    await expect(area).toHaveCount(0);
    await expect.poll(() => glossText(row)).toBe(newText);
    await expect(row.locator('.edit-tools .status')).toHaveText('Draft');

    // The file, once the save is folded into it: exactly one line changed, the paragraph's.
    const fileAfter = (await foldedGlossFileText()).split('\n');
    expect(fileAfter).toHaveLength(fileBefore.length);
    const changed = fileAfter.flatMap((line, i) => (line === fileBefore[i] ? [] : [i]));
    expect(changed).toHaveLength(1);
    expect(fileAfter[changed[0]!]).toBe(`  ${JSON.stringify(id)}: ${JSON.stringify(newText)},`);
    expect(glossFile()[id]).toBe(newText);

    // The history: one line appended, naming Edith.
    const historyAfter = historyLines();
    expect(historyAfter).toHaveLength(historyBefore.length + 1);
    expect(historyAfter.slice(0, historyBefore.length)).toEqual(historyBefore);
    expect(JSON.parse(historyAfter.at(-1)!)).toMatchObject({
      editor: 'Edith',
      id,
      kind: 'gloss',
      before: before.en,
      after: newText,
    });

    // A reload, the public API and the paragraph page all have it.
    await page.reload();
    await waitForHydration(page);
    await expect(editBar(page)).toBeVisible();
    await expect(row.locator('.edit-button')).toBeVisible();
    await expect.poll(() => glossText(row)).toBe(newText);
    expect(await englishOf(request, id)).toBe(newText);

    // Signed out, on the next request: the paragraph page and the reading page.
    const anonymous = await browser.newContext();
    const reader = await anonymous.newPage();
    try {
      await reader.goto(`${READ_PATH}/p/${id}`);
      expect(collapse((await reader.locator('.reader-single .cell-en').textContent()) ?? '')).toBe(newText);
      await reader.goto(READ_PATH);
      expect(collapse((await rowOf(reader, id).locator('.cell-en').textContent()) ?? '')).toBe(newText);
    } finally {
      await anonymous.close();
    }
  });

  test('keyboard only: e opens the editor, Ctrl+Enter saves, Esc cancels, n jumps to the next untranslated row', async ({
    page,
    context,
    request,
  }) => {
    // An untranslated row to jump to, cleared through the API with the editor token.
    const cleared = await putGloss(request, PARAS.cleared, '');
    expect(cleared.status).toBe('untranslated');
    expect(glossFile()[PARAS.cleared]).toBeUndefined();

    await signIn(context, EDITH);
    await openAsEditor(page, 'Edith');

    // 1. `e` on a focused row's ¶ link opens its editor; typing and Ctrl+Enter saves.
    const first = rowOf(page, PARAS.keySave);
    const typed = stamp('First, Karpathy talked about self-driving cars (typed)');
    await first.getByRole('link', { name: 'Page of this paragraph' }).focus();
    await page.keyboard.press('e');
    const firstArea = textareaOf(first);
    await expect(firstArea).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(typed);
    await page.keyboard.press('Control+Enter');
    await expect(announcement(page, 'Gloss saved')).toBeVisible();
    await expect(firstArea).toHaveCount(0);
    await expect.poll(() => glossText(first)).toBe(typed);
    expect(await englishOf(request, PARAS.keySave)).toBe(typed);

    // 2. Tab (backwards from the ¶ link) to another row's Edit button, Enter, type, Esc: nothing changes.
    const second = rowOf(page, PARAS.keyCancel);
    const secondBefore = await apiBlock(request, PARAS.keyCancel);
    const shownBefore = await glossText(second);
    await second.getByRole('link', { name: 'Page of this paragraph' }).focus();
    const editButton = second.locator('.edit-button');
    for (let i = 0; i < 6 && !(await editButton.evaluate((el) => el === document.activeElement)); i += 1) {
      await page.keyboard.press('Shift+Tab');
    }
    await expect(editButton).toBeFocused();
    await page.keyboard.press('Enter');
    const secondArea = textareaOf(second);
    await expect(secondArea).toBeFocused();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' and this will be cancelled');
    await expect(secondArea).toHaveValue(`${secondBefore.en} and this will be cancelled`);
    await page.keyboard.press('Escape');
    await expect(secondArea).toHaveCount(0);
    await expect.poll(() => glossText(second)).toBe(shownBefore);
    expect(await englishOf(request, PARAS.keyCancel)).toBe(secondBefore.en);

    // 3. `n` from the row before the cleared one focuses the cleared row's Edit button.
    await page.reload();
    await waitForHydration(page);
    await expect(editBar(page)).toBeVisible();
    const target = rowOf(page, PARAS.cleared);
    // Said once, in the cell, not again in a status chip.
    await expect(target.getByText('Untranslated', { exact: true })).toHaveCount(1);
    await expect(target.locator('.edit-tools .status')).toHaveCount(0);
    await rowOf(page, PARAS.beforeCleared).getByRole('link', { name: 'Page of this paragraph' }).focus();
    await page.keyboard.press('n');
    await expect(target.locator('.edit-button')).toBeFocused();
    await expect(target).toBeInViewport();
    // …and `e` there opens it.
    await page.keyboard.press('e');
    await expect(textareaOf(target)).toBeFocused();
    await expect(textareaOf(target)).toHaveValue('');
    await page.keyboard.press('Escape');
    await expect(textareaOf(target)).toHaveCount(0);

    // 4. `e` also works from a focused Chinese word of a row.
    await rowOf(page, PARAS.keyCancel).locator('.cell-zh span.w').first().focus();
    await page.keyboard.press('e');
    await expect(textareaOf(rowOf(page, PARAS.keyCancel))).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(textareaOf(rowOf(page, PARAS.keyCancel))).toHaveCount(0);
  });

  test('the library shows a cleared gloss in its progress on the next request', async ({ page, request }) => {
    // PARAS.cleared was cleared by the keyboard test; clear it here if that did not run.
    if ((await englishOf(request, PARAS.cleared)) !== null) await putGloss(request, PARAS.cleared, '');
    const summary = (
      (await (await request.get('/api/texts')).json()) as { slug: string; progress: { glossed: number; total: number } }[]
    ).find((t) => t.slug === SLUG)!;
    expect(summary.progress.glossed).toBeLessThan(summary.progress.total);
    await page.goto('/');
    const card = page.locator('.text-card').filter({ has: page.locator(`a[href="${READ_PATH}"]`) });
    await expect(card).toContainText(`${summary.progress.glossed} of ${summary.progress.total} paragraphs translated`);
    await page.goto(READ_PATH);
    await expect(page.locator('.text-header')).toContainText(
      `${summary.progress.glossed} of ${summary.progress.total} paragraphs translated`,
    );
  });

  test('an unsaved draft survives a reload and can be restored', async ({ page, context, request }) => {
    const id = PARAS.draft;
    const before = await apiBlock(request, id);
    const draft = stamp('A draft that was never saved');
    await signIn(context, EDITH);
    await openAsEditor(page, 'Edith');
    const row = rowOf(page, id);
    await row.locator('.edit-button').click();
    await textareaOf(row).fill(draft);

    await page.reload();
    await waitForHydration(page);
    await expect(editBar(page)).toBeVisible();
    await row.locator('.edit-button').click();
    const area = textareaOf(row);
    await expect(area).toHaveValue(before.en ?? '');
    await expect(row.getByText('You have an unsaved draft of this gloss')).toBeVisible();
    await row.getByRole('button', { name: 'Restore the draft' }).click();
    await expect(area).toHaveValue(draft);
    await expect(row.getByRole('button', { name: 'Restore the draft' })).toHaveCount(0);
    // Nothing reached the server.
    expect(await englishOf(request, id)).toBe(before.en);
  });

  test('two editors on one row: the second save shows the conflict, keeps his text, and "Save mine over it" wins', async ({
    browser,
    request,
  }) => {
    const id = PARAS.conflict;
    const original = await apiBlock(request, id);
    const ediths = stamp('Edith’s version of the first application of humanoid robots');
    const eds = stamp('Ed’s version of the first application of humanoid robots');
    const edithContext = await browser.newContext();
    const edContext = await browser.newContext();
    try {
      await signIn(edithContext, EDITH);
      await signIn(edContext, ED);
      const edith = await edithContext.newPage();
      const ed = await edContext.newPage();
      await openAsEditor(edith, 'Edith');
      await openAsEditor(ed, 'Ed');
      const edithRow = rowOf(edith, id);
      const edRow = rowOf(ed, id);
      await edithRow.locator('.edit-button').click();
      await edRow.locator('.edit-button').click();

      await textareaOf(edithRow).fill(ediths);
      await edithRow.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(announcement(edith, 'Gloss saved')).toBeVisible();
      expect(glossFile()[id]).toBe(ediths);

      await textareaOf(edRow).fill(eds);
      await edRow.getByRole('button', { name: 'Save', exact: true }).click();
      const conflict = edRow.locator('.conflict');
      await expect(conflict).toBeVisible();
      await expect(conflict).toHaveAttribute('role', 'alert');
      const theirs = conflict.locator('.conflict-versions > div').filter({ hasText: 'Now on the server' });
      const yours = conflict.locator('.conflict-versions > div').filter({ hasText: 'Yours' });
      await expect(theirs.locator('p[lang="en"]')).toHaveText(ediths);
      await expect(yours.locator('p[lang="en"]')).toHaveText(eds);
      // It names who saved the version on the server (and when), from the history.
      await expect(conflict.locator('.conflict-by')).toContainText('saved by Edith at');
      await expect(textareaOf(edRow)).toHaveValue(eds);
      expect(glossFile()[id]).toBe(ediths);
      await expect(conflict.getByRole('button', { name: 'Take theirs' })).toBeVisible();
      await expect(conflict.getByRole('button', { name: 'Edit mine and save again' })).toBeVisible();

      await conflict.getByRole('button', { name: 'Save mine over it' }).click();
      await expect(announcement(ed, 'Gloss saved')).toBeVisible();
      await expect(textareaOf(edRow)).toHaveCount(0);
      await expect.poll(() => glossText(edRow)).toBe(eds);
      expect(glossFile()[id]).toBe(eds);
      expect(await englishOf(request, id)).toBe(eds);

      const history = historyEntries(id).slice(-2);
      expect(history).toEqual([
        expect.objectContaining({ editor: 'Edith', kind: 'gloss', before: original.en, after: ediths }),
        expect.objectContaining({ editor: 'Ed', kind: 'gloss', before: ediths, after: eds }),
      ]);
    } finally {
      await edithContext.close();
      await edContext.close();
    }
  });
});
