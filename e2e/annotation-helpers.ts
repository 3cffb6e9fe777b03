// Shared by the annotation specs (e2e/annotations-*.spec.ts): the annotation API as the tests
// read it, the seed's words and notes, and page helpers for popovers and ruby.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { HAN, SLUG, dataRoot, waitForHydration, type Box } from './helpers';

// ---------------------------------------------------------------------------------------------
// The annotation API, as the tests read it.

export type ApiToken = { text: string; start: number; end: number; pinyin?: string };
export type ApiNote = { id: string; quote: string; start: number | null; end: number | null; body: string };
export type ApiTerm = { term: string; start: number; end: number; en: string[] };
export type ApiBlock = {
  id: string;
  type: string;
  zh: string;
  en: string | null;
  status: string | null;
  tokens: ApiToken[];
  notes: ApiNote[];
  terms: ApiTerm[];
};
export type ApiEntry = {
  pinyin: string;
  senses: string[];
  traditional?: string;
  parts?: { char: string; pinyin: string; senses: string[] }[];
};
export type Annotated = { slug: string; blocks: ApiBlock[]; dictionary: Record<string, ApiEntry> };

let annotatedCache: Annotated | undefined;

/** The text with its annotations, from the API (fetched once per worker). */
export async function annotated(request: APIRequestContext): Promise<Annotated> {
  if (annotatedCache) return annotatedCache;
  const response = await request.get(`/api/texts/${SLUG}?annotations=1`);
  expect(response.status(), 'GET /api/texts/<slug>?annotations=1').toBe(200);
  annotatedCache = (await response.json()) as Annotated;
  return annotatedCache;
}

/** The Chinese words of a block: the tokens the page renders as `.cell-zh .w`, in order. */
export function chineseTokens(block: ApiBlock): ApiToken[] {
  return block.tokens.filter((t) => HAN.test(t.text));
}

interface WordRef {
  block: ApiBlock;
  token: ApiToken;
  /** Index among the block's Chinese words (= among the row's `.cell-zh .w`). */
  index: number;
}

/** Every Chinese word of the text, in document order. */
export function allWords(text: Annotated): WordRef[] {
  return text.blocks.flatMap((block) => chineseTokens(block).map((token, index) => ({ block, token, index })));
}

/** The first word of the text that satisfies `test`; fails the test if there is none. */
export function findWord(text: Annotated, test: (w: WordRef) => boolean, what: string): WordRef {
  const found = allWords(text).find(test);
  expect(found, `a word: ${what}`).toBeTruthy();
  return found!;
}

/** The span of a word on the page. */
export function wordSpan(page: Page, ref: Pick<WordRef, 'block' | 'index'>): Locator {
  return page.locator(`[id="${ref.block.id}"] .cell-zh .w`).nth(ref.index);
}

/** The block that holds a note, and the note. */
export function noteById(text: Annotated, id: string): { block: ApiBlock; note: ApiNote } {
  for (const block of text.blocks) {
    const note = block.notes.find((n) => n.id === id);
    if (note) return { block, note };
  }
  throw new Error(`note ${id} is not in the API's blocks`);
}

/** Every note in document order (blocks in order, notes by their position in the block), as the notes list numbers them. */
export function notesInOrder(text: Annotated): { block: ApiBlock; note: ApiNote }[] {
  return text.blocks.flatMap((block) =>
    [...block.notes].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity)).map((note) => ({ block, note })),
  );
}

/** A term's approved renderings, preferred first: the text's own glossary first, then the shared one. */
export function glossaryRenderings(term: string): string[] {
  const read = (name: string) => {
    const file = path.join(dataRoot(), 'locales', 'en', name);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { en?: string[] }>) : {};
  };
  return read(`${SLUG}.glossary.json`)[term]?.en ?? read('glossary.json')[term]?.en ?? [];
}

/** The number of note entries in the text's notes file. */
export function notesFileCount(): number {
  const file = path.join(dataRoot(), 'locales', 'en', `${SLUG}.notes.json`);
  return Object.keys(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).length;
}

// ---------------------------------------------------------------------------------------------
// Page helpers.

export const POPOVER = '#annotation-popover';
export const TONE_MARKS = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

