// A second target language through the command line and the API: French is added to the bundled
// article with `npm run language`, a French gloss is saved with the editor token and read back
// with ?lang=fr, English stays as it was. Runs in the "editing" project (it changes the data copy)
// and takes the French files away again.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { apiText, baseUrl, bearer, dataDir, files, foldedGlossFileText, glossUrl } from './editing-helpers';
import { SLUG } from './helpers';

const FRENCH = 'Il y a quelques jours, le podcast No Priors a publié un entretien.';
const frenchDir = () => path.join(dataDir(), 'locales', 'fr');

function language(...args: string[]) {
  return spawnSync('npm', ['run', '-s', 'language', '--', ...args], {
    encoding: 'utf8',
    env: { ...process.env, BILINGUAL_DATA_DIR: dataDir() },
  });
}

interface FrenchBlock {
  id: string;
  type: string;
  gloss: string | null;
  lang: string;
  en?: string | null;
  status: string | null;
  revision: string | null;
}

test.describe.configure({ mode: 'serial' });
// Three runs of the command line (tsx) on a busy machine.
test.setTimeout(120_000);

test.afterAll(async () => {
  // Let the server fold the French journal first, so that nothing writes into the folder after it is gone.
  await expect.poll(() => existsSync(path.join(frenchDir(), `${SLUG}.journal.jsonl`)), { timeout: 15_000 }).toBe(false);
  rmSync(frenchDir(), { recursive: true, force: true });
});

test('French added with npm run language is edited through the API with ?lang=fr, apart from English', async ({ request }) => {
  // The English file as it is once the saves of the tests before are folded into it.
  const englishBefore = await foldedGlossFileText();
  const englishApi = await apiText(request);

  const added = language('add', SLUG, 'fr');
  expect(added.status, added.stderr).toBe(0);
  expect(readFileSync(path.join(frenchDir(), `${SLUG}.json`), 'utf8')).toBe('{}\n');
  expect(language('add', SLUG, 'fr').status).toBe(1);

  const url = `${baseUrl()}/api/texts/${SLUG}`;
  expect((await request.get(`${url}?lang=../en`)).status()).toBe(400);
  expect((await request.get(`${url}?lang=de`)).status()).toBe(404);

  const read = async () => {
    const response = await request.get(`${url}?lang=fr`);
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as { lang: string; blocks: FrenchBlock[] };
  };
  const fresh = await read();
  expect(fresh.lang).toBe('fr');
  const paragraphs = fresh.blocks.filter((b) => b.type === 'paragraph');
  expect(paragraphs.length).toBeGreaterThan(0);
  expect(paragraphs.every((b) => b.gloss === null && b.status === 'untranslated' && b.lang === 'fr' && !('en' in b))).toBe(true);
  const first = paragraphs[0]!;

  const put = (text: string, baseRevision: string | null) =>
    request.put(`${glossUrl(first.id)}?lang=fr`, { headers: bearer(), data: { text, baseRevision } });
  const saved = await put(FRENCH, first.revision);
  expect(saved.status(), await saved.text()).toBe(200);
  expect(await saved.json()).toMatchObject({ text: FRENCH, status: 'draft' });

  const after = (await read()).blocks.find((b) => b.id === first.id);
  expect(after).toMatchObject({ gloss: FRENCH, lang: 'fr', status: 'draft' });

  // A save from the revision before is refused with the current French.
  const stale = await put('Autre chose.', first.revision);
  expect(stale.status()).toBe(409);
  expect(await stale.json()).toMatchObject({ current: { text: FRENCH } });

  const history = await request.get(`${url}/history?id=${first.id}&lang=fr`);
  expect(await history.json()).toMatchObject({ entries: [{ id: first.id, after: FRENCH }] });

  // English: the same answer, the same file.
  expect(await apiText(request)).toEqual(englishApi);
  expect(readFileSync(files.gloss(), 'utf8')).toBe(englishBefore);

  const listed = language('list', SLUG);
  expect(listed.stdout).toMatch(/^fr\s+French\s+1\/\d+ translated$/m);
});

test('the library page shows the French and its progress under the English, in the interface language', async ({ page }) => {
  for (const [ui, expected] of [
    ['en', /French: 1 of \d+ paragraphs translated/],
    ['zh', /法语：已翻译 1 \/ \d+ 段/],
  ] as const) {
    // The page is remade when the data files change (cache-handler.cjs): ask until it has been.
    await expect(async () => {
      await page.goto(`/${ui}`);
      await expect(page.locator('.text-progress[data-lang="fr"]')).toHaveText(expected, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  }
});
