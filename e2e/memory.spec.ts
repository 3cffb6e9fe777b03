// End-to-end tests of the translation memory panel in the editor: a near copy in another text
// inserted with Ctrl+1, concordance from a selection grouped by rendering, a forbidden rendering
// flagged as it is typed, an imported TMX's match named, and the machine-suggestion test provider
// inserted and marked in the history. The added text and memory are taken out afterwards, and the
// one gloss saved is put back.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EDITORS } from './accounts';
import { expectNoAxeViolations } from './axe';
import { apiBlock, baseUrl, bearer, dataDir, openAsEditor, putGloss, rowOf, signIn, textareaOf } from './editing-helpers';

const [EDITH] = EDITORS;
const FIXTURES = path.join(__dirname, 'fixtures', 'memory');
/** Paragraphs of the bundled article: one with a near copy in the added text, one in the TMX, one with forbidden renderings, one for the machine suggestion. */
const PARAS = { nearCopy: 'an0w1i', inMemory: 'ujyvyv', forbidden: 'wcu1xm', machine: 'ggwnu1' } as const;
const NEAR_GLOSS =
  'When Musk set out to build a humanoid robot, the CAD models and the supply chain were ready-made (near copy in another text).';
const MEMORY_GLOSS = 'AI can raise productivity, but Karpathy expects far more of it (from the imported memory).';

/** A paragraph of the article one of whose sentences is also in another paragraph (`source`), aligned one to one there. */
const SENTENCES = {
  paragraph: 'hyddx5',
  source: 'bn11on',
  gloss: 'He said he had once seen a video of a small child swiping at a magazine.',
} as const;

let machineOriginal: string | null = null;

test.beforeAll(async ({ request }) => {
  const dir = dataDir();
  copyFileSync(path.join(FIXTURES, 'memory-near.md'), path.join(dir, 'content', 'memory-near.md'));
  copyFileSync(path.join(FIXTURES, 'memory-near.ids.json'), path.join(dir, 'content', 'memory-near.ids.json'));
  copyFileSync(path.join(FIXTURES, 'memory-near.json'), path.join(dir, 'locales', 'en', 'memory-near.json'));
  // The admin upload (as `npm run tm -- import`): the server picks the memory up at once.
  const upload = await request.post(`${baseUrl()}/api/memories?name=omegat-e2e&fileName=e2e-memory.tmx`, {
    headers: { ...bearer(), 'content-type': 'application/xml' },
    data: readFileSync(path.join(FIXTURES, 'e2e-memory.tmx')),
  });
  expect(upload.status(), await upload.text()).toBe(201);
  machineOriginal = (await apiBlock(request, PARAS.machine)).en;
});

test.afterAll(async ({ request }) => {
  const dir = dataDir();
  for (const file of [
    'content/memory-near.md',
    'content/memory-near.ids.json',
    'locales/en/memory-near.json',
    'memories/omegat-e2e.tmx.json',
  ])
    rmSync(path.join(dir, file), { force: true });
  if ((await apiBlock(request, PARAS.machine)).en !== machineOriginal)
    await putGloss(request, PARAS.machine, machineOriginal ?? '', 'e2e-restore');
});

