import 'server-only';
import { mergeProgress, parseProgress, type ReadingProgress } from '@/lib/learn/progress';
import { mergeWordLists, parseWordList, type SavedWord } from '@/lib/learn/word-list';
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

/** The word list kept for `account`: `[]` when none. */
export async function getLearnerWords(account: string): Promise<SavedWord[]> {
  const stored = await readLearnerData(account, 'words');
  return stored === undefined ? [] : parseWordList(JSON.stringify(stored));
}

/** Merges a browser's words into the account's (every word, every context) and returns the whole list. */
export function mergeLearnerWords(account: string, incoming: readonly SavedWord[]): Promise<SavedWord[]> {
  return updateLearnerData(account, 'words', (stored) =>
    mergeWordLists(stored === undefined ? [] : parseWordList(JSON.stringify(stored)), parseWordList(JSON.stringify(incoming))),
  );
}
