// End-to-end test of comments: a reader starts a thread anchored to a quote of a paragraph's
// Chinese in the side panel, and a reviewer (here the admin) replies and resolves it.
import { expect, test } from '@playwright/test';
import { EDITORS, READER } from './accounts';
import { expectNoAxeViolations } from './axe';
import { apiBlock, baseUrl, signIn } from './editing-helpers';
import { SLUG, waitForHydration } from './helpers';

const [EDITH] = EDITORS;
const ID = 'gvk0c7';

test('a comment anchored to a quote is replied to and resolved', async ({ browser, playwright }) => {
  const request = await playwright.request.newContext();
  const quote = (await apiBlock(request, ID)).zh.slice(0, 4);
  await request.dispose();
  const body = `Which reading is meant here? ${Date.now()}`;

  const rita = await browser.newContext();
  await signIn(rita, READER);
  const page = await rita.newPage();
  await page.goto(`/read/${SLUG}/p/${ID}`);
  await waitForHydration(page);
  await page.locator(`.row[id="${ID}"] button[data-comments]`).click();
  const panel = page.locator('.comments-panel');
  await expect(panel).toContainText('No comments yet.');
  await panel.getByLabel('Passage it is about').fill(quote);
  await panel.getByLabel('Comment', { exact: true }).fill(body);
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(panel.locator('.comment-message')).toHaveText('Comment saved.');
  const thread = panel.locator('.comment-thread');
  await expect(thread.locator('.comment-quote')).toHaveText(quote);
  await expect(thread.locator('.comment-body')).toHaveText(body);
  // The count on the row follows.
  await expect(page.locator(`.row[id="${ID}"] .comments-bubble`)).toHaveText('1');
  await expectNoAxeViolations(page, { include: ['.comments-panel'] });
  await rita.close();

  const edith = await browser.newContext();
  await signIn(edith, EDITH);
  const reviewer = await edith.newPage();
  await reviewer.goto(`/read/${SLUG}/p/${ID}`);
  await waitForHydration(reviewer);
  await reviewer.locator(`.row[id="${ID}"] button[data-comments]`).click();
  const theirs = reviewer.locator('.comments-panel .comment-thread').filter({ hasText: body });
  await theirs.getByLabel('Reply').fill('The second one.');
  await theirs.getByRole('button', { name: 'Send reply' }).click();
  await expect(theirs.locator('.comment-replies')).toContainText('The second one.');
  await theirs.getByRole('button', { name: 'Resolve' }).click();
  await expect(theirs.locator('.comment-state')).toContainText(`Resolved by ${EDITH.name}`);

  // As stored: the thread resolved, the reply in it.
  const stored = await edith.request.get(`${baseUrl()}/api/texts/${SLUG}/blocks/${ID}/comments`);
  const { comments } = (await stored.json()) as {
    comments: { body: string; resolved: boolean; replyTo?: string; quote?: { text: string } }[];
  };
  const root = comments.find((c) => c.body === body);
  expect(root).toMatchObject({ resolved: true, quote: { text: quote } });
  expect(comments.filter((c) => c.replyTo !== undefined).map((c) => c.body)).toContain('The second one.');
  await edith.close();
});
