import 'server-only';
import { lstat, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { StoreWriteError } from './errors';
import { displayPath, localeDir } from './paths';

import { historyEntrySchema, type HistoryEntry } from '@/lib/gloss/history-entry';

export { historyEntrySchema, type HistoryEntry };

export function historyPath(slug: string, lng: string): string {
  return path.join(localeDir(lng), `${slug}.history.jsonl`);
}

/**
 * Appends one change to `locales/<lng>/<slug>.history.jsonl` (one JSON object a line), durably.
 * A killed process leaves whole lines, or a torn last line that readers skip.
 */
export async function appendHistory(slug: string, lng: string, entry: HistoryEntry): Promise<void> {
  await appendHistoryEntries(slug, lng, [entry]);
}

/** Puts a history file back to what it was before an append that is being undone. */
export interface HistoryUndo {
  undo(): Promise<void>;
}

/**
 * Appends changes to a text's history in one write, fsynced before it returns. On failure the
 * file is cut back to its old length (a torn line from a full disk removed) and the error is a
 * StoreWriteError; the returned `undo` does the same for a change that then failed elsewhere.
 */
export async function appendHistoryEntries(slug: string, lng: string, entries: readonly HistoryEntry[]): Promise<HistoryUndo> {
  const file = historyPath(slug, lng);
  let handle: FileHandle | undefined;
  let size = -1;
  const undo = async () => {
    if (size >= 0) await truncate(file, size).catch(() => undefined);
  };
  try {
    const link = await lstat(file).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    });
    if (link?.isSymbolicLink())
      throw new StoreWriteError(displayPath(file), 'symlink', 'is a symbolic link; the store does not write through links');
    handle = await open(file, 'a+');
    size = (await handle.stat()).size;
    // After a crash mid-line, start on a fresh line so the torn one does not swallow these entries.
    const torn = size > 0 && !(await endsWithNewline(handle, size));
    const buffer = Buffer.from(`${torn ? '\n' : ''}${entries.map((e) => `${JSON.stringify(e)}\n`).join('')}`, 'utf8');
    let written = 0;
    while (written < buffer.length) {
      const { bytesWritten } = await handle.write(buffer, written, buffer.length - written, size + written);
      if (bytesWritten <= 0) throw Object.assign(new Error(`no progress appending to ${file}`), { code: 'ENOSPC' });
      written += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    return { undo };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await undo();
    throw StoreWriteError.from(displayPath(file), error);
  }
}

/** Whether an open file of `size` > 0 bytes ends with a newline. */
async function endsWithNewline(handle: FileHandle, size: number): Promise<boolean> {
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] === 0x0a;
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
