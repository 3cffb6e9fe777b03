'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { parseWordList, type SavedWord } from '@/lib/learn/saved-word';

/** The localStorage key of the reader's saved words. */
export const WORD_LIST_KEY = 'reader.words';
/** The localStorage key of the words removed here, kept so that a removal follows the account (lib/learn/word-removals.ts). */
export const WORD_REMOVALS_KEY = 'reader.words.removed';
const EVENT = 'bilingual:wordlist';
const EMPTY: SavedWord[] = [];

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(WORD_LIST_KEY);
  } catch {
    return null;
  }
}

// The parsed list of the last raw value read, so a snapshot is the same object until it changes.
let cached: { raw: string | null; list: SavedWord[] } = { raw: null, list: EMPTY };
function snapshot(): SavedWord[] {
  const raw = readRaw();
  if (raw !== cached.raw) cached = { raw, list: parseWordList(raw) };
  return cached.list;
}

/**
 * The saved words, kept in this browser (localStorage), shared by every tab; `update` writes a
 * new list made from the current one. `stored` is false when storage refused the write.
 */
export function useWordList(): [SavedWord[], (change: (list: SavedWord[]) => SavedWord[]) => boolean] {
  const list = useSyncExternalStore(subscribe, snapshot, () => EMPTY);
  const update = useCallback((change: (list: SavedWord[]) => SavedWord[]) => {
    const next = change(snapshot());
    try {
      if (next.length === 0) window.localStorage.removeItem(WORD_LIST_KEY);
      else window.localStorage.setItem(WORD_LIST_KEY, JSON.stringify(next));
    } catch {
      return false;
    }
    window.dispatchEvent(new Event(EVENT));
    return true;
  }, []);
  return [list, update];
}

/** The removals kept in this browser, as stored (validated by whoever reads them: lib/learn/word-removals.ts). */
export function readStoredRemovals(): unknown {
  try {
    return JSON.parse(window.localStorage.getItem(WORD_REMOVALS_KEY) ?? '[]') as unknown;
  } catch {
    return [];
  }
}

/** Keeps `removed` in this browser (none: the key is removed); false when storage refused. */
export function storeRemovals(removed: readonly object[]): boolean {
  try {
    if (removed.length === 0) window.localStorage.removeItem(WORD_REMOVALS_KEY);
    else window.localStorage.setItem(WORD_REMOVALS_KEY, JSON.stringify(removed));
    return true;
  } catch {
    return false;
  }
}
