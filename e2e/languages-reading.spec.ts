// Reading and editing in target languages besides English (docs/languages.md): French and Arabic
// are added to the bundled article through POST /api/texts/<slug>/languages, three paragraphs are
// translated into French through the API, and the reading page shows ?tl=en,fr in one grid row
// per paragraph, a status per cell and the untranslated notice with no English passed off as
// French; Arabic cells read right to left; an editor edits in French with the English beside the
// field. Runs in the "editing" project (it changes the data copy) and takes the new files away.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { EDITORS } from './accounts';
import { expectNoAxeViolations } from './axe';
import { baseUrl, bearer, dataDir, glossUrl, openAsEditor, rowOf, signIn } from './editing-helpers';
import { READ_PATH, SLUG, waitForHydration } from './helpers';

const ADDED = ['fr', 'ar'];
const FRENCH = ['Il y a quelques jours, le podcast No Priors a publié un entretien.', 'Deuxième paragraphe.', 'Troisième.'];

interface LanguageBlock {
  id: string;
  type: string;
  gloss: string | null;
  status: string | null;
  revision: string | null;
}

test.describe.configure({ mode: 'serial' });

let paragraphs: LanguageBlock[] = [];

test.afterAll(async () => {
  for (const lang of ADDED) {
    const dir = path.join(dataDir(), 'locales', lang);
    // Let the server fold the journal first, so nothing writes into the folder after it is gone.
    await expect.poll(() => existsSync(path.join(dir, `${SLUG}.journal.jsonl`)), { timeout: 15_000 }).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The top of each cell of a row: the Chinese and every target cell. */
async function tops(row: Locator): Promise<number[]> {
  return row.evaluate((el) =>
    [...el.querySelectorAll(':scope > .cell')].map((cell) => Math.round(cell.getBoundingClientRect().top)),
  );
}

test('languages added through the API, French translated, read beside the English with no fallback', async ({
  page,
  request,
}) => {
  const languages = `${baseUrl()}/api/texts/${SLUG}/languages`;
  for (const lang of ADDED) {
    const added = await request.post(languages, { headers: bearer(), data: { lang } });
    expect(added.status(), await added.text()).toBe(201);
  }
  expect((await request.post(languages, { headers: bearer(), data: { lang: 'fr' } })).status()).toBe(409);
  expect((await request.post(languages, { headers: bearer(), data: { lang: 'zh' } })).status()).toBe(400);
  expect((await request.post(languages, { data: { lang: 'de' } })).status()).toBe(401);

  const text = await request.get(`${baseUrl()}/api/texts/${SLUG}?lang=fr`);
  paragraphs = ((await text.json()) as { blocks: LanguageBlock[] }).blocks.filter((b) => b.type === 'paragraph');
  for (const [n, french] of FRENCH.entries()) {
    const block = paragraphs[n]!;
    const saved = await request.put(`${glossUrl(block.id)}?lang=fr`, {
      headers: bearer(),
      data: { text: french, baseRevision: block.revision },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  }

  await page.goto(`${READ_PATH}?tl=en,fr`);
  await waitForHydration(page);
  await expect(page.locator('article.reader')).toHaveAttribute('data-targets', '2');
  for (const [n, block] of paragraphs.slice(0, 4).entries()) {
    const row = rowOf(page, block.id);
    const french = row.locator('.cell-target[data-lang="fr"]');
    await expect(french).toHaveAttribute('lang', 'fr');
    await expect(row.locator('.cell-target[data-lang="en"]')).toHaveAttribute('lang', 'en');
    // One grid row: the Chinese and both translations start on the same line.
    const [zh, ...targets] = await tops(row);
    expect(targets).toHaveLength(2);
    for (const top of targets) expect(Math.abs(top - zh!)).toBeLessThanOrEqual(1);
    if (n < FRENCH.length) {
      await expect(french).toHaveAttribute('data-status', 'draft');
      await expect(french).toContainText(FRENCH[n]!);
      await expect(french.locator('.cell-status')).toHaveText('Draft');
    } else {
      await expect(french).toHaveAttribute('data-status', 'untranslated');
      await expect(french.locator('.mark-untranslated')).toHaveText('Not yet translated into French');
      // No English in a French cell unless asked for as a reference.
      await expect(french.locator('.gloss-reference')).toHaveCount(0);
    }
  }
  await expectNoAxeViolations(page, {
    include: paragraphs.slice(0, 4).map((b) => `article.reader > .row[id="${b.id}"]`),
  });

  // The header speaks of the languages shown: each one's progress, the downloads in both.
  await expect(page.locator('.text-meta')).toContainText(`French: ${FRENCH.length} of`);
  await expect(page.locator('.download-menu a[href*="format=epub"]').first()).toHaveAttribute('href', /lang=en%2Cfr/);

  // The choice goes along: the paragraph link carries it.
  const link = rowOf(page, paragraphs[0]!.id).locator('a.tool');
  await link.hover();
  await expect(link).toHaveAttribute('href', /\?tl=en%2Cfr$/);
});

test('a French word is found where French is searched, and the result says so', async ({ page, request }) => {
  const api = await request.get(`${baseUrl()}/api/search?q=entretien&tl=en,fr`);
  expect(api.status()).toBe(200);
  const found = (await api.json()) as { results: { id: string; matchedIn: string[]; glosses?: Record<string, string> }[] };
  expect(found.results.map((r) => [r.id, r.matchedIn])).toEqual([[paragraphs[0]!.id, ['fr']]]);
  expect(found.results[0]?.glosses?.fr).toBe(FRENCH[0]);
  // English alone (the default) does not read the French.
  expect(((await (await request.get(`${baseUrl()}/api/search?q=entretien`)).json()) as { total: number }).total).toBe(0);
  expect((await request.get(`${baseUrl()}/api/search?q=entretien&lang=xx-!`)).status()).toBe(400);

  await page.goto('/search?q=entretien&tl=en,fr');
  const result = page.locator('.search-result');
  await expect(result).toHaveCount(1);
  await expect(result.locator('.search-en[data-lang="fr"] mark')).toHaveText('entretien');
  await expect(result.locator('.search-matched-in')).toHaveText('Found in French');
  await expectNoAxeViolations(page, { include: ['.search-form', '.search-result'] });
});

test('the English as a labelled reference, the notice in Chinese, an unknown language said', async ({ request }) => {
  const zh = await (await request.get(`${baseUrl()}/zh${READ_PATH}?tl=fr&tlref=en`)).text();
  expect(zh).toContain('尚未译成法语');
  expect(zh).toContain('英语，仅供参考');
  const bad = await request.get(`${baseUrl()}${READ_PATH}?tl=de,%3Cx%3E`);
  expect(bad.status()).toBe(200);
  const body = await bad.text();
  expect(body).toContain('This text has no translation into German yet.');
  expect(body).toContain('could not be used');
  expect(body).not.toContain('&lt;x&gt;');
});

test('an Arabic cell reads right to left in the same row', async ({ page }) => {
  await page.goto(`${READ_PATH}?tl=fr,ar`);
  const row = rowOf(page, paragraphs[0]!.id);
  const arabic = row.locator('.cell-target[data-lang="ar"]');
  await expect(arabic).toHaveAttribute('dir', 'rtl');
  expect(await arabic.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const [zh, ...targets] = await tops(row);
  for (const top of targets) expect(Math.abs(top - zh!)).toBeLessThanOrEqual(1);
});

test('a reader’s choice is remembered for the next visit', async ({ page, context }) => {
  await context.addCookies([{ name: 'reading-tl', value: 'fr', url: baseUrl() }]);
  await page.goto(READ_PATH);
  await expect(page).toHaveURL(/\?tl=fr$/);
  await expect(page.locator('.cell-target[data-lang="fr"]').first()).toBeVisible();
  await context.clearCookies({ name: 'reading-tl' });
});

test('an editor edits in French with the English read-only beside the field', async ({ page, context, request }) => {
  const editor = EDITORS[0];
  await signIn(context, editor);
  await openAsEditor(page, editor.name, `${READ_PATH}?tl=fr`);
  const block = paragraphs[FRENCH.length]!;
  const english = (await (await request.get(`${baseUrl()}/api/texts/${SLUG}`)).json()) as {
    blocks: { id: string; en: string | null }[];
  };
  const englishGloss = english.blocks.find((b) => b.id === block.id)?.en ?? '';
  const cell = rowOf(page, block.id).locator('.cell-target[data-lang="fr"]');
  await cell.getByRole('button', { name: 'Edit' }).click();
  const field = cell.getByRole('textbox', { name: 'French gloss' });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('lang', 'fr');
  const reference = cell.locator('.editor-reference');
  await expect(reference.getByRole('combobox')).toHaveValue('en');
  await expect(reference.locator('p[lang="en"]')).toContainText(englishGloss.slice(0, 30));
  await field.fill('Quatrième paragraphe, écrit dans le navigateur.');
  await field.press('Control+Enter');
  await expect
    .poll(async () => {
      const json = (await (await request.get(`${baseUrl()}/api/texts/${SLUG}?lang=fr`)).json()) as { blocks: LanguageBlock[] };
      return json.blocks.find((b) => b.id === block.id)?.gloss;
    })
    .toBe('Quatrième paragraphe, écrit dans le navigateur.');
  const after = (await (await request.get(`${baseUrl()}/api/texts/${SLUG}`)).json()) as typeof english;
  expect(after.blocks.find((b) => b.id === block.id)?.en).toBe(english.blocks.find((b) => b.id === block.id)?.en);
});