test.describe('translation memory', () => {
  test.beforeEach(async ({ context, page }) => {
    await signIn(context, EDITH);
    await openAsEditor(page, 'Edith');
  });

  test('a near copy in another text is offered, its difference marked, and Ctrl+1 inserts it', async ({ page }) => {
    const row = rowOf(page, PARAS.nearCopy);
    await row.locator('.edit-button').click();
    const panel = row.getByRole('region', { name: 'Translation memory' });
    const first = panel.locator('.memory-match').first();
    await expect(first).toContainText(NEAR_GLOSS);
    await expect(first.locator('.memory-score')).toHaveText(/^(8\d|9[0-4]) %$/);
    await expect(first.locator('mark').first()).toContainText('如同');
    await expect(first.getByRole('link', { name: '近似段落' })).toHaveAttribute('href', /\/read\/memory-near#l9lpzm$/);
    const area = textareaOf(row);
    await area.fill('typed');
    await page.keyboard.press('Control+1');
    await expect(area).toHaveValue(NEAR_GLOSS);
    await expect(area).toBeFocused();
    // Inserting never saves.
    expect((await apiBlock(page.request, PARAS.nearCopy)).en).not.toBe(NEAR_GLOSS);
  });

  test('a sentence match from another paragraph is labelled and inserted at the cursor, never saved', async ({ page }) => {
    // Sentence matches come from stored alignments: the article's is made (or found) first.
    expect((await page.request.get(`${baseUrl()}/api/texts/karpathy-no-priors/alignment?lang=en`)).status()).toBe(200);
    const row = rowOf(page, SENTENCES.paragraph);
    const original = (await apiBlock(page.request, SENTENCES.paragraph)).en ?? '';
    await row.locator('.edit-button').click();
    const panel = row.getByRole('region', { name: 'Translation memory' });
    const match = panel.locator('.sentence-match').first();
    await expect(match).toContainText(SENTENCES.gloss);
    await expect(match.locator('.memory-origin')).toContainText('Sentence match from');
    await expect(match.getByRole('link')).toHaveAttribute('href', new RegExp(`#${SENTENCES.source}$`));
    const area = textareaOf(row);
    await area.focus();
    await area.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(0, 0));
    await match.getByRole('button', { name: /Insert at the cursor/ }).click();
    await expect(area).toHaveValue(`${SENTENCES.gloss}${original}`);
    expect((await apiBlock(page.request, SENTENCES.paragraph)).en).toBe(original);
    await expectNoAxeViolations(page, { include: [`[id="${SENTENCES.paragraph}"] .memory-panel`] });
    await row.getByRole('button', { name: 'Cancel' }).click();
  });

  test('concordance from a selection in the Chinese is grouped by rendering, with permalinks; axe clean', async ({ page }) => {
    const row = rowOf(page, PARAS.nearCopy);
    await row.locator('.edit-button').click();
    const panel = row.getByRole('region', { name: 'Translation memory' });
    // Concordance of 特斯拉 selected in another row's Chinese.
    await rowOf(page, 'jqeoxb')
      .locator('.cell-zh')
      .evaluate((cell) => {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        const texts: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
        const all = texts.map((t) => t.data).join('');
        let at = all.indexOf('特斯拉');
        const range = document.createRange();
        for (const t of texts) {
          if (at < t.data.length) {
            range.setStart(t, at);
            break;
          }
          at -= t.data.length;
        }
        let end = all.indexOf('特斯拉') + 3;
        for (const t of texts) {
          if (end <= t.data.length) {
            range.setEnd(t, end);
            break;
          }
          end -= t.data.length;
        }
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      });
    await panel.getByRole('button', { name: 'Look up the selection' }).click();
    await expect(panel.getByRole('searchbox')).toHaveValue('特斯拉');
    const renderings = panel.getByRole('list', { name: 'Renderings' });
    await expect(renderings.locator('li').first()).toHaveText(/^Tesla \d+$/);
    await expect(renderings).toContainText('Teslas 1');
    await expect(panel.locator('.concordance-lines a[href="/read/memory-near#zhdf7b"]')).toHaveCount(1);
    await expectNoAxeViolations(page, { include: ['.memory-panel'] });
  });

  test('a forbidden rendering is flagged as it is typed; an imported memory’s match is named', async ({ page }) => {
    const row = rowOf(page, PARAS.forbidden);
    await row.locator('.edit-button').click();
    const panel = row.getByRole('region', { name: 'Translation memory' });
    const term = panel.locator('.memory-terms li', { hasText: '测试包' });
    await expect(term).toContainText('test-time package');
    await textareaOf(row).fill('It is distilled into a test package.');
    await expect(term).toHaveClass(/term-forbidden/);
    await expect(term).toContainText('forbidden rendering used: test package');
    await textareaOf(row).fill('It is distilled into a test-time package.');
    await expect(term).toHaveClass(/term-used/);
    await row.getByRole('button', { name: 'Cancel' }).click();

    const other = rowOf(page, PARAS.inMemory);
    await other.locator('.edit-button').click();
    const match = other.locator('.memory-match', { hasText: MEMORY_GLOSS });
    await expect(match.locator('.memory-origin')).toContainText('Memory: omegat-e2e');
    await expect(match.locator('.memory-origin')).toContainText('omegat-user');
  });

  test('the test provider’s suggestion is labelled, inserted, and the save is marked as machine translation in the history', async ({
    page,
  }) => {
    const row = rowOf(page, PARAS.machine);
    await row.locator('.edit-button').click();
    const panel = row.getByRole('region', { name: 'Translation memory' });
    const machine = panel.locator('.memory-machine');
    await expect(machine).toContainText('test provider, not a translation');
    await machine.getByRole('button', { name: 'Insert the machine suggestion' }).click();
    const area = textareaOf(row);
    await expect(area).toHaveValue(/\w/);
    await row.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(area).toHaveCount(0);
    await row.getByRole('button', { name: 'History' }).click();
    const newest = row.getByRole('list', { name: 'History' }).locator(':scope > li').first();
    await expect(newest).toContainText('machine translation: cedict-test');
  });
});
