import 'server-only';
import { readFile } from 'node:fs/promises';
import { appendLines, type AppendUndo } from './append-file';
import { localeDir, textFilePath } from './paths';
import { historyEntrySchema, type HistoryEntry } from '@/lib/gloss/history-entry';

export { historyEntrySchema, type HistoryEntry };

export function historyPath(slug: string, lng: string): string {
  return textFilePath(localeDir(lng), slug, '.history.jsonl');
}

/**
 * Appends one change to `locales/<lng>/<slug>.history.jsonl` (one JSON object a line), durably.
 * A killed process leaves whole lines, or a torn last line that readers skip.
 */
export async function appendHistory(slug: string, lng: string, entry: HistoryEntry): Promise<void> {
  await appendHistoryEntries(slug, lng, [entry]);
}

/**
 * Appends changes to a text's history in one write, fsynced before it returns. On failure the
 * file is cut back to its old length and the error is a StoreWriteError; the returned `undo`
 * does the same for a change that then failed elsewhere (see appendLines).
 */
export async function appendHistoryEntries(slug: string, lng: string, entries: readonly HistoryEntry[]): Promise<AppendUndo> {
  return appendLines(historyPath(slug, lng), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

/** Reads a text's history, oldest first; lines that do not parse (a torn last line) are skipped. */
export async function readHistory(slug: string, lng: string): Promise<HistoryEntry[]> {
  let text: string;
  try {
    text = await readFile(historyPath(slug, lng), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: HistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = historyEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // A line cut short by a crash: skip it.
    }
  }
  return entries;
}
