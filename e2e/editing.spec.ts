// End-to-end tests of translation editing: signing in, the in-place editor, drafts, conflicts,
// access control, escaping, stale glosses, history with revert, validation and accessibility.
// Every test works on paragraphs of its own (PARAS) and reads current revisions from the API;
// the glosses and statuses they change are put back after the file has run.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { EDITORS, READER } from './accounts';
import {
  announcement,
  apiBlock,
  apiText,
  baseUrl,
  bearer,
  collapse,
  editBar,
  files,
  glossFile,
  foldedGlossFileText,
  glossText,
  glossUrl,
  historyEntries,
  historyLines,
  openAsEditor,
  putGloss,
  putStatus,
  rowOf,
  signIn,
  textareaOf,
} from './editing-helpers';
import { READ_PATH, SLUG, waitForHydration } from './helpers';
import { expectNoAxeViolations } from './axe';

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
  access: 'cxxfpl',
  xss: 'gppcxt',
  stale: 'k5wkqo',
  history: 'l54vs0',
  validation: 'rkfxro',
  axeOpen: 'no31gy',
  axeConflict: 'ebwnge',
} as const;

/** The glosses and statuses of those paragraphs before this file ran. */
const originals = new Map<string, { en: string | null; status: string | null }>();

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext();
  try {
    const { blocks } = await apiText(request);
    for (const id of Object.values(PARAS)) {
      const block = blocks.find((b) => b.id === id);
      if (!block) throw new Error(`The seed has no paragraph ${id}`);
      originals.set(id, { en: block.en, status: block.status });
    }
  } finally {
    await request.dispose();
  }
});

test.afterAll(async ({ playwright }) => {
  // Puts the glosses back through the API, so the pages are regenerated and later specs see the seed.
  const request = await playwright.request.newContext();
  try {
    for (const [id, original] of originals) {
      const now = await apiBlock(request, id);
      if (now.en !== original.en) await putGloss(request, id, original.en ?? '', 'e2e-restore');
      const after = await apiBlock(request, id);
      if (after.status !== original.status && (original.status === 'draft' || original.status === 'reviewed')) {
        await putStatus(request, id, original.status);
      }
    }
  } finally {
    await request.dispose();
  }
});

/** A text unique to this run, so a retried test never meets its own earlier save. */
function stamp(label: string): string {
  return `${label} ${Date.now().toString(36)}`;
}

async function englishOf(request: APIRequestContext, id: string): Promise<string | null> {
  return (await apiBlock(request, id)).en;
}

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
      writeFileSync(files.source(), sourceBefore);
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
