// The accounts page does what `npm run user` does (docs/team.md): an admin adds an account with a
// role, languages and texts, changes its limits and password, and removes it, the password never
// shown; a reader gets the page's refusal and a 403 from its API. Runs in the "editing" project
// (it changes the accounts file) and removes the account it made.
import { expect, test } from '@playwright/test';
import { EDITORS, READER } from './accounts';
import { baseUrl, signIn } from './editing-helpers';
import { SLUG, waitForHydration } from './helpers';

const [EDITH] = EDITORS;

test('an admin adds, changes and removes an account on /admin/users; a reader is refused', async ({ browser }) => {
  test.setTimeout(60_000);
  const name = `Ines${Date.now() % 100_000}`;
  const password = 'ines-first-password';
  const admin = await browser.newContext();
  try {
    await signIn(admin, EDITH);
    const page = await admin.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto('/admin/users');
    await waitForHydration(page);
    const form = page.locator('form.users-add');
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Role').selectOption('translator');
    await form.getByLabel('Password (at least 8 characters)').fill(password);
    await form.getByLabel('Limited to languages').fill('fr');
    await form.getByLabel('Limited to texts').fill(SLUG);
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(`Added: ${name}`);
    await expect(form.getByLabel('Password (at least 8 characters)')).toHaveValue('');
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row.getByLabel(`Role of ${name}`)).toHaveValue('translator');
    await expect(row).toContainText('fr');
    await expect(row).toContainText(SLUG);

    // Limits and password changed, as `npm run user -- set` does; the new password signs in.
    await row.getByRole('button', { name: `Change ${name}` }).click();
    const change = row.getByRole('form', { name: `Change ${name}` });
    await change.getByLabel('Limited to languages').fill('fr, de');
    await change.getByLabel('Limited to texts').fill('');
    await change.getByLabel('New password').fill('ines-second-password');
    await change.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status')).toHaveText(`Changed: ${name}`);
    await expect(row).toContainText('fr, de');
    await expect(row.locator('td').nth(2)).toHaveText('all');
    await expect(page.locator('body')).not.toContainText('ines-');
    const answer = await admin.request.get(`${baseUrl()}/api/users`, { headers: { origin: baseUrl() } });
    expect(answer.status(), await answer.text()).toBe(200);
    const listed = (await answer.json()) as { users: Record<string, unknown>[] };
    const account = listed.users.find((u) => u.name === name);
    expect(account).toEqual({ name, role: 'translator', langs: ['fr', 'de'], texts: [] });
    const ines = await browser.newContext();
    await signIn(ines, { name, password: 'ines-second-password' });
    await ines.close();

    await row.getByLabel(`Role of ${name}`).selectOption('reviewer');
    await expect(page.getByRole('status')).toHaveText(`Changed: ${name}`);
    await row.getByRole('button', { name: `Remove ${name}` }).click();
    await expect(page.getByRole('status')).toHaveText(`Removed: ${name}`);
    await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
  } finally {
    await admin.close();
  }

  const reader = await browser.newContext();
  try {
    await signIn(reader, READER);
    const page = await reader.newPage();
    await page.goto('/admin/users');
    await waitForHydration(page);
    await expect(page.getByText('Only admins can manage accounts.')).toBeVisible();
    await expect(page.locator('form.users-add')).toHaveCount(0);
    const refused = await reader.request.post(`${baseUrl()}/api/users`, {
      headers: { origin: baseUrl() },
      data: { name: 'Mallory', role: 'admin', password: 'mallory-password' },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain('admin needed');
  } finally {
    await reader.close();
  }
});
