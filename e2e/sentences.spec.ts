// Sentences in the reader: pointing at or focusing a sentence lights its translation, side by
// side and stacked; the sentence-by-sentence layout; an editor's manual link kept after an edit
// of another sentence of the same paragraph. Runs with the editing tests (it changes the data
// copy and puts it back).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { sentenceHash } from '@/lib/align/stored';
import { EDITORS } from './accounts';
import { expectNoAxeViolations } from './axe';
import { apiBlock, baseUrl, bearer, dataDir, openAsEditor, putGloss, rowOf, signIn } from './editing-helpers';
import { READ_PATH, SLUG, waitForHydration } from './helpers';

interface Link {
  zh: number[];
  gloss: number[];
  manual: boolean;
}
interface Block {
  id: string;
  revision: string;
  zh: [number, number][];
  gloss: [number, number][];
  links: Link[];
}

const alignmentUrl = (id?: string) => `${baseUrl()}/api/texts/${SLUG}/alignment?lang=en${id ? `&id=${id}` : ''}`;

async function alignment(request: APIRequestContext, id: string): Promise<Block> {
  const response = await request.get(alignmentUrl(id));
  expect(response.status()).toBe(200);
  const { blocks } = (await response.json()) as { blocks: Block[] };
  const block = blocks[0];
  if (!block) throw new Error(`no alignment for ${id}`);
  return block;
}

/** A paragraph whose first two links are one Chinese sentence to one English sentence each, with a third English sentence after. */
async function sampleBlock(request: APIRequestContext): Promise<Block> {
  const response = await request.get(alignmentUrl());
  const { blocks } = (await response.json()) as { blocks: Block[] };
  const one = (link: Link | undefined, i: number) => link?.zh.join() === String(i) && link.gloss.join() === String(i);
  const block = blocks.find((b) => b.zh.length >= 2 && b.gloss.length >= 3 && one(b.links[0], 0) && one(b.links[1], 1));
  if (!block) throw new Error('the bundled text has no paragraph with two one-to-one links and a third English sentence');
  return block;
}

const sentence = (row: Locator, side: 'zh' | 'en', index: number) => row.locator(`.cell-${side} [data-s="${index}"]`).first();
const background = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).backgroundColor);
const NONE = 'rgba(0, 0, 0, 0)';

async function expectLit(row: Locator, side: 'zh' | 'en', index: number, lit: boolean) {
  const check = expect.poll(() => background(sentence(row, side, index)), { message: `${side} sentence ${index} lit: ${lit}` });
  await (lit ? check.not.toBe(NONE) : check.toBe(NONE));
}

async function openRow(page: Page, id: string, query = ''): Promise<Locator> {
  await page.goto(`${READ_PATH}${query}#${id}`);
  await waitForHydration(page);
  return page.locator(`.row[id="${id}"]`);
}