/** Loads a page, asserting it answered with a page (any status from 400 up is a failure, never retried). */
export async function openPage(page: Page, url: string): Promise<void> {
  // The server is ready when the tests start (playwright.config.ts waits for /api/texts), and
  // pages are served in-process (proxy.ts): an error answer is a failure, not something to retry.
  const response = await page.goto(url);
  expect(response?.status(), `GET ${url}`).toBeLessThan(400);
}

/** Loads a reading page and waits for it to hydrate. */
export async function openReader(page: Page, url: string): Promise<void> {
  await openPage(page, url);
  await waitForHydration(page);
}

export function popoverOf(page: Page): Locator {
  return page.locator(POPOVER);
}

export function intersects(a: Box, b: Box): boolean {
  // Touching edges do not count; half a pixel of rounding is allowed.
  const e = 0.5;
  return a.x < b.x + b.width - e && b.x < a.x + a.width - e && a.y < b.y + b.height - e && b.y < a.y + a.height - e;
}

export async function box(locator: Locator, what: string): Promise<Box> {
  const b = await locator.boundingBox();
  expect(b, `${what} has a box`).not.toBeNull();
  return b!;
}

/** The popover is on screen, inside the viewport, and does not cover its word. */
export async function expectPlacedBeside(page: Page, word: Locator, what: string) {
  const popover = popoverOf(page);
  await expect(popover).toBeVisible();
  // Placement happens in a layout effect; wait until the card is no longer hidden for measuring.
  await expect(popover).not.toHaveCSS('visibility', 'hidden');
  const viewport = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: window.innerHeight }));
  const card = await box(popover, `${what}: popover`);
  const anchor = await box(word, `${what}: word`);
  expect(intersects(card, anchor), `${what}: popover ${JSON.stringify(card)} covers the word ${JSON.stringify(anchor)}`).toBe(
    false,
  );
  expect(card.x, `${what}: popover's left edge inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(card.y, `${what}: popover's top edge inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(card.x + card.width, `${what}: popover's right edge inside the viewport (${viewport.width})`).toBeLessThanOrEqual(
    viewport.width,
  );
  expect(card.y + card.height, `${what}: popover's bottom edge inside the viewport (${viewport.height})`).toBeLessThanOrEqual(
    viewport.height,
  );
}

/** The popover shows a word: its text and its reading. */
export async function expectWordPopover(page: Page, word: string, pinyin: string) {
  const popover = popoverOf(page);
  await expect(popover).toBeVisible();
  await expect(popover).toHaveAttribute('role', 'dialog');
  await expect(popover.locator('.popover-word')).toHaveText(word);
  await expect(popover.locator('.popover-pinyin')).toHaveText(pinyin);
}

/** What the ruby of each Chinese word shows: the word, its rt texts joined by spaces, the ruby bases. */
export type RubyReading = { word: string; rt: string; bases: string[] };

/**
 * The ruby of each Chinese word of every block on the page, by block id, read in one pass
 * (one round trip instead of one per block).
 */
export function rubyReadingsByBlock(page: Page): Promise<Record<string, RubyReading[]>> {
  return page.evaluate(() => {
    const withoutRuby = (node: Node) => {
      const copy = node.cloneNode(true);
      if (copy instanceof Element) copy.querySelectorAll('rt, rp').forEach((x) => x.remove());
      return copy.textContent ?? '';
    };
    const out: Record<string, { word: string; rt: string; bases: string[] }[]> = {};
    for (const cell of document.querySelectorAll<HTMLElement>('.row[id] > .cell-zh')) {
      const id = cell.parentElement!.id;
      out[id] = [...cell.querySelectorAll<HTMLElement>('.w')].map((w) => ({
        word: [...w.childNodes].map(withoutRuby).join(''),
        rt: [...w.querySelectorAll('rt')].map((rt) => rt.textContent ?? '').join(' '),
        bases: [...w.querySelectorAll('ruby')].map(withoutRuby),
      }));
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------

/** The base text of a ruby element (without rt and rp). */
export function readingBase(ruby: Locator): Promise<string> {
  return ruby.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('rt, rp').forEach((x) => x.remove());
    return copy.textContent ?? '';
  });
}
