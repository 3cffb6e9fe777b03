// A text written in traditional characters: paragraphs of 儒林外史 (lib/annotate/fixtures) are added
// to the running server's data folder with `npm run add` before these tests and removed after
// them, so the other specs see the bundled data only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dataRoot, waitForHydration } from './helpers';

const SLUG = 'rulin-e2e';
const READ = `/read/${SLUG}`;
const POPOVER = '#annotation-popover';

test.beforeAll(() => {
  const fixture = readFileSync(path.resolve(__dirname, '../lib/annotate/fixtures/rulin-waishi-1-2.trad.txt'), 'utf8');
  const source = path.join(mkdtempSync(path.join(os.tmpdir(), 'rulin-')), `${SLUG}.txt`);
  // The title line and the first paragraphs of chapter 1 (王冕's mother, 方纔 and 鄉裡人聽見鑼響 among them).
  const lines = fixture.split('\n').filter(Boolean);
  writeFileSync(source, [lines[0], ...lines.slice(3, 17)].join('\n\n'));
  const added = spawnSync(
    path.join('node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', 'scripts/add.ts', source, '--slug', SLUG, '--title', '儒林外史'],
    { env: { ...process.env, BILINGUAL_DATA_DIR: dataRoot() }, encoding: 'utf8' },
  );
  rmSync(path.dirname(source), { recursive: true, force: true });
  if (added.status !== 0) throw new Error(`adding ${SLUG} failed: ${added.stderr}`);
});

test.afterAll(() => {
  for (const file of [
    `content/${SLUG}.md`,
    `content/${SLUG}.txt`,
    `content/${SLUG}.ids.json`,
    `locales/en/${SLUG}.json`,
    `locales/en/${SLUG}.state.json`,
    `locales/en/${SLUG}.journal.jsonl`,
    `locales/en/${SLUG}.history.jsonl`,
  ]) {
    rmSync(path.join(dataRoot(), file), { force: true });
  }
});

async function open(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), `GET ${url}`).toBeLessThan(400);
  await waitForHydration(page);
}

const words = (page: Page) => page.locator('article.reader .cell-zh .w');
const zh = (page: Page) => page.locator('article.reader .cell-zh').allInnerTexts();

test('a traditional text shows as written by default, Traditional selected, and converts to simplified on request', async ({
  page,
}) => {
  await open(page, READ);
  const asWritten = (await zh(page)).join('');
  expect(asWritten).toContain('母親');
  expect(asWritten).toContain('方纔');
  expect(asWritten).toContain('鄉裡人聽見鑼響');
  await page.getByText('Reading options', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Traditional' })).toBeChecked();
  await expect(page.locator('html')).not.toHaveAttribute('data-script', /./);

  // The popover's headword is the word as written, its simplified form beside it, and it has senses.
  await words(page)
    .filter({ hasText: /^母親$/ })
    .first()
    .click();
  await expect(page.locator(`${POPOVER} .popover-word`)).toHaveText('母親');
  await expect(page.locator(`${POPOVER} .popover-traditional`)).toHaveText(/Simplified\s+母亲/);
  await expect(page.locator(`${POPOVER} .popover-senses`)).toContainText('mother');
  await page.keyboard.press('Escape');

  await page.getByRole('radio', { name: 'Simplified' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('script')).toBe('simp');
  await expect.poll(async () => (await zh(page)).join('')).toContain('母亲');
  const simplified = (await zh(page)).join('');
  expect(simplified).toContain('方才');
  expect(simplified).toContain('乡里人听见锣响');
  expect(simplified.length).toBe(asWritten.length);

  // Back to Traditional: the text as written, not another traditional form (方纔 stays 方纔).
  await page.getByRole('radio', { name: 'Traditional' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('script')).toBeNull();
  await expect.poll(async () => (await zh(page)).join('')).toBe(asWritten);
});

test('opened with ?script=simp the text and its popover are simplified; ?script=trad shows it as written', async ({ page }) => {
  await open(page, `${READ}?script=simp`);
  await words(page)
    .filter({ hasText: /^母亲$/ })
    .first()
    .click();
  await expect(page.locator(`${POPOVER} .popover-word`)).toHaveText('母亲');
  await expect(page.locator(`${POPOVER} .popover-traditional`)).toHaveText(/Traditional\s+母親/);

  await open(page, `${READ}?script=trad`);
  expect((await zh(page)).join('')).toContain('方纔');
});
