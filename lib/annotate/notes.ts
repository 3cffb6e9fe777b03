import type { NoteSource } from './types';

/** A note placed on its block: where its quote is now, and where its English marker goes. */
export interface AnchoredNote {
  id: string;
  block: string;
  quote: string;
  body: string;
  /** Offsets of the quote in the block's Chinese; absent when the note is detached. */
  start?: number;
  end?: number;
  /** Offset in the English gloss after which the English marker goes; absent: at the end. */
  enAt?: number;
  /** The quote is no longer in the block (the Chinese changed): shown at the block, marked detached. */
  detached: boolean;
}

/** Offset of the n-th (1-based) occurrence of `quote` in `text`, or -1. `('甲乙甲', '甲', 2)` → 2. */
export function nthIndexOf(text: string, quote: string, n: number): number {
  if (!quote || n < 1) return -1;
  let at = -1;
  for (let i = 0; i < n; i += 1) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/**
 * Anchors a note to its block by quote and occurrence, so it survives edits elsewhere in the
 * block. If the quote now occurs fewer times than `occurrence`, the last occurrence is used;
 * if it does not occur at all the note is detached, never dropped.
 * `({ quote: '特拉斯', occurrence: 1, … }, '其实特拉斯也会')` → start 2, end 5.
 */
export function anchorNote(note: NoteSource, zh: string, en?: string): AnchoredNote {
  const base = { id: note.id, block: note.block, quote: note.quote, body: note.body };
  let start = nthIndexOf(zh, note.quote, note.occurrence);
  if (start < 0) start = zh.lastIndexOf(note.quote);
  const enIndex = en && note.enQuote ? en.indexOf(note.enQuote) : -1;
  const enAt = enIndex >= 0 && note.enQuote ? { enAt: enIndex + note.enQuote.length } : {};
  if (start < 0 || !note.quote) return { ...base, ...enAt, detached: true };
  return { ...base, start, end: start + note.quote.length, ...enAt, detached: false };
}
