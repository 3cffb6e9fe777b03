/** Print rules shared by the reading page's print stylesheet and the exported files. */

/**
 * Rows longer than this (Chinese characters count 2.5, as they take about as much room as two
 * to three Latin letters) may not fit on one printed page; they are let break inside instead of
 * being pushed whole to the next page, which would leave the page before half empty.
 */
export const LONG_ROW_CHARS = 2400;

/** Whether a row of this much Chinese and English may be taller than a page. `(1000, 0)` → `true`. */
export function isLongRow(zhLength: number, enLength: number): boolean {
  return zhLength * 2.5 + enLength > LONG_ROW_CHARS;
}

/** Whether a link prints its address after its text (it does unless the text is the address). `('GPTNB', 'https://gptnb.com/')` → `true`. */
export function printsAddress(text: string, href: string): boolean {
  const bare = (url: string) => url.replace(/\/$/, '');
  return bare(text) !== bare(href);
}
