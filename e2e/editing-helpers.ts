// Helpers for the editing specs (e2e/editing.spec.ts, e2e/safe-editing.spec.ts and the others that
// change data): the data files on disk and putting them back, the gloss API with the editor token,
// signing in, and the editing tools of the reading page.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { storedGlosses } from '@/lib/testing/stored-glosses';
import { EDITOR_TOKEN } from './accounts';
import { READ_PATH, SLUG, waitForHydration } from './helpers';

/** The server's address; playwright.config.ts puts the port into the environment workers inherit. */
export function baseUrl(): string {
  const port = process.env.E2E_PORT;
  if (!port) throw new Error('E2E_PORT is not set (playwright.config.ts sets it)');
  return `http://127.0.0.1:${port}`;
}

/** The folder the server reads and writes its data in (a copy; see scripts/e2e-server.mjs). */
export function dataDir(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir || !existsSync(path.join(dir, 'content', `${SLUG}.txt`))) throw new Error('E2E_DATA_DIR does not hold the data copy');
  return dir;
}

export const files = {
  gloss: () => path.join(dataDir(), 'locales', 'en', `${SLUG}.json`),
  state: () => path.join(dataDir(), 'locales', 'en', `${SLUG}.state.json`),
  history: () => path.join(dataDir(), 'locales', 'en', `${SLUG}.history.jsonl`),
  source: () => path.join(dataDir(), 'content', `${SLUG}.txt`),
};

/**
 * The gloss file's text once every save is folded into it: waits until the server has folded its
 * journal (lib/library/fold.ts; a second after the last save), then reads the file.
 */
export async function foldedGlossFileText(): Promise<string> {
  const journal = path.join(dataDir(), 'locales', 'en', `${SLUG}.journal.jsonl`);
  await expect
    .poll(() => existsSync(journal), { message: 'the journal is folded into the gloss file', timeout: 15_000 })
    .toBe(false);
  return readFileSync(files.gloss(), 'utf8');
}

/** The glosses as stored: the gloss file with the journal of saves not yet folded into it (see storedGlosses). */
export function glossFile(): Record<string, string> {
  return storedGlosses(dataDir(), SLUG).glosses;
}

export interface HistoryLine {
  time: string;
  editor: string;
  id: string;
  kind: 'gloss' | 'status';
  before: string | null;
  after: string | null;
  revision: string;
}

