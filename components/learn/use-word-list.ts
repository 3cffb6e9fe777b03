'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { parseWordList, type SavedWord } from '@/lib/learn/word-list';

/** The localStorage key of the reader's saved words. */
export const WORD_LIST_KEY = 'reader.words';
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
