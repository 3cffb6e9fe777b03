// End-to-end tests of the team workbench: accounts with roles made by an admin, a reader's
// suggestion accepted with edits (the history credits both), a rejection that needs a reason
// and that the suggester sees, and a translator limited to French refused on English.
// The glosses it changes are put back after the file has run.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { EDITORS, READER } from './accounts';
import { expectNoAxeViolations } from './axe';
import { apiBlock, baseUrl, glossUrl, historyEntries, putGloss, signIn } from './editing-helpers';
import { SLUG, waitForHydration } from './helpers';

const [EDITH] = EDITORS;
const TRANSLATOR = { name: 'Tess', password: 'tess-password', role: 'translator', langs: ['fr'] };
const REVIEWER = { name: 'Remy', password: 'remy-password', role: 'reviewer' };
const PARAS = { accept: 'ipptn7', reject: 'bn11on' } as const;

const originals = new Map<string, string | null>();

test.beforeAll(async ({ browser, playwright }) => {
  const request = await playwright.request.newContext();
  try {
    for (const id of Object.values(PARAS)) originals.set(id, (await apiBlock(request, id)).en);
  } finally {
    await request.dispose();
  }
  // The admin makes the two accounts the environment does not have, through the API the admin page uses.
  const admin = await browser.newContext();
  try {
    await signIn(admin, EDITH);
    for (const { name, password, role, ...limits } of [TRANSLATOR, REVIEWER]) {
      const response = await admin.request.post(`${baseUrl()}/api/users`, {
        headers: { origin: baseUrl() },
        data: { name, password, role, ...limits },
      });
      expect([201, 409], await response.text()).toContain(response.status());
    }
  } finally {
    await admin.close();
  }
});

test.afterAll(async ({ playwright }) => {
  const request = await playwright.request.newContext();
  try {
    for (const [id, en] of originals)
      if ((await apiBlock(request, id)).en !== en) await putGloss(request, id, en ?? '', 'e2e-restore');
  } finally {
    await request.dispose();
  }
});

/** The paragraph's row on its own page (lighter than the whole reading page). */
const rowOf = (page: Page, id: string) => page.locator(`.row[id="${id}"]`);
const paragraphPage = (id: string) => `/read/${SLUG}/p/${id}`;

/** A signed-in page on the paragraph's own page, its suggestions opened. */
async function openSuggestions(browser: Browser, account: { name: string; password: string }, id: string): Promise<Page> {
  const context = await browser.newContext();
  await signIn(context, account);
  const page = await context.newPage();
  await page.goto(paragraphPage(id));
  await waitForHydration(page);
  const row = rowOf(page, id);
  await row.getByRole('button', { name: 'Suggestions' }).click();
  await expect(row.locator('.suggestion-panel')).not.toContainText('Loading');
  return page;
}

test('a reader suggests, a reviewer accepts with edits, and the history credits both', async ({ browser }) => {
  const id = PARAS.accept;
  const suggestion = `Rita's rendering ${Date.now()}.`;
  const edited = `${suggestion} Edited by Remy.`;

  const rita = await openSuggestions(browser, READER, id);
  const ritaRow = rowOf(rita, id);
  // A reader has no editing tools, only the suggestions.
  await expect(ritaRow.locator('.edit-button')).toHaveCount(0);
  await ritaRow.getByLabel('Propose a rendering').fill(suggestion);
  await ritaRow.getByRole('button', { name: 'Suggest', exact: true }).click();
  await expect(ritaRow.locator('.suggestion-message')).toHaveText('Suggestion sent.');
  await expect(ritaRow.locator('.suggestion').last()).toContainText('Rita');
  await expect(ritaRow.locator('.suggestion').last()).toContainText('pending');
  await rita.context().close();

  const remy = await openSuggestions(browser, REVIEWER, id);
  const item = rowOf(remy, id).locator('.suggestion').last();
  // The reviewer's panel has everything a reader's has, and Accept and Reject.
  await expectNoAxeViolations(remy, { include: [`[id="${id}"] .suggestions`] });
  await item.getByLabel('Text to accept (edit if needed)').fill(edited);
  await item.getByRole('button', { name: 'Accept' }).click();
  await expect(rowOf(remy, id).locator('.suggestion-message')).toHaveText('Suggestion accepted and saved.');
  await remy.context().close();

  const entries = historyEntries(id)
    .filter((e) => e.kind === 'gloss')
    .slice(-2);
  expect(entries.map((e) => [e.editor, e.after])).toEqual([
    ['Rita', suggestion],
    ['Remy', edited],
  ]);
});

test('a rejection needs a reason, and the suggester sees it', async ({ browser }) => {
  const id = PARAS.reject;
  const suggestion = `A rendering to reject ${Date.now()}.`;
  const rita = await openSuggestions(browser, READER, id);
  await rowOf(rita, id).getByLabel('Propose a rendering').fill(suggestion);
  await rowOf(rita, id).getByRole('button', { name: 'Suggest', exact: true }).click();
  await expect(rowOf(rita, id).locator('.suggestion-message')).toHaveText('Suggestion sent.');

  const remy = await openSuggestions(browser, REVIEWER, id);
  const item = rowOf(remy, id).locator('.suggestion').last();
  await item.getByRole('button', { name: 'Reject' }).click();
  await expect(rowOf(remy, id).locator('.suggestion-message')).toContainText('A rejection needs a reason');
  await item.getByLabel('Reason').selectOption('style');
  await item.getByLabel('Note').fill('Too literal');
  await item.getByRole('button', { name: 'Reject' }).click();
  await expect(rowOf(remy, id).locator('.suggestion-message')).toHaveText('Suggestion rejected.');
  await remy.context().close();

  await rita.goto(paragraphPage(id));
  await waitForHydration(rita);
  await rowOf(rita, id).getByRole('button', { name: 'Suggestions' }).click();
  await expect(rowOf(rita, id).locator('.suggestion').last()).toContainText('Rejected by Remy: style. Too literal');
  // The activity page shows her what happened to her suggestions.
  await rita.goto('/activity');
  await waitForHydration(rita);
  await rita.getByLabel('Show').selectOption('outcomes');
  await expect(rita.locator('.activity-list li').first()).toContainText('rejected a suggestion');
  await expect(rita.locator('.activity-list li').first()).toContainText('style: Too literal');
  await expectNoAxeViolations(rita, { include: ['.activity-page'] });
  await rita.context().close();
  expect((await apiBlockOf(browser, id)).en).toBe(originals.get(id));
});

test('a translator limited to French gets 403 on English, naming what is missing', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    await signIn(context, TRANSLATOR);
    const { revision } = await apiBlockOf(browser, PARAS.reject);
    const response = await context.request.put(glossUrl(PARAS.reject), {
      headers: { origin: baseUrl() },
      data: { text: 'Not allowed.', baseRevision: revision },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error).toBe('translator for English needed (Tess is a translator)');
  } finally {
    await context.close();
  }
});

test('the accounts page lists the accounts for an admin', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    await signIn(context, EDITH);
    const page = await context.newPage();
    await page.goto('/admin/users');
    await waitForHydration(page);
    const row = page.getByRole('row', { name: /Tess/ });
    await expect(row).toContainText('fr');
    await expect(row.getByLabel('Role of Tess')).toHaveValue('translator');
    await expectNoAxeViolations(page, { include: ['.users-page'] });
  } finally {
    await context.close();
  }
});

async function apiBlockOf(browser: Browser, id: string) {
  const context = await browser.newContext();
  try {
    return await apiBlock(context.request, id);
  } finally {
    await context.close();
  }
}
