// zod's small build: this module runs in the browser too (the word-list page, and sync when signed in).
import { z } from 'zod/mini';
import { sentenceHash } from '@/lib/align/stored';
import { mergeWordLists, parseWordList, WORD_LIST_LIMITS, type SavedWord, type WordContext } from './word-list';

/**
 * Removals of saved words that follow the reader to other devices. A removal is a tombstone
 * (the word, optionally one of its contexts, and when), kept beside the list and merged with it
 * by time: a context saved at or before a removal that covers it is dropped, one saved after it
 * is kept (a re-save wins). Tombstones are pruned after REMOVAL_KEEP_DAYS. Pure: storage is the
 * caller's, and everything read back is validated.
 */

export interface WordRemoval {
  word: string;
  /** One context of the word (`contextKey`); absent: the whole word. */
  context?: string;
  /** ISO time of the removal. */
  removedAt: string;
}

/** A word list with its removals, as synced with the account. */
export interface WordListSync {
  words: SavedWord[];
  removed: WordRemoval[];
  /** When the account's whole list was deleted: every context saved before it is dropped. */
  clearedAt?: string;
}

/** A removal is kept this long: a device that syncs after longer may bring the word back. */
export const REMOVAL_KEEP_DAYS = 180;
/** Most removals kept (the newest). */
export const MAX_REMOVALS = 5_000;

const removalSchema = z.object({
  word: z.string().check(z.minLength(1), z.maxLength(32)),
  context: z.optional(z.string().check(z.maxLength(120))),
  removedAt: z.iso.datetime(),
});

/**
 * Stored or sent removals, keeping the well-formed ones. `parseRemovals([{ word: '银行',
 * removedAt: '2026-12-01T00:00:00.000Z' }])` → that removal; `parseRemovals('x')` → `[]`.
 */
export function parseRemovals(data: unknown): WordRemoval[] {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = removalSchema.safeParse(entry);
    if (!parsed.success) return [];
    const { word, context, removedAt } = parsed.data;
    return [context === undefined ? { word, removedAt } : { word, context, removedAt }];
  });
}

/** The key of one context of a word: its permalink and a hash of its sentence (`/read/a#abc123 1f2e3d4c`). */
export function contextKey(context: Pick<WordContext, 'permalink' | 'sentence'>): string {
  return `${context.permalink} ${sentenceHash(context.sentence)}`;
}

const at = (iso: string) => Date.parse(iso);

/**
 * The removals of `words` (whole words) at `now`, to keep beside the list.
 * `removalsOf(['银行'], now)` → `[{ word: '银行', removedAt: now }]`.
 */
export function removalsOf(words: readonly string[], now: Date): WordRemoval[] {
  return words.map((word) => ({ word, removedAt: now.toISOString() }));
}

/** Removals deduplicated (the latest per word and context), without those older than the keep time, newest first. */
export function pruneRemovals(removed: readonly WordRemoval[], now: Date): WordRemoval[] {
  const oldest = now.getTime() - REMOVAL_KEEP_DAYS * 86_400_000;
  const latest = new Map<string, WordRemoval>();
  for (const removal of removed) {
    if (!(at(removal.removedAt) >= oldest)) continue;
    const key = `${removal.word}\n${removal.context ?? ''}`;
    const kept = latest.get(key);
    if (!kept || at(kept.removedAt) < at(removal.removedAt)) latest.set(key, removal);
  }
  return [...latest.values()].sort((a, b) => at(b.removedAt) - at(a.removedAt)).slice(0, MAX_REMOVALS);
}

/**
 * The list without the contexts the removals (or a deletion of the whole list at `clearedAt`)
 * cover: those saved at or before them. A word left without contexts is gone.
 */
export function applyRemovals(words: readonly SavedWord[], removed: readonly WordRemoval[], clearedAt?: string): SavedWord[] {
  const cleared = clearedAt === undefined ? -Infinity : at(clearedAt);
  const byWord = new Map<string, WordRemoval[]>();
  for (const removal of removed) byWord.set(removal.word, [...(byWord.get(removal.word) ?? []), removal]);
  return words.flatMap((word) => {
    const removals = byWord.get(word.word) ?? [];
    if (removals.length === 0 && cleared === -Infinity) return [word];
    const contexts = word.contexts.filter((context) => {
      const saved = at(context.savedAt);
      if (saved <= cleared) return false;
      return !removals.some((r) => saved <= at(r.removedAt) && (r.context === undefined || r.context === contextKey(context)));
    });
    if (contexts.length === 0) return [];
    return contexts.length === word.contexts.length ? [word] : [{ ...word, contexts }];
  });
}

/** The same place saved on both devices counts from its latest save (a re-save after a removal wins); contexts newest first. */
function withLatestSaves(merged: readonly SavedWord[], all: readonly SavedWord[]): SavedWord[] {
  const latest = new Map<string, string>();
  for (const word of all)
    for (const context of word.contexts) {
      const key = `${word.word}\n${contextKey(context)}`;
      const kept = latest.get(key);
      if (kept === undefined || at(kept) < at(context.savedAt)) latest.set(key, context.savedAt);
    }
  return merged.map((word) => ({
    ...word,
    contexts: word.contexts
      .map((context) => {
        const savedAt = latest.get(`${word.word}\n${contextKey(context)}`) ?? context.savedAt;
        return savedAt === context.savedAt ? context : { ...context, savedAt };
      })
      .sort((a, b) => at(b.savedAt) - at(a.savedAt)),
  }));
}

/**
 * Two devices' lists merged: every word and context of both, every removal of both, then the
 * removals applied by time and the old ones pruned. `mergeWordSync(A with 银行, B with 银行 removed
 * later, now)` → no 银行; removed earlier than A saved it → 银行 kept.
 */
export function mergeWordSync(mine: WordListSync, theirs: WordListSync, now: Date): WordListSync {
  const removed = pruneRemovals([...mine.removed, ...theirs.removed], now);
  const clearedAt = [mine.clearedAt, theirs.clearedAt]
    .filter((c): c is string => c !== undefined)
    .sort()
    .at(-1);
  const union = withLatestSaves(mergeWordLists(mine.words, theirs.words), [...mine.words, ...theirs.words]);
  const words = applyRemovals(union, removed, clearedAt).slice(0, WORD_LIST_LIMITS.words);
  return clearedAt === undefined ? { words, removed } : { words, removed, clearedAt };
}

/**
 * A synced list as stored or sent: `{ words, removed, clearedAt? }`, or a bare array of words
 * (how lists were kept before removals were synced). Malformed parts are dropped.
 */
export function parseWordListSync(data: unknown): WordListSync {
  if (Array.isArray(data)) return { words: parseWordList(JSON.stringify(data)), removed: [] };
  if (!data || typeof data !== 'object') return { words: [], removed: [] };
  const record = data as Record<string, unknown>;
  const words = Array.isArray(record.words) ? parseWordList(JSON.stringify(record.words)) : [];
  const removed = parseRemovals(record.removed);
  const clearedAt = typeof record.clearedAt === 'string' && !Number.isNaN(at(record.clearedAt)) ? record.clearedAt : undefined;
  return clearedAt === undefined ? { words, removed } : { words, removed, clearedAt: new Date(at(clearedAt)).toISOString() };
}
