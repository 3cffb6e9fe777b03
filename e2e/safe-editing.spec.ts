// End-to-end tests of what keeps editing safe: access control, escaping, stale glosses, history
// with revert, validation and accessibility. Every test works on paragraphs of its own (PARAS);
// the glosses and statuses they change are put back after the file has run.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EDITORS, READER } from './accounts';
import {
  announcement,
  apiBlock,
  bearer,
  editBar,
  englishOf,
  files,
  glossFile,
  glossText,
  glossUrl,
  historyEntries,
  historyLines,
  keepDataFile,
  openAsEditor,
  putGloss,
  putStatus,
  restoreAfterFile,
  rowOf,
  signIn,
  stamp,
  textareaOf,
} from './editing-helpers';
import { READ_PATH, SLUG, waitForHydration } from './helpers';
import { expectNoAxeViolations } from './axe';

const [EDITH] = EDITORS;

/** The paragraphs each test may change (none carries a translator's note). */
const PARAS = {
  access: 'cxxfpl',
  xss: 'gppcxt',
  stale: 'k5wkqo',
  history: 'l54vs0',
  validation: 'rkfxro',
  axeOpen: 'no31gy',
  axeConflict: 'ebwnge',
} as const;

restoreAfterFile(Object.values(PARAS));

test.describe('editing glosses safely', () => {
  test('signed out there are no editing tools, and saving needs an editor on this site (401 / 403 / 200)', async ({
    browser,
    page,
    request,
  }) => {
    const id = PARAS.access;
    const original = await apiBlock(request, id);
    const attempt = stamp('Refused change');

    // The public page: no edit bar, no Edit buttons, once the session is known.
    await page.goto(READ_PATH);
    await waitForHydration(page);
    await expect(page.locator('footer.site-footer').getByRole('link', { name: 'Sign in to edit' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(editBar(page)).toHaveCount(0);
    await expect(page.locator('.edit-button')).toHaveCount(0);
    await expect(page.locator('.edit-tools')).toHaveCount(0);

    // No credentials → 401.
    const anonymous = await request.put(glossUrl(id), { data: { text: attempt, baseRevision: original.revision } });
    expect(anonymous.status()).toBe(401);

    // The reader Rita, signed in through the form, from her own page → 403.
    const ritaContext = await browser.newContext();
    const edithContext = await browser.newContext();
    try {
      const rita = await ritaContext.newPage();
      await rita.goto('/sign-in');
      await rita.getByLabel('Name', { exact: true }).fill(READER.name);
      await rita.getByLabel('Password or editor token').fill(READER.password);
      await rita.getByRole('button', { name: 'Sign in' }).click();
      await expect(rita.locator('footer.site-footer')).toContainText('Signed in as Rita');
      await rita.goto(READ_PATH);
      await waitForHydration(rita);
      await rita.waitForLoadState('networkidle');
      await expect(editBar(rita)).toHaveCount(0);
      await expect(rita.locator('.edit-button')).toHaveCount(0);
      const ritaPut = await rita.evaluate(
        async ({ url, body }) => {
          const response = await fetch(url, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          return response.status;
        },
        { url: `/api/texts/${SLUG}/glosses/${id}`, body: { text: attempt, baseRevision: original.revision } },
      );
      expect(ritaPut).toBe(403);

      // An editor's session cookie sent from another origin → 403.
      await signIn(edithContext, EDITH);
      const crossOrigin = await edithContext.request.put(glossUrl(id), {
        headers: { origin: 'https://evil.example' },
        data: { text: attempt, baseRevision: original.revision },
      });
      expect(crossOrigin.status()).toBe(403);
      expect(await englishOf(request, id)).toBe(original.en);
      expect(glossFile()[id]).toBe(original.en);

      // The editor token → 200.
      const allowed = stamp('Allowed change by a script');
      const withToken = await request.put(glossUrl(id), {
        headers: bearer(),
        data: { text: allowed, baseRevision: original.revision },
      });
      expect(withToken.status()).toBe(200);
      expect(await withToken.json()).toMatchObject({ text: allowed, status: 'draft' });
      expect(glossFile()[id]).toBe(allowed);
    } finally {
      await ritaContext.close();
      await edithContext.close();
    }
  });

  test('a gloss with HTML in it is shown as text and never runs', async ({ browser, page, context, request }) => {
    const id = PARAS.xss;
    const payload = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
    await putGloss(request, id, payload);
    expect(glossFile()[id]).toBe(payload);
    const dialogs: string[] = [];

    const watch = (target: Page) =>
      target.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    const check = async (target: Page, cell: ReturnType<Page['locator']>) => {
      await expect(cell).toBeVisible();
      expect(await cell.textContent()).toContain(payload);
      await expect(cell.locator('script')).toHaveCount(0);
      await expect(cell.locator('img')).toHaveCount(0);
      await target.waitForLoadState('load');
      expect(await target.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    };

    // Signed out: the reading page and the paragraph page.
    const anonymous = await browser.newContext();
    try {
      const reader = await anonymous.newPage();
      watch(reader);
      await reader.goto(READ_PATH);
      await waitForHydration(reader);
      await check(reader, rowOf(reader, id).locator('.cell-en'));
      await reader.goto(`${READ_PATH}/p/${id}`);
      await check(reader, reader.locator('.reader-single .cell-en'));
    } finally {
      await anonymous.close();
    }

    // As an editor: the row, its editor and its history.
    await signIn(context, EDITH);
    watch(page);
    await openAsEditor(page, 'Edith');
    const row = rowOf(page, id);
    await check(page, row.locator('.cell-en'));
    await row.locator('.edit-button').click();
    await expect(textareaOf(row)).toHaveValue(payload);
    await row.getByRole('button', { name: 'Cancel' }).click();
    await row.getByRole('button', { name: 'History' }).click();
    // The newest change's diff, read without its removed parts, is the payload as text.
    const newest = row.getByRole('list', { name: 'History' }).locator(':scope > li').first();
    await expect(newest.locator('.diff')).toBeVisible();
    const afterText = await newest.locator('.diff').evaluate((el) =>
      [...el.childNodes]
        .filter((node) => node.nodeName !== 'DEL')
        .map((node) => node.textContent ?? '')
        .join(''),
    );
    expect(afterText).toBe(payload);
    await expect(row.locator('.history script, .history img')).toHaveCount(0);
    await check(page, row.locator('.cell-en'));
    expect(dialogs).toEqual([]);
  });

  test('a paragraph whose Chinese changed shows as stale with the Chinese diff, and "The gloss still fits" clears it', async ({
    page,
    context,
    request,
  }) => {
    const id = PARAS.stale;
    const sourceBefore = readFileSync(files.source(), 'utf8');
    const { zh } = await apiBlock(request, id);
    const removed = '重要性';
    const added = '关键作用';
    expect(zh).toContain(`迁移学习的${removed}`);
    expect(sourceBefore.split(`迁移学习的${removed}`)).toHaveLength(2);
    const restoreSource = keepDataFile(files.source());
    try {
      writeFileSync(files.source(), sourceBefore.replace(`迁移学习的${removed}`, `迁移学习的${added}`));
      const changed = await apiBlock(request, id);
      expect(changed.zh).toContain(`迁移学习的${added}`);
      expect(changed.status).toBe('stale');
      expect(changed.staleFrom).toBe(zh);

      await signIn(context, EDITH);
      await openAsEditor(page, 'Edith');
      const row = rowOf(page, id);
      await expect(row.locator('.edit-tools .status')).toHaveText('Stale');
      await expect(row).toHaveAttribute('data-status', 'stale');
      const diff = row.locator('.stale-diff');
      await expect(diff).toContainText('The Chinese has changed since this gloss was written:');
      await expect(diff.locator('del')).toHaveText([removed]);
      await expect(diff.locator('ins')).toHaveText([added]);
      await expect(diff.locator('.diff')).toHaveAttribute('lang', 'zh-Hans');
      await expect(editBar(page)).toContainText(/[1-9]\d* stale/);

      await diff.getByRole('button', { name: 'The gloss still fits' }).click();
      await expect(row.locator('.edit-tools .status')).toHaveText('Reviewed');
      await expect(announcement(page, 'Marked reviewed')).toBeVisible();
      await expect(row.locator('.stale-diff')).toHaveCount(0);
      const after = await apiBlock(request, id);
      expect(after.status).toBe('reviewed');
      expect(after.staleFrom).toBeUndefined();
      expect(historyEntries(id).at(-1)).toMatchObject({ editor: 'Edith', kind: 'status', before: 'stale', after: 'reviewed' });
    } finally {
      // The Chinese back as it was, and the gloss recorded as translating it again.
      restoreSource();
      const restored = await apiBlock(request, id);
      if (restored.status === 'stale') await putStatus(request, id, 'draft');
    }
  });

  test('History lists the changes newest first with their differences, and reverts to an older version', async ({
    page,
    context,
    request,
  }) => {
    const id = PARAS.history;
    const original = (await apiBlock(request, id)).en ?? '';
    const first = `${original} First revision.`;
    const second = `${original} Second revision.`;
    await signIn(context, EDITH);
    await openAsEditor(page, 'Edith');
    const row = rowOf(page, id);
    for (const text of [first, second]) {
      await row.locator('.edit-button').click();
      await textareaOf(row).fill(text);
      await row.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(textareaOf(row)).toHaveCount(0);
      await expect.poll(() => glossText(row)).toBe(text);
    }
    expect(glossFile()[id]).toBe(second);

    const historyButton = row.getByRole('button', { name: 'History' });
    await historyButton.click();
    await expect(historyButton).toHaveAttribute('aria-expanded', 'true');
    const list = row.getByRole('list', { name: 'History' });
    const items = list.locator(':scope > li');
    await expect(items.first()).toBeVisible();
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    // Newest first: First → Second, then original → First.
    await expect(items.nth(0).locator('.history-meta')).toContainText('Edith');
    await expect(items.nth(0).locator('del')).toHaveText(['First']);
    await expect(items.nth(0).locator('ins')).toHaveText(['Second']);
    await expect(items.nth(1).locator('.history-meta')).toContainText('Edith');
    await expect(items.nth(1).locator('del')).toHaveCount(0);
    await expect(items.nth(1).locator('ins')).toHaveText([' First revision.']);
    // The current version offers no revert to itself.
    await expect(items.nth(0).getByRole('button', { name: 'Revert to this version', exact: true })).toHaveCount(0);

    const historyBefore = historyLines().length;
    await items.nth(1).getByRole('button', { name: 'Revert to this version', exact: true }).click();
    await expect(announcement(page, 'Reverted')).toBeVisible();
    await expect.poll(() => glossFile()[id]).toBe(first);
    await expect.poll(() => glossText(row)).toBe(first);
    expect(historyLines()).toHaveLength(historyBefore + 1);
    expect(historyEntries(id).at(-1)).toMatchObject({ editor: 'Edith', kind: 'gloss', before: second, after: first });
    // The panel shows the revert as the newest change.
    await expect(items.nth(0).locator('del')).toHaveText(['Second']);
    await expect(items.nth(0).locator('ins')).toHaveText(['First']);
    expect(await englishOf(request, id)).toBe(first);
  });

  test('the gloss API validates: too long 413, no fields 422, empty without clear 422, unknown id or text 404', async ({
    request,
  }) => {
    const id = PARAS.validation;
    const { revision, en } = await apiBlock(request, id);
    const storedBefore = glossFile();
    const put = (url: string, data: unknown) => request.put(url, { headers: bearer(), data });

    const tooLong = await put(glossUrl(id), { text: 'a'.repeat(20_001), baseRevision: revision });
    expect(tooLong.status()).toBe(413);
    expect(await tooLong.json()).toHaveProperty('error');
    expect((await put(glossUrl(id), {})).status()).toBe(422);
    expect((await put(glossUrl(id), { text: '', baseRevision: revision })).status()).toBe(422);
    expect((await put(glossUrl(id), { text: '   \n ', baseRevision: revision })).status()).toBe(422);
    expect((await put(glossUrl('zzzzzz'), { text: 'Hello', baseRevision: revision })).status()).toBe(404);
    expect((await put(glossUrl(id, 'no-such-text'), { text: 'Hello', baseRevision: revision })).status()).toBe(404);

    expect(glossFile()).toEqual(storedBefore);
    expect(await englishOf(request, id)).toBe(en);
  });

  test('axe finds no violations with an editor open and with a conflict shown', async ({ page, context, request }) => {
    test.setTimeout(120_000);
    await signIn(context, EDITH);
    await openAsEditor(page, 'Edith');

    const open = rowOf(page, PARAS.axeOpen);
    await open.locator('.edit-button').click();
    await expect(textareaOf(open)).toBeFocused();
    // What editing adds: the edit bar and the open editor's row (the page has its own full scan).
    await expectNoAxeViolations(page, { include: ['.edit-bar', `[id="${PARAS.axeOpen}"]`] });
    await open.getByRole('button', { name: 'Cancel' }).click();
    await expect(textareaOf(open)).toHaveCount(0);

    const row = rowOf(page, PARAS.axeConflict);
    await row.locator('.edit-button').click();
    const original = (await apiBlock(request, PARAS.axeConflict)).en ?? '';
    await putGloss(request, PARAS.axeConflict, `${original} (changed elsewhere)`);
    await textareaOf(row).fill(`${original} (changed here)`);
    await row.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(row.locator('.conflict')).toBeVisible();
    await expectNoAxeViolations(page, { include: [`[id="${PARAS.axeConflict}"]`] });
  });
});
