// Adding a text from the library page, and a text's glosses out to XLIFF and back through the
// reading page, as an editor. Runs in the "editing" project (it changes the data copy) and puts
// back what it changed.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EDITORS, READER } from './accounts';
import {
  apiBlock,
  baseUrl,
  dataDir,
  files,
  historyEntries,
  openAsEditor,
  putGloss,
  rowOf,
  signIn,
  glossText,
} from './editing-helpers';
import { READ_PATH, SLUG, waitForHydration } from './helpers';

const [EDITH] = EDITORS;
/** Paragraphs no other spec changes and no note is anchored to. */
const PARAS = { changed: 'rkyjjw', stale: 'xmvb88', conflict: 'c0qxxp' } as const;
const ADDED = 'e2e-added-text';
const REVERT_ORIGINAL = 'Revert to the version before this change';
const GB18030 = path.join(__dirname, '..', 'lib', 'text', 'fixtures', 'encodings', 'gb18030.md');

test.describe('add a text', () => {
  test.afterAll(() => {
    for (const file of [
      `content/${ADDED}.md`,
      `content/${ADDED}.ids.json`,
      `locales/en/${ADDED}.json`,
      `locales/en/${ADDED}.state.json`,
    ]) {
      rmSync(path.join(dataDir(), file), { force: true });
    }
  });

  test('an editor uploads a GB18030 file on the library page, previews its blocks and encoding, adds it, and the library lists it', async ({
    page,
    context,
  }) => {
    await signIn(context, EDITH);
    await page.goto('/');
    await waitForHydration(page);
    await page.getByText('Add a text', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Add a text' });
    await form.getByLabel('File').setInputFiles(GB18030);
    await form.getByLabel('Slug (the URL)').fill(ADDED);
    await form.getByLabel('Title', { exact: true }).fill('编码测试');
    await form.getByRole('button', { name: 'Preview' }).click();
    const report = form.locator('.add-text-report');
    await expect(report).toHaveAttribute('data-action', 'checked');
    await expect(report).toContainText('Encoding found: gb18030 (100% confident)');
    await expect(report.locator('.add-text-blocks li')).toHaveText([
      /^heading\s+自动驾驶是 AGI$/,
      /^paragraph\s+前些天/,
      /^paragraph\s+近日/,
    ]);
    await form.getByRole('button', { name: 'Add the text' }).click();
    await expect(report).toHaveAttribute('data-action', 'created');
    expect(readFileSync(path.join(dataDir(), 'content', `${ADDED}.md`), 'utf8')).toContain('近日，播客节目 No Priors 发布了');

    await expect(report.getByRole('link', { name: 'Read it' })).toHaveAttribute('href', `/read/${ADDED}`);

    // The library lists it on the next request, and the API serves it without a rebuild.
    await page.goto('/');
    await expect(page.locator('.text-card').filter({ hasText: '编码测试' })).toHaveCount(1);
    const api = await context.request.get(`${baseUrl()}/api/texts/${ADDED}`);
    expect(api.status()).toBe(200);
    const served = (await api.json()) as { title: { zh: string }; blocks: { type: string; zh: string }[] };
    expect(served.title.zh).toBe('编码测试');
    expect(served.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph']);
  });

  test('adding a text needs an editor (401 signed out, 403 for a reader) and at most 5 MB', async ({ browser, request }) => {
    const url = `${baseUrl()}/api/texts?slug=e2e-refused`;
    const anonymous = await request.post(url, { headers: { origin: baseUrl() }, data: Buffer.from('正文。') });
    expect(anonymous.status()).toBe(401);
    const reader = await browser.newContext();
    await signIn(reader, READER);
    expect((await reader.request.post(url, { headers: { origin: baseUrl() }, data: Buffer.from('正文。') })).status()).toBe(403);
    await reader.close();
    const editor = await browser.newContext();
    await signIn(editor, EDITH);
    const big = await editor.request.post(url, { headers: { origin: baseUrl() }, data: Buffer.alloc(5 * 1024 * 1024 + 1, 0x61) });
    expect(big.status()).toBe(413);
    await editor.close();
  });
});

test.describe('XLIFF out and back', () => {
  const originals = new Map<string, string>();
  let source = '';
  test.beforeAll(async ({ playwright }) => {
    source = readFileSync(files.source(), 'utf8');
    const request = await playwright.request.newContext();
    for (const id of Object.values(PARAS)) originals.set(id, (await apiBlock(request, id)).en ?? '');
    await request.dispose();
  });
  test.afterAll(async ({ playwright }) => {
    writeFileSync(files.source(), source);
    const request = await playwright.request.newContext();
    for (const [id, en] of originals) if ((await apiBlock(request, id)).en !== en) await putGloss(request, id, en);
    await request.dispose();
  });

  test('an XLIFF import may be a long book: 6 MB is read, past 32 MB is refused with 413 saying the limit', async ({
    browser,
    request,
  }) => {
    const xliff = await (await request.get(`${baseUrl()}/api/texts/${SLUG}/xliff`)).text();
    const editor = await browser.newContext();
    await signIn(editor, EDITH);
    const url = `${baseUrl()}/api/texts/${SLUG}/import?dryRun=1`;
    // Whitespace after the root element is well-formed: the same units in a 6 MB body.
    const long = await editor.request.post(url, {
      headers: { origin: baseUrl() },
      data: Buffer.from(xliff + ' '.repeat(6 << 20)),
    });
    expect(long.status()).toBe(200);
    expect(((await long.json()) as { counts: { rejected: number } }).counts.rejected).toBe(0);
    const big = await editor.request.post(url, { headers: { origin: baseUrl() }, data: Buffer.alloc((32 << 20) + 1, 0x20) });
    expect(big.status()).toBe(413);
    expect(((await big.json()) as { error: string }).error).toContain('32 MB');
    await editor.close();
  });

  test('three changed targets: one applied, one stale, one conflict; History shows the import and Revert undoes it', async ({
    page,
    context,
    request,
  }) => {
    const download = await request.get(`${baseUrl()}/api/texts/${SLUG}/xliff`);
    expect(download.headers()['content-disposition']).toContain(`${SLUG}.xlf`);
    let xliff = await download.text();
    const target = (id: string, text: string) => {
      const pattern = new RegExp(`(<trans-unit id="${id}"[^>]*>[\\s\\S]*?<target[^>]*>)[\\s\\S]*?(</target>)`);
      expect(pattern.test(xliff)).toBe(true);
      xliff = xliff.replace(pattern, `$1${text}$2`);
    };
    target(PARAS.changed, 'Imported from a CAT tool.');
    target(PARAS.stale, 'Translated from Chinese that then changed.');
    target(PARAS.conflict, 'Translated while the gloss changed in the app.');
    // After the export the Chinese of one paragraph is edited, and another's gloss is saved in the app.
    const staleZh = (await apiBlock(request, PARAS.stale)).zh;
    writeFileSync(files.source(), source.replace(staleZh, `${staleZh}（补充）`));
    await putGloss(request, PARAS.conflict, 'Changed in the app after the export.');

    await signIn(context, EDITH);
    await openAsEditor(page, 'Edith');
    const panel = page.locator('details.exchange-panel');
    await panel.locator('summary').click();
    await panel
      .getByLabel('Import an XLIFF file')
      .setInputFiles({ name: 'from-cat.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(xliff) });
    await panel.getByRole('button', { name: 'Check the file' }).click();
    const report = panel.locator('.exchange-report');
    await expect(report).toHaveAttribute('data-dry-run', 'true');
    await expect(report.getByRole('status')).toContainText(
      '1 applied · 48 unchanged · 0 empty (untranslated) · 1 stale · 1 conflict · 0 rejected',
    );
    await expect(report.locator(`li[data-outcome="conflict"]`)).toContainText('Changed in the app after the export.');
    await expect(report.locator(`li[data-outcome="conflict"]`)).toContainText('Translated while the gloss changed in the app.');
    await expect(report.locator(`li[data-outcome="stale"]`)).toContainText(PARAS.stale);
    expect(historyEntries(PARAS.changed).filter((e) => e.editor.includes('import'))).toHaveLength(0);

    await panel.getByRole('button', { name: 'Apply 1 changes' }).click();
    await expect(report).toHaveAttribute('data-dry-run', 'false');
    // The row shows the imported gloss at once, without a reload.
    await expect.poll(() => glossText(rowOf(page, PARAS.changed))).toBe('Imported from a CAT tool.');
    await expect(report).toContainText('The imported glosses are shown in their rows.');
    expect(historyEntries(PARAS.changed).at(-1)).toMatchObject({
      editor: 'Edith (import from-cat.xlf)',
      after: 'Imported from a CAT tool.',
    });
    expect((await apiBlock(request, PARAS.stale)).en).toBe(originals.get(PARAS.stale));
    expect((await apiBlock(request, PARAS.conflict)).en).toBe('Changed in the app after the export.');

    await page.goto(READ_PATH);
    await waitForHydration(page);
    const row = rowOf(page, PARAS.changed);
    await expect.poll(() => glossText(row)).toBe('Imported from a CAT tool.');
    await row.getByRole('button', { name: 'History' }).click();
    const latest = row.getByRole('list', { name: 'History' }).locator(':scope > li').first();
    await expect(latest.locator('.history-meta')).toContainText('Edith (import from-cat.xlf)');
    // The import is this gloss's only change: its oldest entry offers the version before it.
    await latest.getByRole('button', { name: REVERT_ORIGINAL, exact: true }).click();
    await expect.poll(async () => (await apiBlock(request, PARAS.changed)).en).toBe(originals.get(PARAS.changed));
  });
});
