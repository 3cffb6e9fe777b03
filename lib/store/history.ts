import 'server-only';
import { appendFile, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { localeDir } from './paths';

export const historyEntrySchema = z.object({
  time: z.string(),
  editor: z.string(),
  id: z.string(),
  kind: z.enum(['gloss', 'status']),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** The gloss revision after the change. */
  revision: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export function historyPath(slug: string, lng: string): string {
  return path.join(localeDir(lng), `${slug}.history.jsonl`);
}

/**
 * Appends one change to `locales/<lng>/<slug>.history.jsonl` (one JSON object a line). A line is
 * written by one write call, so a killed process leaves whole lines.
 */
export async function appendHistory(slug: string, lng: string, entry: HistoryEntry): Promise<void> {
  const file = historyPath(slug, lng);
  // After a crash mid-line, start on a fresh line so the torn one does not swallow this entry.
  const torn = !(await endsWithNewline(file));
  await appendFile(file, `${torn ? '\n' : ''}${JSON.stringify(entry)}\n`, { encoding: 'utf8', flush: true });
}

/** Whether a file ends with a newline; true for a missing or empty file. */
async function endsWithNewline(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
  }
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
