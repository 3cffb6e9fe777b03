// Shared fixtures for the end-to-end specs: the seed text as its data files describe it,
// text normalisation, and small DOM measurements.
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

export const SLUG = 'karpathy-no-priors';
export const READ_PATH = `/read/${SLUG}`;

/** Known facts about the bundled text, asserted alongside what the data files say. */
export const SEED = {
  blockCount: 52,
  breakCount: 2,
  textBlockCount: 50,
  headingCount: 7,
  titleZh: 'Andrej Karpathy最新激进观点：Transformer将超越人脑',
  date: '2024-09-08',
  author: 'ByteAILab',
  links: [
    { href: 'https://github.com/karpathy/LLM101n', text: 'https://github.com/karpathy/LLM101n' },
    { href: 'https://gptnb.com/', text: 'GPTNB' },
  ],
} as const;

export interface SeedBlock {
  id: string;
  /** The block's Chinese as the source has it (Markdown links included); '' for a break. */
  zh: string;
  /** The English gloss, when there is one. */
  en?: string;
  isBreak: boolean;
}

export interface SeedText {
  slug: string;
  title: { zh: string; en?: string };
  blocks: SeedBlock[];
  textBlocks: SeedBlock[];
  retired: unknown[];
}

/**
 * The folder the server reads its data from. The spec files are loaded before the web server
 * has copied the data, so this is resolved lazily; it falls back to the repository's own copy.
 */
export function dataRoot(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (dir && existsSync(path.join(dir, 'content', `${SLUG}.ids.json`))) return dir;
  return path.resolve(__dirname, '..');
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

let cached: SeedText | undefined;

/** The seed text from content/<slug>.ids.json, content/<slug>.txt and locales/en/<slug>.json. */
export function loadSeed(): SeedText {
  if (cached) return cached;
  const root = dataRoot();
  const ledger = readJson<{ blocks: { id: string; zh: string }[]; retired: unknown[] }>(
    path.join(root, 'content', `${SLUG}.ids.json`),
  );
  const english = readJson<Record<string, string>>(path.join(root, 'locales', 'en', `${SLUG}.json`));
  const source = readFileSync(path.join(root, 'content', `${SLUG}.txt`), 'utf8');
  const titleLine = /^title:\s*(['"]?)(.*)\1\s*$/m.exec(source.split(/^---\s*$/m)[1] ?? '');
  const blocks = ledger.blocks.map((b) => {
    const en = english[b.id];
    return { id: b.id, zh: b.zh, isBreak: b.zh === '', ...(en && en.trim() ? { en } : {}) };
  });
  cached = {
    slug: SLUG,
    title: { zh: titleLine?.[2] ?? '', ...(english.title ? { en: english.title } : {}) },
    blocks,
    textBlocks: blocks.filter((b) => !b.isBreak),
    retired: ledger.retired,
  };
  return cached;
}

/** Markdown `[label](url)` replaced by its label: the text a reader sees. */
export function plain(text: string): string {
  return text.replace(/\[([^\]\n]+)\]\(\s*(https?:\/\/[^\s)]+)\s*\)/gi, '$1');
}

/** NFC, whitespace runs collapsed, trimmed: for comparing rendered text with source text. */
export function norm(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The links a block's text holds: Markdown links and bare http(s) URLs, as `{ href, text }`. */
export function linksIn(text: string): { href: string; text: string }[] {
  const found: { href: string; text: string }[] = [];
  const re = /\[([^\]\n]+)\]\(\s*(https?:\/\/[^\s)]+)\s*\)|(https?:\/\/[^\s<>"'「」『』（）【】《》，。！？、；：“”‘’]+)/gi;
  for (const m of text.matchAll(re)) {
    if (m[3]) {
      const url = m[3].replace(/[.,;:!?)\]]+$/, '');
      found.push({ href: new URL(url).href, text: url });
    } else if (m[1] && m[2]) {
      found.push({ href: new URL(m[2]).href, text: m[1] });
    }
  }
  return found;
}

export const HAN = /[\u3400-\u9fff]/;

export type Box = { x: number; y: number; width: number; height: number };

/** The bounding boxes of a row's two cells; null for a cell that is not rendered. */
export async function cellBoxes(row: Locator): Promise<{ zh: Box | null; en: Box | null }> {
  return row.evaluate((el) => {
    const box = (cell: Element | null) => {
      if (!cell) return null;
      const r = cell.getBoundingClientRect();
      return r.width === 0 && r.height === 0 ? null : { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return { zh: box(el.querySelector('.cell-zh')), en: box(el.querySelector('.cell-en')) };
  });
}

/** Waits until web fonts have loaded, so measurements do not shift underneath the test. */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** Waits until React has hydrated the page (components/hydration-marker.tsx sets the attribute). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  // The layout can hydrate before the page's rows: wait for each annotation layer as well.
  await page.waitForFunction(() => !document.querySelector('.annotation-layer:not([data-hydrated])'));
}

/**
 * A GET with the path sent exactly as written (no dot-segment removal, no re-encoding), which
 * a browser or Playwright's request context would not do. Does not follow redirects.
 */
export function rawGet(baseURL: string, rawPath: string): Promise<{ status: number; location?: string; body: string }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const location = res.headers.location;
        resolve({ status: res.statusCode ?? 0, ...(location ? { location } : {}), body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The reading text of an element: its text without note markers and pinyin. */
export function readingText(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.note-ref, rt, rp').forEach((node) => node.remove());
    return copy.textContent ?? '';
  });
}