test.describe('sentences', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('pointing at a sentence lights its translation side by side; axe clean on the row', async ({ page, request }) => {
    // Run alone, this is the server's first page (annotation and alignment of the whole text): on a
    // loaded machine that and the axe scan took 30 s after every assertion had passed.
    test.setTimeout(90_000);
    const block = await sampleBlock(request);
    const row = await openRow(page, block.id);
    await sentence(row, 'zh', 1).hover();
    await expectLit(row, 'en', 1, true);
    await expectLit(row, 'en', 0, false);
    await sentence(row, 'en', 0).hover();
    await expectLit(row, 'zh', 0, true);
    await expectLit(row, 'zh', 1, false);
    await expectNoAxeViolations(page, { include: [`[id="${block.id}"]`] });
  });

  test('stacked: the keyboard moves sentence by sentence within the row and lights each counterpart', async ({
    page,
    request,
  }) => {
    const block = await sampleBlock(request);
    const row = await openRow(page, block.id, '?layout=stacked');
    await row.locator('.cell-zh .w').first().focus();
    await expectLit(row, 'en', 0, true);
    await page.keyboard.press(']');
    await expect(sentence(row, 'zh', 1)).toBeFocused();
    await expectLit(row, 'en', 1, true);
    await expectLit(row, 'en', 0, false);
    await page.keyboard.press('[');
    await expect(sentence(row, 'zh', 0)).toBeFocused();
    await expectLit(row, 'en', 0, true);
  });

  test('sentence by sentence: each Chinese sentence is followed by its translation', async ({ page, request }) => {
    const block = await sampleBlock(request);
    const row = await openRow(page, block.id, '?layout=sentences');
    await expect(page.getByRole('radio', { name: 'Sentence by sentence' })).toBeChecked();
    const top = async (side: 'zh' | 'en', i: number) => (await sentence(row, side, i).boundingBox())?.y ?? NaN;
    await expect
      .poll(async () => (await top('en', 0)) > (await top('zh', 0)) && (await top('en', 0)) < (await top('zh', 1)))
      .toBe(true);
    expect(await top('en', 1)).toBeGreaterThan(await top('zh', 1));
  });

  test('a manual link is kept after an edit of another sentence of the paragraph', async ({ page, context, request }) => {
    const block = await sampleBlock(request);
    const original = (await apiBlock(request, block.id)).en ?? '';
    try {
      await signIn(context, EDITORS[0]);
      await openAsEditor(page, EDITORS[0].name, `${READ_PATH}#${block.id}`);
      const row = rowOf(page, block.id);
      await row.getByRole('button', { name: 'Sentences' }).click();
      const panel = row.getByRole('group', { name: 'Sentence links' });
      // Chinese sentence 0 renders English sentences 0 and 1 (the aligner said 0 alone).
      await panel.getByRole('list', { name: 'Chinese sentences' }).getByRole('button').nth(0).click();
      const english = panel.getByRole('list', { name: 'Translated sentences' }).getByRole('button');
      await english.nth(0).click();
      await english.nth(1).press('Enter');
      await expect(english.nth(1)).toHaveAttribute('aria-pressed', 'true');
      await panel.getByRole('button', { name: 'Link', exact: true }).click();
      await expect(panel.getByRole('status')).toHaveText('Sentence links saved');
      await expect(english.nth(1)).toContainText('link 1 (fixed)');
      await expectNoAxeViolations(page, { include: [`[id="${block.id}"] .sentence-links`] });
      const fixed = { zh: [0], gloss: [0, 1], manual: true };
      expect((await alignment(request, block.id)).links[0]).toMatchObject(fixed);

      // An edit of the paragraph's last English sentence: the save aligns the paragraph again.
      const last = block.gloss[block.gloss.length - 1] ?? [0, 0];
      const edited = `${original.slice(0, last[0])}This last sentence was rewritten for the test.`;
      await putGloss(request, block.id, edited);
      // The re-alignment is appended to the alignment's journal (folded into the file later).
      const files = ['.align.json', '.align.journal.jsonl'].map((suffix) =>
        path.join(dataDir(), 'locales', 'en', `${SLUG}${suffix}`),
      );
      const stored = () => files.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : '')).join('\n');
      await expect
        .poll(() => stored().includes(`"glossHash":"${sentenceHash(edited)}"`), {
          message: 'the save aligned the paragraph again',
        })
        .toBe(true);
      const after = await alignment(request, block.id);
      expect(after.links[0]).toMatchObject(fixed);
      expect(after.links.filter((link) => link.manual)).toHaveLength(1);
    } finally {
      await putGloss(request, block.id, original);
      const now = await alignment(request, block.id);
      const all = { zh: now.zh.map((_, i) => i), gloss: now.gloss.map((_, j) => j), manual: false };
      const reset = await request.put(alignmentUrl(block.id), {
        headers: bearer(),
        data: { links: [all], baseRevision: now.revision },
      });
      expect(reset.status(), await reset.text()).toBe(200);
    }
  });
});
