// End-to-end test of comments: a reader starts a thread anchored to a quote of a paragraph's
// Chinese in the side panel, replies in it and resolves it; axe on the panel only.
import { expect, test } from '@playwright/test';
import { READER } from './accounts';
import { expectNoAxeViolations } from './axe';
import { apiBlock, baseUrl, signIn } from './editing-helpers';
import { SLUG, waitForHydration } from './helpers';

const ID = 'gvk0c7';

test('a comment anchored to a quote is replied to and resolved', async ({ browser, playwright }) => {
  // On a busy two-core machine the paragraph's first page alone took 30 s.
  test.setTimeout(90_000);
  const request = await playwright.request.newContext();
  const quote = (await apiBlock(request, ID)).zh.slice(0, 4);
  await request.dispose();
  const body = `Which reading is meant here? ${Date.now()}`;

  const rita = await browser.newContext();
  await signIn(rita, READER);
  const page = await rita.newPage();
  await page.goto(`/read/${SLUG}/p/${ID}`);
  await waitForHydration(page);
  const bubble = page.locator(`.row[id="${ID}"] .comments-bubble`);
  const before = Number(await bubble.textContent());
  await page.locator(`.row[id="${ID}"] button[data-comments]`).click();
  const panel = page.locator('.comments-panel');
  await expect(panel.locator('.comment-form')).toBeVisible();
  await expect(panel).not.toContainText('Loading');
  await panel.getByLabel('Passage it is about').fill(quote);
  await panel.getByLabel('Comment', { exact: true }).fill(body);
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(panel.locator('.comment-message')).toHaveText('Comment saved.');
  const thread = panel.locator('.comment-thread').filter({ hasText: body });
  await expect(thread.locator('.comment-quote')).toHaveText(quote);
  await expect(thread.locator('.comment-body')).toHaveText(body);
  // The count on the row follows.
  await expect(bubble).toHaveText(String(before + 1));
  await expectNoAxeViolations(page, { include: ['.comments-panel'] });
  // A reply, then the thread resolved by its author (reviewers may too: the route and unit tests cover who may).
  await thread.getByLabel('Reply').fill('The second one.');
  await thread.getByRole('button', { name: 'Send reply' }).click();
  await expect(thread.locator('.comment-replies')).toContainText('The second one.');
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(thread.locator('.comment-state')).toContainText(`Resolved by ${READER.name}`);

  // As stored: the thread resolved, the reply in it.
  const stored = await rita.request.get(`${baseUrl()}/api/texts/${SLUG}/blocks/${ID}/comments`);
  const { comments } = (await stored.json()) as {
    comments: { body: string; resolved: boolean; replyTo?: string; quote?: { text: string } }[];
  };
  const root = comments.find((c) => c.body === body);
  expect(root).toMatchObject({ resolved: true, quote: { text: quote } });
  expect(comments.filter((c) => c.replyTo !== undefined).map((c) => c.body)).toContain('The second one.');
  await rita.close();
});
