'use client';

import { useCallback, useEffect, useRef } from 'react';
import { parseProgress, type ReadingProgress } from '@/lib/learn/progress';
import { parseWordList, type SavedWord } from '@/lib/learn/saved-word';
import { useSession } from '../session-provider';
import { useReadingProgress } from './use-reading-progress';
import { readStoredRemovals, storeRemovals, useWordList, WORD_LIST_KEY } from './use-word-list';

/** Sends `body` to a `/api/me/*` route and answers the merged whole, or undefined when refused. */
async function put(path: string, body: object): Promise<unknown> {
  const response = await fetch(path, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.ok ? ((await response.json()) as unknown) : undefined;
}

/** Keeps one kind of learner data in step with the account: the browser's copy is merged in, the merged whole kept here. */
function useSynced<T>(signedIn: boolean, value: T, replace: (next: T) => void, send: (value: T) => Promise<T | undefined>) {
  const synced = useRef<string | null>(null);
  useEffect(() => {
    if (!signedIn) {
      synced.current = null;
      return;
    }
    const json = JSON.stringify(value);
    if (json === synced.current) return;
    // Right away on sign-in (the merge), then at most every two seconds while reading.
    const timer = setTimeout(
      () => {
        void send(value)
          .then((merged) => {
            if (merged === undefined) return;
            synced.current = JSON.stringify(merged);
            if (synced.current !== JSON.stringify(value)) replace(merged);
          })
          .catch(() => undefined);
      },
      synced.current === null ? 0 : 2_000,
    );
    return () => clearTimeout(timer);
  }, [signedIn, value, replace, send]);
}

const sendProgress = async (progress: ReadingProgress) => {
  const answer = await put('/api/me/progress', { progress });
  return answer && typeof answer === 'object' && 'progress' in answer ? parseProgress(answer.progress) : undefined;
};
/**
 * Sends the words with the removals made here; the answer is merged with what this browser holds
 * now (a word saved or removed while the request was out is not lost) and its removals kept.
 * The merge is loaded only here: signed out, reading pages carry none of it.
 */
const sendWords = async (words: SavedWord[]) => {
  const answer = await put('/api/me/words', { words, removed: readStoredRemovals() });
  if (!answer || typeof answer !== 'object' || !('words' in answer)) return undefined;
  const { mergeWordSync, parseRemovals, parseWordListSync } = await import('@/lib/learn/word-removals');
  const here = { words: parseWordList(window.localStorage.getItem(WORD_LIST_KEY)), removed: parseRemovals(readStoredRemovals()) };
  const merged = mergeWordSync(here, parseWordListSync(answer), new Date());
  storeRemovals(merged.removed);
  return merged.words;
};

/**
 * Signed in, the word list and reading progress follow the account: on sign-in this browser's are
 * merged with the account's (GET-free: a PUT answers the merged whole), and later changes are
 * sent. Signed out, nothing is sent anywhere.
 */
export function LearnerSync() {
  const session = useSession();
  const signedIn = !!session?.viewer && session.mode === 'accounts';
  const [progress, updateProgress] = useReadingProgress();
  const [words, updateWords] = useWordList();
  const replaceProgress = useCallback((next: ReadingProgress) => updateProgress(() => next), [updateProgress]);
  const replaceWords = useCallback((next: SavedWord[]) => void updateWords(() => next), [updateWords]);
  useSynced(signedIn, progress, replaceProgress, sendProgress);
  useSynced(signedIn, words, replaceWords, sendWords);
  return null;
}
