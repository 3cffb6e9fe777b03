// A permalink deep into a long text, as a reader follows it: `/read/<slug>#<id>` opened in a fresh
// Chromium page, timed from navigation until the block's row is on screen and the page no longer
// hides itself while it finds the section (`data-locating`). The first link to a section finds
// it uncached; the same link again is served from the page cache.
import { chromium } from 'playwright-core';

export interface DeepLinkTimes {
  /** Each link once, its section not yet visited. */
  first: number[];
  /** The same links again. */
  again: number[];
}

async function openAndWait(browser: import('playwright-core').Browser, url: string, id: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      (target) => {
        const row = document.getElementById(target);
        if (!row || document.documentElement.hasAttribute('data-locating')) return false;
        const box = row.getBoundingClientRect();
        return box.height > 0 && box.top < window.innerHeight && box.bottom > 0;
      },
      id,
      { timeout: 30_000, polling: 'raf' },
    );
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

/**
 * Times `origin + path + '#' + id` for each id, first visit and again, and then each block's own
 * section URL with `#id` (`direct`: the same page without finding its section first); null
 * without Chromium.
 */
export async function deepLinkTimes(
  origin: string,
  path: string,
  ids: string[],
  sectionOf: (id: string) => string,
): Promise<(DeepLinkTimes & { direct: number[] }) | null> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: ['--no-first-run', '--disable-background-networking'] });
  } catch {
    return null;
  }
  try {
    const first: number[] = [];
    for (const id of ids) first.push(await openAndWait(browser, `${origin}${path}#${encodeURIComponent(id)}`, id));
    const again: number[] = [];
    for (const id of ids) again.push(await openAndWait(browser, `${origin}${path}#${encodeURIComponent(id)}`, id));
    const direct: number[] = [];
    for (const id of ids) direct.push(await openAndWait(browser, `${origin}${sectionOf(id)}#${encodeURIComponent(id)}`, id));
    return { first, again, direct };
  } finally {
    await browser.close();
  }
}
