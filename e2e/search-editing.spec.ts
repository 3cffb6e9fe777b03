// Search for editors: the status filter as a work queue, and a saved gloss found at once (and
// its old wording no longer). Runs in the editing project, after the read-only specs; the gloss
// it changes is put back.
import { expect, test } from '@playwright/test';
import { EDITOR_TOKEN, EDITORS } from './accounts';
import { SLUG } from './helpers';

const editor = { Authorization: `Bearer ${EDITOR_TOKEN}`, 'X-Editor-Name': 'search-test' };

test('an editor filters by status across all texts, in pages', async ({ page, baseURL }) => {
  const signIn = await page.request.post('/api/session', {
    data: { name: EDITORS[0].name, password: EDITORS[0].password },
    headers: { Origin: baseURL ?? '' },
  });
  expect(signIn.ok()).toBe(true);
  await page.goto('/search?status=draft');
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('draft');
  const statuses = page.locator('.search-result .status');
  await expect(statuses.first()).toHaveText('Draft');
  expect(new Set(await statuses.allTextContents())).toEqual(new Set(['Draft']));
  await expect(page.locator('.search-result')).toHaveCount(20);
  await page.getByRole('link', { name: 'More results →' }).click();
  await expect(page).toHaveURL(/cursor=20/);
  await expect(page.locator('.search-result').first()).toBeVisible();
});

test('a saved gloss is found as soon as the save returns, and its old wording is not', async ({ request }) => {
  const text = await (await request.get(`/api/texts/${SLUG}`)).json();
  const block = text.blocks.find((b: { type: string; en?: string }) => b.type === 'paragraph' && b.en);
  const before = await (
    await request.get(`/api/search?q=${encodeURIComponent('"' + block.en.split(' ').slice(0, 4).join(' ') + '"')}&text=${SLUG}`)
  ).json();
  expect(before.results.map((r: { id: string }) => r.id)).toContain(block.id);

  const saved = await request.put(`/api/texts/${SLUG}/glosses/${block.id}`, {
    headers: editor,
    data: { text: 'Quetzalcoatl considered zymurgy.', baseRevision: block.revision },
  });
  expect(saved.status()).toBe(200);
  try {
    const found = await (await request.get('/api/search?q=zymurgy')).json();
    expect(found.results.map((r: { id: string }) => r.id)).toEqual([block.id]);
    const old = await (
      await request.get(`/api/search?q=${encodeURIComponent('"' + block.en.split(' ').slice(0, 4).join(' ') + '"')}&text=${SLUG}`)
    ).json();
    expect(old.results.map((r: { id: string }) => r.id)).not.toContain(block.id);
  } finally {
    const restored = await request.put(`/api/texts/${SLUG}/glosses/${block.id}`, {
      headers: editor,
      data: { text: block.en, baseRevision: (await saved.json()).revision },
    });
    expect(restored.status()).toBe(200);
  }
});
