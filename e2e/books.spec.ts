// Real books as they come: one paragraph per line with the book's own table of contents, added
// from the library page. Runs in the "editing" project (it adds a text to the data copy) and
// removes what it added.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EDITORS } from './accounts';
import { dataDir, signIn } from './editing-helpers';
import { waitForHydration } from './helpers';

const [EDITH] = EDITORS;
const ADDED = 'e2e-one-per-line';
const LINE_GB18030 = path.join(__dirname, '..', 'lib', 'text', 'fixtures', 'layouts', 'line-gb18030.txt');

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

test.describe.configure({ mode: 'serial' });

test('a book with one paragraph per line is previewed as such, can be read otherwise on request, and is added with its contents as one list', async ({
  page,
  context,
}) => {
  await signIn(context, EDITH);
  await page.goto('/');
  await waitForHydration(page);
  await page.getByText('Add a text', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Add a text' });
  const add = form.getByRole('button', { name: 'Add the text' });
  // Disabled until a preview, and it says why.
  await expect(add).toBeDisabled();
  await expect(form.getByText('Preview first')).toBeVisible();

  await form.getByLabel('File').setInputFiles(LINE_GB18030);
  await form.getByLabel('Slug (the URL)').fill(ADDED);
  await form.getByRole('button', { name: 'Preview' }).click();
  const report = form.locator('.add-text-report');
  await expect(report).toHaveAttribute('data-action', 'checked');
  await expect(report.locator('.add-text-layout')).toContainText('Paragraphs found: one per line');
  await expect(report.locator('.add-text-blocks li').filter({ hasText: /^list-item/ })).toHaveCount(12);

  // Read as blank-line paragraphs on request: the whole book is one block, as before; a new preview is needed.
  await form.getByLabel('Paragraphs').selectOption('blank');
  await expect(report).toHaveCount(0);
  await expect(add).toBeDisabled();
  await form.getByRole('button', { name: 'Preview' }).click();
  await expect(report.locator('.add-text-layout')).toContainText('Read as: separated by blank lines, as chosen.');
  await expect(report.locator('.add-text-blocks li').filter({ hasText: /^paragraph/ })).toHaveCount(1);

  await form.getByLabel('Paragraphs').selectOption('');
  await form.getByRole('button', { name: 'Preview' }).click();
  await expect(report.locator('.add-text-layout')).toContainText('one per line');
  await add.click();
  await expect(report).toHaveAttribute('data-action', 'created');

  await page.goto(`/read/${ADDED}`);
  const reader = page.locator('.reader');
  // The book's own contents are one list of twelve entries, not twelve empty chapters.
  await expect(reader.locator('.cell-zh li').filter({ hasText: /^第[一二三四五六七八九十]+回/ })).toHaveCount(12);
  await expect(reader.getByRole('heading', { name: /^楔子/ })).toHaveCount(1);
  await expect(reader.getByRole('heading', { name: /^第一回/ })).toHaveCount(1);
  await expect(reader.locator('.row').filter({ hasText: '话说大宋仁宗天子在位' })).toHaveCount(1);
  // Each entry links to its chapter when the book has it: 第一回 does, 第二回 is not in the excerpt.
  const entries = reader.locator('.cell-zh li');
  const first = entries.filter({ hasText: /^第一回/ });
  await expect(entries.filter({ hasText: /^第二回/ }).getByRole('link', { name: 'Go to the chapter' })).toHaveCount(0);
  await first.getByRole('link', { name: 'Go to the chapter' }).click();
  const chapter = reader.getByRole('heading', { name: /^第一回/ });
  const id = await chapter.evaluate((el) => el.closest('.row')?.id ?? '');
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect(chapter).toBeInViewport();
});

test('an untranslated book offers Chinese-only files, and a PDF link says the file is being prepared', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/read/${ADDED}`);
  await waitForHydration(page);
  await page.getByText('Download', { exact: true }).click();
  const chinesePdf = page.getByRole('link', { name: 'PDF, Chinese only (A4)' }).first();
  await expect(chinesePdf).toHaveAttribute('href', `/api/texts/${ADDED}/export?format=pdf&paper=A4&layout=zh`);
  const epub = await request.get(`/api/texts/${ADDED}/export?format=epub&layout=zh`);
  expect(epub.status()).toBe(200);
  expect(epub.headers()['content-type']).toBe('application/epub+zip');
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await chinesePdf.click();
  await expect(page.getByRole('status').filter({ hasText: 'Preparing the PDF' })).toBeVisible();
  expect((await download).suggestedFilename()).toBe(`${ADDED}.pdf`);
});
