/**
 * What a reading row ships of its sentence alignment, and how the page uses it: each sentence of
 * a cell rendered as a span (`data-s` = its index), and on each target cell one short attribute
 * with the links (`encodeLinks`). Pure, and small enough for the browser.
 */

/** A sentence's `[start, end)` in the stored text (UTF-16 code units). */
export type Span = [number, number];

/** A link as a row carries it: sentence indexes of each side, and how sure it is. */
export interface RowLink {
  zh: number[];
  gloss: number[];
  /** Drawn by a person (a fixed anchor). */
  manual?: boolean;
  /** The aligner's margin was small, or a manual link's sentence changed since: marked discreetly. */
  unsure?: boolean;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);

function encodeSide(indexes: readonly number[]): string {
  const first = indexes[0];
  if (first === undefined) return '';
  const last = indexes[indexes.length - 1] ?? first;
  return last === first ? String(first) : `${first}-${last}`;
}

function decodeSide(text: string): number[] | undefined {
  if (text === '') return [];
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  return last < first ? undefined : range(first, last - first + 1);
}

/**
 * A row's links as one short attribute: `zh.gloss` per link, a range as `a-b`, `!` after a manual
 * link and `?` after an unsure one. `encodeLinks([{ zh: [0], gloss: [0, 1] }, { zh: [1, 2], gloss: [2], manual: true }])`
 * → `'0.0-1 1-2.2!'`.
 */
export function encodeLinks(links: readonly RowLink[]): string {
  return links
    .map((link) => `${encodeSide(link.zh)}.${encodeSide(link.gloss)}${link.manual ? '!' : ''}${link.unsure ? '?' : ''}`)
    .join(' ');
}

/** The links of `encodeLinks`; a malformed link is left out. `decodeLinks('0.0 1.')` → two links, the second with no gloss. */
export function decodeLinks(text: string): RowLink[] {
  const links: RowLink[] = [];
  for (const item of text.split(' ')) {
    const match = /^([\d-]*)\.([\d-]*)(!?)(\??)$/.exec(item);
    if (!match) continue;
    const zh = decodeSide(match[1] ?? '');
    const gloss = decodeSide(match[2] ?? '');
    if (!zh || !gloss || (zh.length === 0 && gloss.length === 0)) continue;
    links.push({ zh, gloss, ...(match[3] ? { manual: true } : {}), ...(match[4] ? { unsure: true } : {}) });
  }
  return links;
}

/**
 * Sentences moved off the middle of a word: a boundary inside a word goes to the word's end, so
 * that every word is inside one sentence (Chinese word spans are never cut).
 * `snapSentences([[0, 3], [3, 6]], [[2, 4]])` → `[[0, 4], [4, 6]]`.
 */
export function snapSentences(sentences: readonly Span[], words: readonly (readonly [number, number, ...unknown[]])[]): Span[] {
  const endOf = (at: number) => {
    const word = words.find(([s, e]) => s < at && at < e);
    return word ? word[1] : at;
  };
  const out: Span[] = [];
  let floor = 0;
  for (const [start, end] of sentences) {
    const s = Math.max(endOf(start), floor);
    const e = Math.max(endOf(end), s);
    if (e > s) out.push([s, e]);
    floor = e;
  }
  return out;
}

/** A stretch of text and the sentence it belongs to (-1: between sentences). */
export interface Piece {
  start: number;
  end: number;
  sentence: number;
}

/**
 * `[start, end)` of a text cut where sentences begin and end. `sentencePieces(0, 10, [[0, 4], [5, 10]])`
 * → `[{ 0, 4, sentence 0 }, { 4, 5, sentence -1 }, { 5, 10, sentence 1 }]`. Empty range gives `[]`.
 */
export function sentencePieces(start: number, end: number, sentences: readonly Span[]): Piece[] {
  const pieces: Piece[] = [];
  let cursor = start;
  const push = (to: number, sentence: number) => {
    if (to > cursor) pieces.push({ start: cursor, end: to, sentence });
    cursor = Math.max(cursor, to);
  };
  sentences.forEach(([s, e], index) => {
    if (e <= cursor || s >= end) return;
    push(Math.min(s, end), -1);
    push(Math.min(e, end), index);
  });
  push(end, -1);
  return pieces;
}

/** The sentence that holds `offset` (its start included), or -1. */
export function sentenceAt(sentences: readonly Span[], offset: number): number {
  return sentences.findIndex(([s, e]) => s <= offset && offset < e);
}

/** A sentence of one side of a row: `zh`, or a target cell by its place among the row's cells. */
export interface SentenceRef {
  cell: 'zh' | number;
  index: number;
}

/** What pointing at a sentence lights up: the sentences of its links on every side, and whether a link is unsure. */
export interface Counterparts {
  zh: number[];
  /** By target cell (the order of the row's cells). */
  cells: number[][];
  unsure: boolean;
}

/**
 * The sentences linked to `from`, through each target cell's links: a Chinese sentence lights its
 * own link's Chinese and gloss sentences in every cell; a gloss sentence lights its link's
 * Chinese, and those sentences' counterparts in the other cells.
 * `counterparts([decodeLinks('0.0-1 1.2')], { cell: 'zh', index: 1 })` → `{ zh: [1], cells: [[2]], unsure: false }`.
 */
export function counterparts(cellLinks: readonly (readonly RowLink[])[], from: SentenceRef): Counterparts {
  const zh = new Set<number>();
  const cells = cellLinks.map(() => new Set<number>());
  let unsure = false;
  const take = (cell: number, link: RowLink) => {
    for (const i of link.zh) zh.add(i);
    for (const j of link.gloss) cells[cell]?.add(j);
    if (link.unsure) unsure = true;
  };
  if (from.cell === 'zh') zh.add(from.index);
  else {
    cells[from.cell]?.add(from.index);
    const own = cellLinks[from.cell]?.find((link) => link.gloss.includes(from.index));
    if (own) take(from.cell, own);
  }
  const asked = [...zh];
  cellLinks.forEach((links, cell) => {
    for (const link of links) if (link.zh.some((i) => asked.includes(i))) take(cell, link);
  });
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { zh: sorted(zh), cells: cells.map(sorted), unsure };
}

/**
 * The order of a row's sentences in the sentence-by-sentence layout: each Chinese sentence, then
 * the gloss sentences its link ends on, cell by cell; a gloss sentence linked to no Chinese
 * follows the Chinese before it. Gives `order` values for the Chinese and for each cell's sentences.
 * `sentenceOrder(2, [decodeLinks('0.0 1.1-2')], [3])` → `{ zh: [0, 10], cells: [[1, 11, 11]] }`.
 */
export function sentenceOrder(
  zhCount: number,
  cellLinks: readonly (readonly RowLink[])[],
  glossCounts: readonly number[],
): { zh: number[]; cells: number[][] } {
  const zh = range(0, zhCount).map((i) => i * 10);
  const cells = glossCounts.map((count, cell) => {
    const orders = new Array<number>(count).fill(-1);
    for (const link of cellLinks[cell] ?? []) {
      const last = link.zh[link.zh.length - 1];
      for (const j of link.gloss) if (j < count && last !== undefined) orders[j] = last * 10 + 1 + cell;
    }
    // Unlinked sentences follow the sentence before them (or come first).
    let previous = -10 + 1 + cell;
    return orders.map((order) => {
      previous = order >= 0 ? order : previous;
      return Math.max(previous, 0);
    });
  });
  return { zh, cells };
}
