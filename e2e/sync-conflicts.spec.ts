// A paragraph (or the title) changed differently on two servers (git sync, docs/sync.md): the reading page marks
// it for everyone, and an editor resolves it in the editor with "Use this version" and a save.
// The conflict file is written into the server's data copy here, as a pull would leave it, and
// removed after the file has run; the gloss is put back through the API.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { EDITORS } from './accounts';
import { expectNoAxeViolations } from './axe';
import {
  apiBlock,
  baseUrl,
  bearer,
  dataDir,
  glossText,
  glossUrl,
  openAsEditor,
  restoreAfterFile,
  restoreDataFilesAfterFile,
  rowOf,
  signIn,
  stamp,
  textareaOf,
} from './editing-helpers';
import { READ_PATH, SLUG, waitForHydration } from './helpers';

const [EDITH] = EDITORS;
const ID = 'ipaepq';
const CONFLICTS = `locales/en/${SLUG}.conflicts.json`;
const conflictsFile = () => path.join(dataDir(), CONFLICTS);

restoreAfterFile([ID]);
// No conflict file before this file runs: it is removed again after, even if a test failed first.
restoreDataFilesAfterFile([CONFLICTS]);

type ConflictVersion = { text: string; author: string; revision: string };

async function apiConflict(request: APIRequestContext): Promise<{ versions: ConflictVersion[] } | undefined> {
  const response = await request.get(`${baseUrl()}/api/texts/${SLUG}`);
  expect(response.status()).toBe(200);
  const { blocks } = (await response.json()) as { blocks: { id: string; conflict?: { versions: ConflictVersion[] } }[] };
  return blocks.find((b) => b.id === ID)?.conflict;
}

// The two tests share the conflict written by the first: they run in order, and the second
// only if the first passed.
// A page, its hydration and an axe scan each: 8–15 s per test on a busy 2-core machine with the
// server warm, twice that on a server whose first pages these are.
test.describe.configure({ mode: 'serial', timeout: 60_000 });

let theirs = '';
let ours = '';

test('a paragraph changed on two servers is marked for a reader, who still reads this server’s gloss', async ({
  page,
  request,
}) => {
  const block = await apiBlock(request, ID);
  if (!block.en || !block.revision) throw new Error(`The seed has no gloss for ${ID}`);
  ours = block.en;
  theirs = stamp('The version saved on the other server.');
  writeFileSync(
    conflictsFile(),
    `${JSON.stringify({
      [ID]: {
        versions: [
          { text: ours, author: 'Ann', revision: block.revision },
          { text: theirs, author: 'Bo', revision: '0123456789ab' },
        ],
      },
    })}\n`,
  );
  expect((await apiConflict(request))?.versions.map((v) => v.author)).toEqual(['Ann', 'Bo']);

  // The paragraph page: the same row as the reading page, a fraction of its weight.
  await page.goto(`${READ_PATH}/p/${ID}`);
  await waitForHydration(page);
  const row = page.locator(`.reader > .row[id="${ID}"]`);
  await expect(row.locator('.mark-conflict')).toHaveText(/Changed on two servers: 2 versions/);
  expect(await glossText(row)).toContain(ours.slice(0, 40));
  await expect(row.getByRole('button', { name: 'Use this version' })).toHaveCount(0);
  await expectNoAxeViolations(page, { include: [`[id="${ID}"] .mark-conflict`] });
});

test('an editor sees the versions with their authors, takes one with "Use this version", and the save resolves the conflict', async ({
  browser,
  request,
}) => {
  const context = await browser.newContext();
  try {
    await signIn(context, EDITH);
    const page = await context.newPage();
    await openAsEditor(page, EDITH.name, `${READ_PATH}#${ID}`);
    const row = rowOf(page, ID);
    await expect(row.locator('.mark-conflict')).toBeVisible();
    await row.getByRole('button', { name: 'Edit', exact: true }).click();
    const versions = row.getByRole('region', { name: /Changed on two servers: 2 versions kept/ });
    await expect(versions.getByRole('listitem')).toHaveCount(2);
    await expect(versions.getByRole('listitem').nth(1)).toContainText('by Bo');
    await expect(versions.getByRole('listitem').nth(1)).toContainText(theirs);
    await expectNoAxeViolations(page, { include: [`[id="${ID}"] .conflict-sync`] });
    await versions.getByRole('button', { name: /Use this version \(version 2, by Bo\)/ }).click();
    // Into the field only: nothing is saved until the editor saves.
    await expect(textareaOf(row)).toHaveValue(theirs);
    expect(existsSync(conflictsFile())).toBe(true);
    await row.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(row.locator('.mark-conflict')).toHaveCount(0);
    await expect(row.locator('.cell-en')).toContainText(theirs);
  } finally {
    await context.close();
  }

  // Resolved on the server: no conflict file, none in the API, the chosen text saved.
  expect(existsSync(conflictsFile())).toBe(false);
  expect(await apiConflict(request)).toBeUndefined();
  expect((await apiBlock(request, ID)).en).toBe(theirs);
  expect(theirs).not.toBe(ours);
});

test('a title changed on two servers is marked in the text’s header, and a save of the title resolves it', async ({
  page,
  request,
}) => {
  type Title = { en: string | null; status: string; revision: string; conflict?: { versions: ConflictVersion[] } };
  const apiTitle = async (): Promise<Title> => {
    const response = await request.get(`${baseUrl()}/api/texts/${SLUG}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { title: Title }).title;
  };
  const putTitle = async (text: string, baseRevision: string) => {
    const response = await request.put(glossUrl('title'), { headers: bearer(), data: { text, baseRevision } });
    expect(response.status(), await response.text()).toBe(200);
  };
  const original = await apiTitle();
  if (!original.en) throw new Error('The seed has no English title');
  const theirsTitle = stamp('A title saved on the other server');
  writeFileSync(
    conflictsFile(),
    `${JSON.stringify({
      title: {
        versions: [
          { text: original.en, author: 'Ann', revision: original.revision },
          { text: theirsTitle, author: 'Bo', revision: '0123456789ab' },
        ],
      },
    })}\n`,
  );
  try {
    expect((await apiTitle()).conflict?.versions.map((v) => v.author)).toEqual(['Ann', 'Bo']);
    await page.goto(READ_PATH);
    await expect(page.locator('.text-header .mark-conflict')).toHaveText(/Changed on two servers: 2 versions/);
    await expect(page.locator('.text-header .title-en')).toHaveText(original.en);

    await putTitle(theirsTitle, original.revision);
    expect(existsSync(conflictsFile())).toBe(false);
    const resolved = await apiTitle();
    expect(resolved.conflict).toBeUndefined();
    expect(resolved.en).toBe(theirsTitle);
    await page.goto(READ_PATH);
    await expect(page.locator('.text-header .title-en')).toHaveText(theirsTitle);
    await expect(page.locator('.text-header .mark-conflict')).toHaveCount(0);
  } finally {
    const now = await apiTitle();
    if (now.en !== original.en) await putTitle(original.en, now.revision);
    if (original.status === 'reviewed' && (await apiTitle()).status !== 'reviewed') {
      const response = await request.put(`${glossUrl('title')}/status`, {
        headers: bearer(),
        data: { status: 'reviewed', baseRevision: (await apiTitle()).revision },
      });
      expect(response.status(), await response.text()).toBe(200);
    }
  }
});
