import 'server-only';
import { chromium } from 'playwright-core';
import type { PaperSize } from './options';

/**
 * The playwright-core adapter: prints a standalone HTML document to PDF in Chromium, the
 * same browser the end-to-end tests use (CHROMIUM_PATH, else /usr/bin/chromium).
 */

/** Page content box in CSS pixels for each paper, with the margins of the export's @page rule (18 mm top, 16 mm bottom, 15 mm sides). */
const MM = 96 / 25.4;
const CONTENT_BOX: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: (210 - 30) * MM, height: (297 - 34) * MM },
  Letter: { width: (215.9 - 30) * MM, height: (279.4 - 34) * MM },
};

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export interface PdfResult {
  pdf: Buffer;
  /** Rows taller than a page, which were let break inside. */
  longRows: number;
}

/**
 * Prints `html` to a PDF on `paper`. Every request the page makes is refused (the document is
 * self-contained). Rows taller than a page are marked `row-long` first, so they break inside
 * instead of being pushed to a fresh page.
 */
export async function printPdf(html: string, paper: PaperSize): Promise<PdfResult> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const box = CONTENT_BOX[paper];
    const page = await browser.newPage({ viewport: { width: Math.floor(box.width), height: Math.floor(box.height) } });
    await page.route('**/*', (route) => route.abort());
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const longRows = await page.evaluate((limit) => {
      let count = 0;
      for (const row of document.querySelectorAll('.row')) {
        if (row.getBoundingClientRect().height > limit) {
          row.classList.add('row-long');
          count += 1;
        }
      }
      return count;
    }, box.height);
    const pdf = await page.pdf({ format: paper, printBackground: false, preferCSSPageSize: false, tagged: true, outline: true });
    return { pdf, longRows };
  } finally {
    await browser.close();
  }
}
