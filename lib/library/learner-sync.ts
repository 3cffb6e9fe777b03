import 'server-only';
import { mergeProgress, parseProgress, type ReadingProgress } from '@/lib/learn/progress';
import type { SavedWord } from '@/lib/learn/word-list';
import { mergeWordSync, parseWordListSync, type WordListSync, type WordRemoval } from '@/lib/learn/word-removals';
import { readLearnerData, updateLearnerData } from '@/lib/store/learner-data';

/**
 * A signed-in reader's word list and reading progress, kept with the account (keyed by its name)
 * so they follow the reader to another device. A browser sends what it holds; the server merges
 * it into what it keeps and answers the merged whole, which the browser keeps in turn.
 */

/** The progress kept for `account`: `{}` when none. */
export async function getLearnerProgress(account: string): Promise<ReadingProgress> {
  return parseProgress(await readLearnerData(account, 'progress'));
}

/** Merges a browser's progress into the account's (the latest read of each text wins) and returns the whole. */
export function mergeLearnerProgress(account: string, incoming: ReadingProgress): Promise<ReadingProgress> {
  return updateLearnerData(account, 'progress', (stored) => mergeProgress(parseProgress(stored), parseProgress(incoming)));
}

/** The word list kept for `account` with its removals: empty when none. The deletion time stays on the server. */
export async function getLearnerWords(account: string): Promise<{ words: SavedWord[]; removed: WordRemoval[] }> {
  const { words, removed } = parseWordListSync(await readLearnerData(account, 'words'));
  return { words, removed };
}

/**
 * Merges a browser's words and removals into the account's (every word and context of both, then
 * the removals applied by time, lib/learn/word-removals.ts) and returns the whole list.
 */
export async function mergeLearnerWords(
  account: string,
  incoming: WordListSync,
): Promise<{ words: SavedWord[]; removed: WordRemoval[] }> {
  const { words, removed } = await updateLearnerData(account, 'words', (stored) =>
    mergeWordSync(parseWordListSync(stored), incoming, new Date()),
  );
  return { words, removed };
}

/**
 * Deletes the account's word list. Only the time of the deletion is kept, so that a device
 * syncing its older copy afterwards cannot fill the list again (what it saved later is kept).
 */
export async function clearLearnerWords(account: string): Promise<void> {
  const cleared: WordListSync = { words: [], removed: [], clearedAt: new Date().toISOString() };
  await updateLearnerData(account, 'words', () => cleared);
}
