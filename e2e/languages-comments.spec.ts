// Comments and notes in another target language than English (docs/team.md): French is added to
// the bundled article, a translator limited to French opens the French column's comments on a
// `?tl=en,fr` paragraph page and starts a thread there, which is a French thread and not an
// English one; a note of theirs is taken in French and refused in English with the reason.
// Runs in the "editing" project (it changes the data copy) and takes the French files away.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EDITORS } from './accounts';
import { apiBlock, baseUrl, bearer, dataDir, signIn } from './editing-helpers';
import { SLUG, waitForHydration } from './helpers';

const [EDITH] = EDITORS;
const TRANSLATOR = { name: 'Tess', password: 'tess-password', role: 'translator', langs: ['fr'] };
const ID = 'gvk0c7';

let addedFrench = false;

test.beforeAll(async ({ browser, request }) => {
  const added = await request.post(`${baseUrl()}/api/texts/${SLUG}/languages`, { headers: bearer(), data: { lang: 'fr' } });
  expect([201, 409], await added.text()).toContain(added.status());
  addedFrench = added.status() === 201;
  const admin = await browser.newContext();
  try {
    await signIn(admin, EDITH);
    const { name, password, role, langs } = TRANSLATOR;
    const made = await admin.request.post(`${baseUrl()}/api/users`, {
      headers: { origin: baseUrl() },
      data: { name, password, role, langs },
    });
    expect([201, 409], await made.text()).toContain(made.status());
  } finally {
    await admin.close();
  }
});

test.afterAll(async () => {
  if (!addedFrench) return;
  const dir = path.join(dataDir(), 'locales', 'fr');
  // Let the server fold the journal first, so nothing writes into the folder after it is gone.
  await expect.poll(() => existsSync(path.join(dir, `${SLUG}.journal.jsonl`)), { timeout: 15_000 }).toBe(false);
  rmSync(dir, { recursive: true, force: true });
});

test('a French thread started from the French column is French, not English', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  try {
    await signIn(context, TRANSLATOR);
    const page = await context.newPage();
    await page.goto(`/read/${SLUG}/p/${ID}?tl=en,fr`);
    await waitForHydration(page);
    const body = `Faut-il garder le nom ? ${Date.now()}`;
    const row = page.locator(`.row[id="${ID}"]`);
    await row.locator('button[data-comments-lang="fr"]').click();
    const panel = page.locator('.comments-panel[data-lang="fr"]');
    await expect(panel.getByRole('heading', { name: 'Comments on this paragraph (French)' })).toBeVisible();
    await expect(panel).not.toContainText('Loading');
    await panel.getByLabel('Comment', { exact: true }).fill(body);
    await panel.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(panel.locator('.comment-message')).toHaveText('Comment saved.');
    await expect(panel.locator('.comment-body')).toContainText([body]);
    await expect(row.locator('button[data-comments-lang="fr"] .comments-bubble')).not.toHaveText('0');

    // The English column's panel does not have it; nor does the English API, the French one does.
    await panel.getByRole('button', { name: 'Close the comments' }).click();
    await row.locator('button[data-comments-lang="en"]').click();
    const english = page.locator('.comments-panel[data-lang="en"]');
    await expect(english).not.toContainText('Loading');
    await expect(english).not.toContainText(body);
    const listed = async (query: string) =>
      (
        (await (await context.request.get(`${baseUrl()}/api/texts/${SLUG}/blocks/${ID}/comments${query}`)).json()) as {
          comments: { body: string }[];
        }
      ).comments.map((c) => c.body);
    expect(await listed('?lang=fr')).toContain(body);
    expect(await listed('')).not.toContain(body);

    // A note: taken in French, refused in English with what is missing.
    const quote = (await apiBlock(context.request, ID)).zh.slice(0, 2);
    const note = (query: string) =>
      context.request.post(`${baseUrl()}/api/texts/${SLUG}/notes${query}`, {
        headers: { origin: baseUrl() },
        data: { block: ID, quote, body: 'Une note.' },
      });
    const french = await note('?lang=fr');
    expect(french.status(), await french.text()).toBe(201);
    const refused = await note('');
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe('translator for English needed (Tess is a translator)');
  } finally {
    await context.close();
  }
});
