// Checked by hand (stored-value.ts): this module runs in the browser on every reading page.
import { isIsoDateTime, isNumberIn, isRecord, isText } from './stored-value';

/**
 * Where a reader stopped in each text: the last paragraph read, by its permanent id (so it
 * survives edits and sections), with how far into the text it is and when. Kept in the browser
 * (localStorage) and, signed in, with the account. Pure: storage is the caller's, and everything
 * read back is validated, since a page or a person may have edited it.
 */

export interface TextProgress {
  /** The block id of the last paragraph read. */
  id: string;
  /** Share of the text's blocks up to and including it, 0–1. */
  share: number;
  /** ISO time it was read. */
  at: string;
}

/** By text slug. */
export type ReadingProgress = Record<string, TextProgress>;

/** Texts remembered at most: the least recently read go first. */
export const MAX_PROGRESS_TEXTS = 1_000;

const SLUG = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const BLOCK_ID = /^[a-z][a-z0-9]{5}$/;

/** One text's stored progress with only its known fields, or undefined when it is not well formed. */
export function readTextProgress(value: unknown): TextProgress | undefined {
  if (!isRecord(value)) return undefined;
  const { id, share, at } = value;
  if (!isText(id, 0, Infinity, BLOCK_ID) || !isNumberIn(share, 0, 1) || !isIsoDateTime(at)) return undefined;
  return { id, share, at };
}

/**
 * Stored progress, keeping the well-formed entries (at most MAX_PROGRESS_TEXTS, the latest) and
 * dropping the rest. `parseProgress('{"a":{"id":"abcdef","share":0.5,"at":"2026-01-01T00:00:00.000Z"}}')`
 * → that entry; `parseProgress('x')` → `{}`.
 */
export function parseProgress(data: unknown): ReadingProgress {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const entries: [string, TextProgress][] = [];
  for (const [slug, entry] of Object.entries(value)) {
    if (!SLUG.test(slug)) continue;
    const parsed = readTextProgress(entry);
    if (parsed) entries.push([slug, parsed]);
  }
  return keepLatest(entries);
}

function keepLatest(entries: [string, TextProgress][]): ReadingProgress {
  entries.sort((a, b) => b[1].at.localeCompare(a[1].at));
  return Object.fromEntries(entries.slice(0, MAX_PROGRESS_TEXTS));
}

/**
 * Two records of progress merged (this browser's and the account's, on sign-in): for each text,
 * the one read most recently wins. `mergeProgress({ a: older }, { a: newer })` → `{ a: newer }`.
 */
export function mergeProgress(mine: ReadingProgress, theirs: ReadingProgress): ReadingProgress {
  const merged = new Map(Object.entries(mine));
  for (const [slug, entry] of Object.entries(theirs)) {
    const current = merged.get(slug);
    if (!current || entry.at > current.at) merged.set(slug, entry);
  }
  return keepLatest([...merged]);
}

/**
 * Progress with one paragraph read; unchanged (the same object) when it is already the last one
 * read, so a reader who scrolls back and forth writes nothing new.
 * `withParagraphRead({}, 'essay', 'abcdef', 0.4, now)` → `{ essay: { id: 'abcdef', share: 0.4, at: now } }`.
 */
export function withParagraphRead(
  progress: ReadingProgress,
  slug: string,
  id: string,
  share: number,
  at: string,
): ReadingProgress {
  if (progress[slug]?.id === id) return progress;
  return keepLatest([
    ...Object.entries(progress).filter(([s]) => s !== slug),
    [slug, { id, share: Math.min(1, Math.max(0, share)), at }],
  ]);
}
