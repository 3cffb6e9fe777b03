import { parseProgress, type ReadingProgress } from './progress';
import { parseWordList, type SavedWord } from './word-list';

/**
 * An anonymous reader's own data, everything this site keeps about them in the browser: the
 * saved words and where they stopped in each text. Exported as one JSON file from the word-list
 * page, and deleted from there. Pure: storage and the download are the caller's.
 */

/** Names the file's contents, so a later import can recognise it. */
export const LEARNER_DATA_FORMAT = 'bilingual-reader.learner-data';
export const LEARNER_DATA_VERSION = 1;

export interface LearnerData {
  format: typeof LEARNER_DATA_FORMAT;
  version: typeof LEARNER_DATA_VERSION;
  /** ISO time of the export. */
  exportedAt: string;
  words: SavedWord[];
  progress: ReadingProgress;
}

/**
 * The export of what the browser holds, read from the raw stored strings (null when absent) and
 * validated as the pages read them, so a corrupted entry is left out rather than exported.
 */
export function learnerData(stored: { words: string | null; progress: string | null }, now: Date): LearnerData {
  return {
    format: LEARNER_DATA_FORMAT,
    version: LEARNER_DATA_VERSION,
    exportedAt: now.toISOString(),
    words: parseWordList(stored.words),
    progress: stored.progress ? parseProgress(stored.progress) : {},
  };
}

/** The file's text: indented JSON ending with a newline. */
export function learnerDataJson(data: LearnerData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** `reader-data-2026-12-07.json` (the UTC date of `now`). */
export function learnerDataFileName(now: Date): string {
  return `reader-data-${now.toISOString().slice(0, 10)}.json`;
}

/** How much there is: saved words and texts with a place kept. */
export function learnerDataCounts(data: Pick<LearnerData, 'words' | 'progress'>): { words: number; texts: number } {
  return { words: data.words.length, texts: Object.keys(data.progress).length };
}
