import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { READ_PATH, SEED, SLUG, loadSeed, norm, plain, waitForHydration } from './helpers';

const EXPORT = `/api/texts/${SLUG}/export`;

test('the Download menu links to the files, and the server sends each as an attachment', async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.goto(READ_PATH);
  await waitForHydration(page);
  await page.getByText('Download', { exact: true }).click();
  const links = page.locator('.download-menu a');
  await expect(links).toHaveCount(6);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toContain(`${EXPORT}?format=epub`);
  expect(hrefs).toContain(`/api/texts/${SLUG}/xliff`);
  for (const [query, type] of [
    ['format=epub', 'application/epub+zip'],
    ['format=html', 'text/html; charset=utf-8'],
  ] as const) {
    const response = await request.get(`${EXPORT}?${query}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe(type);
    expect(response.headers()['content-disposition']).toMatch(new RegExp(`^attachment; filename="${SLUG}\\.`));
  }
  // The article is one reading section: s1 is it, named in the file by its first block, as in its URL.
  const first = loadSeed().blocks[0]!.id;
  const pdf = await request.get(`${EXPORT}?format=pdf&paper=Letter&section=s1`, { timeout: 60_000 });
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toBe(`attachment; filename="${SLUG}-${first}.pdf"`);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  expect((await request.get(`${EXPORT}?format=doc`)).status()).toBe(422);
  expect((await request.get(`${EXPORT}?format=pdf&section=s2`)).status()).toBe(404);
  expect((await request.get(`${EXPORT}?format=pdf&section=../x`)).status()).toBe(422);
  expect((await request.get(`/api/texts/nope/export?format=html`)).status()).toBe(404);
});

test('the standalone HTML opens from disk with the network blocked and shows every block', async ({ page, request }) => {
  const html = await (await request.get(`${EXPORT}?format=html`)).text();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'standalone-')), `${SLUG}.html`);
  writeFileSync(file, html);
  const requests: string[] = [];
  await page.context().route(/^(?!file:)/, (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href);
  expect(requests).toEqual([]);
  const seed = loadSeed();
  await expect(page.locator('.row')).toHaveCount(SEED.textBlockCount);
  for (const block of seed.textBlocks) {
    const row = page.locator(`[id="${block.id}"]`);
    await expect(row.locator('.cell-zh')).toBeVisible();
    await expect(row.locator('.cell-zh')).toHaveAttribute('lang', 'zh-Hans');
    await expect(row.locator('.cell-en')).toHaveAttribute('lang', 'en');
    const text = (cell: string) =>
      row.locator(cell).evaluate((el) => {
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll('.note-ref').forEach((ref) => ref.remove());
        return copy.textContent;
      });
    expect(norm(await text('.cell-zh'))).toBe(norm(plain(block.zh)));
    expect(norm(await text('.cell-en'))).toBe(norm(plain(block.en ?? '')));
  }
  // The layout switch works without scripts.
  await page.getByLabel('Stacked').check();
  const id = seed.textBlocks[5]?.id ?? '';
  const zh = await page.locator(`[id="${id}"] .cell-zh`).boundingBox();
  const en = await page.locator(`[id="${id}"] .cell-en`).boundingBox();
  expect(en!.y).toBeGreaterThanOrEqual(zh!.y + zh!.height - 1);
  expect(requests).toEqual([]);
});
