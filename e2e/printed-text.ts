// Reading printed output back: the pieces of text a page shows for each row, and a PDF's text
// page by page, so specs can check that every row's Chinese and English are on one page, in order.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export interface RowPieces {
  id: string;
  zh: string[];
  en: string[];
  heading: boolean;
}

/**
 * Each row's text as the pieces a reader sees between note numbers and printed link
 * addresses (pinyin, marks and note numbers left out), whitespace and hyphens removed.
 */
export async function rowPieces(page: Page, rowSelector: string): Promise<RowPieces[]> {
  return page.locator(rowSelector).evaluateAll((rows) => {
    const piecesOf = (cell: Element | null): string[] => {
      const pieces: string[] = [''];
      const walk = (node: Node) => {
        if (node instanceof Element && node.matches('.note-ref, rt, rp, .mark, .note-detached')) {
          if (node.matches('.note-ref')) pieces.push('');
          return;
        }
        if (node.nodeType === Node.TEXT_NODE) pieces[pieces.length - 1] += node.textContent ?? '';
        node.childNodes.forEach(walk);
        if (node instanceof Element && node.matches('a.url-shown')) pieces.push('');
      };
      if (cell) walk(cell);
      return pieces.map((p) => p.replace(/[\s-]+/g, '')).filter(Boolean);
    };
    return rows.map((row) => ({
      id: row.id,
      zh: piecesOf(row.querySelector('.cell-zh')),
      en: piecesOf(row.querySelector('.cell-en')),
      heading: row.classList.contains('row-heading'),
    }));
  });
}

/** A PDF's text page by page in content order (pdftotext -raw), whitespace and hyphens removed. */
export function pdfPages(pdf: Buffer | string): string[] {
  let file = typeof pdf === 'string' ? pdf : '';
  if (typeof pdf !== 'string') {
    file = path.join(mkdtempSync(path.join(tmpdir(), 'printed-')), 'out.pdf');
    writeFileSync(file, pdf);
  }
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((p) => p.replace(/[\s-]+/g, ''));
}

/**
 * Asserts that every piece of every row is in the PDF in document order, that each row's
 * Chinese and English are on one page, and that each heading is on the page of the row after
 * it. Returns the page of each row.
 */
export function expectRowsTogether(rows: readonly RowPieces[], pages: readonly string[]): number[] {
  const all = pages.join('\f');
  const pageAt = (offset: number) => all.slice(0, offset).split('\f').length;
  let cursor = 0;
  const rowPage: number[] = [];
  for (const row of rows) {
    const seen = new Set<number>();
    for (const piece of [...row.zh, ...row.en]) {
      const at = all.indexOf(piece, cursor);
      expect(at, `${row.id}: "${piece.slice(0, 30)}" in document order`).toBeGreaterThanOrEqual(0);
      seen.add(pageAt(at)).add(pageAt(at + piece.length - 1));
      cursor = at + piece.length;
    }
    expect([row.id, [...seen].length], `${row.id}: Chinese and English on one page`).toEqual([row.id, 1]);
    rowPage.push([...seen][0] ?? 0);
  }
  rows.forEach((row, i) => {
    if (row.heading && i + 1 < rows.length)
      expect([row.id, rowPage[i + 1]], `${row.id}: heading with the next row`).toEqual([row.id, rowPage[i]]);
  });
  return rowPage;
}
