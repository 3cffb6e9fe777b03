import 'server-only';
import { appendFile, readFile } from 'node:fs/promises';
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
  await appendFile(historyPath(slug, lng), `${JSON.stringify(entry)}\n`, { encoding: 'utf8', flush: true });
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
