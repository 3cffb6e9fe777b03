'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { parseProgress, type ReadingProgress } from '@/lib/learn/progress';

/** The localStorage key of where the reader stopped in each text (lib/learn/progress.ts). */
export const PROGRESS_KEY = 'reader.progress';
const EVENT = 'bilingual:progress';
const EMPTY: ReadingProgress = {};

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
    return window.localStorage.getItem(PROGRESS_KEY);
  } catch {
    return null;
  }
}

let cached: { raw: string | null; progress: ReadingProgress } = { raw: null, progress: EMPTY };
function snapshot(): ReadingProgress {
  const raw = readRaw();
  if (raw !== cached.raw) cached = { raw, progress: raw ? parseProgress(raw) : EMPTY };
  return cached.progress;
}

/**
 * Where the reader stopped in each text, kept in this browser and shared by its tabs; nothing is
 * sent anywhere. Empty while rendering on the server, so pages hydrate without a mismatch.
 */
export function useReadingProgress(): [ReadingProgress, (change: (progress: ReadingProgress) => ReadingProgress) => void] {
  const progress = useSyncExternalStore(subscribe, snapshot, () => EMPTY);
  const update = useCallback((change: (progress: ReadingProgress) => ReadingProgress) => {
    const current = snapshot();
    const next = change(current);
    if (next === current) return;
    try {
      if (Object.keys(next).length === 0) window.localStorage.removeItem(PROGRESS_KEY);
      else window.localStorage.setItem(PROGRESS_KEY, JSON.stringify(next));
    } catch {
      return;
    }
    window.dispatchEvent(new Event(EVENT));
  }, []);
  return [progress, update];
}
