/** A passage selected in one row's Chinese or English: what a note or a word can be made of. */
export interface PassageSelection {
  block: string;
  column: 'zh' | 'en';
  /** The target language of the selected cell (`en` on a page without target columns); for the Chinese, undefined. */
  lang?: string;
  /** The target languages the row shows, in column order (`['en']` on a page without target columns). */
  shown: string[];
  quote: string;
  /** Which occurrence of the quote in the cell's text the selection is (1 = first). */
  occurrence?: number;
  /** Whether the passage could be listed as one word (Chinese, two to forty characters, no spaces or punctuation at its ends). */
  joinable: boolean;
  /** Where the toolbar goes, in page coordinates. */
  top: number;
  left: number;
}

/** A range's text without ruby readings and note numbers, as the paragraph's text has it. */
function plainText(range: Range): string {
  const fragment = range.cloneContents();
  fragment.querySelectorAll('rt, rp, .note-ref').forEach((node) => node.remove());
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.textContent ?? '';
}

const HAN = /\p{Script=Han}/u;

/**
 * The current selection when it lies within one cell of one row of the reader, with the quote
 * trimmed and its occurrence counted from the cell's start; null otherwise.
 */
export function readSelection(): PassageSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const container = range.commonAncestorContainer;
  const element = container instanceof Element ? container : container.parentElement;
  const cell = element?.closest<HTMLElement>('.reader > .row .cell-zh, .reader > .row .cell-en');
  const row = cell?.closest<HTMLElement>('.reader > .row');
  if (!cell || !row?.id) return null;
  const raw = plainText(range);
  const quote = raw.trim();
  if (quote === '' || quote.length > 500 || quote.includes('\n')) return null;
  const before = document.createRange();
  before.setStart(cell, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = plainText(before).length + (raw.length - raw.trimStart().length);
  const text = plainText(rangeOf(cell));
  let occurrence = 0;
  for (let at = text.indexOf(quote); at >= 0 && at <= start; at = text.indexOf(quote, at + 1)) occurrence += 1;
  const column = cell.classList.contains('cell-zh') ? 'zh' : 'en';
  const shown = rowLanguages(row.id);
  const rect = range.getBoundingClientRect();
  return {
    block: row.id,
    column,
    ...(column === 'en' ? { lang: cell.dataset.lang ?? 'en' } : {}),
    shown,
    quote,
    ...(occurrence > 0 ? { occurrence } : {}),
    joinable:
      column === 'zh' &&
      HAN.test(quote) &&
      quote.length >= 2 &&
      quote.length <= 40 &&
      !/[\s，。、；：？！「」“”（）]/u.test(quote),
    top: rect.bottom + window.scrollY + 6,
    left: rect.left + window.scrollX,
  };
}

/** The target languages a row shows, in column order; `['en']` on a page without target columns. */
export function rowLanguages(block: string): string[] {
  const row = document.getElementById(block);
  const langs = row ? [...row.querySelectorAll<HTMLElement>('.cell-target[data-lang]')].map((c) => c.dataset.lang ?? 'en') : [];
  return langs.length > 0 ? langs : ['en'];
}

function rangeOf(node: Node): Range {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range;
}