/** The raw lines of the history file ([] while it does not exist). */
export function historyLines(): string[] {
  if (!existsSync(files.history())) return [];
  return readFileSync(files.history(), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

export function historyEntries(id?: string): HistoryLine[] {
  const entries = historyLines().map((line) => JSON.parse(line) as HistoryLine);
  return id === undefined ? entries : entries.filter((entry) => entry.id === id);
}

export const bearer = (editor = 'e2e-script') => ({ authorization: `Bearer ${EDITOR_TOKEN}`, 'x-editor-name': editor });

export interface ApiBlock {
  id: string;
  type: string;
  zh: string;
  en: string | null;
  status: 'untranslated' | 'draft' | 'reviewed' | 'stale' | null;
  revision: string | null;
  staleFrom?: string;
}

export async function apiText(request: APIRequestContext): Promise<{ blocks: ApiBlock[] }> {
  const response = await request.get(`${baseUrl()}/api/texts/${SLUG}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { blocks: ApiBlock[] };
}

/** One block as the public API has it now. */
export async function apiBlock(request: APIRequestContext, id: string): Promise<ApiBlock> {
  const block = (await apiText(request)).blocks.find((b) => b.id === id);
  if (!block) throw new Error(`No block ${id} in /api/texts/${SLUG}`);
  return block;
}

export function glossUrl(id: string, slug = SLUG): string {
  return `${baseUrl()}/api/texts/${slug}/glosses/${id}`;
}

/** Saves (or, with an empty text, clears) a gloss with the editor token, from its current revision. */
export async function putGloss(request: APIRequestContext, id: string, text: string, editor = 'e2e-script') {
  const { revision } = await apiBlock(request, id);
  const response = await request.put(glossUrl(id), {
    headers: bearer(editor),
    data: { text, baseRevision: revision, ...(text.trim() === '' ? { clear: true } : {}) },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { text: string; revision: string; status: string };
}

/** Sets a gloss's saved status with the editor token. */
export async function putStatus(request: APIRequestContext, id: string, status: 'draft' | 'reviewed') {
  const { revision } = await apiBlock(request, id);
  const response = await request.put(`${glossUrl(id)}/status`, { headers: bearer(), data: { status, baseRevision: revision } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Signs a browser context in through POST /api/session, as the sign-in page does (same Origin). */
export async function signIn(context: BrowserContext, account: { name: string; password: string }): Promise<void> {
  const response = await context.request.post(`${baseUrl()}/api/session`, {
    headers: { origin: baseUrl() },
    data: { name: account.name, password: account.password },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** The edit bar. */
export function editBar(page: Page): Locator {
  return page.getByRole('region', { name: 'Editing' });
}

/** Opens the reading page and waits until the editing tools for `editor` are there. */
export async function openAsEditor(page: Page, editor: string, url = READ_PATH): Promise<void> {
  await page.goto(url);
  await waitForHydration(page);
  await expect(editBar(page)).toContainText(`Editing as ${editor}`);
}

/** A row of the reading grid. */
export function rowOf(page: Page, id: string): Locator {
  return page.locator(`article.reader > .row[id="${id}"]`);
}

/** The in-place editor's text area in a row. */
export function textareaOf(row: Locator): Locator {
  return row.getByRole('textbox', { name: 'English gloss' });
}

/** The page-wide announcement (the edit provider's role=status line) with a given text. */
export function announcement(page: Page, text: string): Locator {
  return page.locator('p.toast-page[role="status"]').filter({ hasText: text });
}

/** The reading text of a row's English cell, without the editing tools. */
export function glossText(row: Locator): Promise<string> {
  return row.locator('.cell-en').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    // The gloss alone: not the editing tools, the suggestions under it, or the note markers.
    copy
      .querySelectorAll('.edit-tools, .stale-diff, .history, .note-ref, .note-detached, .suggestions')
      .forEach((node) => node.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Records the glosses and statuses of `ids` before the calling spec file runs, and puts them back
 * through the API after it (so the pages are regenerated and later specs see the seed).
 */
export function restoreAfterFile(ids: readonly string[]): void {
  const originals = new Map<string, { en: string | null; status: string | null }>();
  test.beforeAll(async ({ playwright }) => {
    const request = await playwright.request.newContext();
    try {
      const { blocks } = await apiText(request);
      for (const id of ids) {
        const block = blocks.find((b) => b.id === id);
        if (!block) throw new Error(`The seed has no paragraph ${id}`);
        originals.set(id, { en: block.en, status: block.status });
      }
    } finally {
      await request.dispose();
    }
  });
  test.afterAll(async ({ playwright }) => {
    const request = await playwright.request.newContext();
    try {
      for (const [id, original] of originals) {
        const now = await apiBlock(request, id);
        if (now.en !== original.en) await putGloss(request, id, original.en ?? '', 'e2e-restore');
        const after = await apiBlock(request, id);
        if (after.status !== original.status && (original.status === 'draft' || original.status === 'reviewed')) {
          await putStatus(request, id, original.status);
        }
      }
    } finally {
      await request.dispose();
    }
  });
}

/**
 * Records a file of the server's data copy as it is now and returns a function that puts it back
 * exactly: its old text, or no file when there was none. For a test that writes the file itself
 * (a changed source, a conflict file as a pull leaves it) and must leave the copy as it found it.
 */
export function keepDataFile(file: string): () => void {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  return () => {
    if (before === undefined) rmSync(file, { force: true });
    else writeFileSync(file, before);
  };
}

/** Keeps files of the data copy (paths inside it) before the calling spec file runs and puts them back after it. */
export function restoreDataFilesAfterFile(files: readonly string[]): void {
  const restores: (() => void)[] = [];
  test.beforeAll(() => {
    for (const file of files) restores.push(keepDataFile(path.join(dataDir(), file)));
  });
  test.afterAll(() => {
    for (const restore of restores.splice(0)) restore();
  });
}

/** A text unique to this run, so a test never meets its own earlier save. */
export function stamp(label: string): string {
  return `${label} ${Date.now().toString(36)}`;
}

export async function englishOf(request: APIRequestContext, id: string): Promise<string | null> {
  return (await apiBlock(request, id)).en;
}
