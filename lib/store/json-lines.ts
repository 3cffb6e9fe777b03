import 'server-only';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

/**
 * The entries of a JSON Lines file, oldest first, each checked against `schema`; lines that do
 * not parse (a torn last line after a crash) are skipped; a missing file has none.
 */
export async function readJsonLines<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text.split('\n').flatMap((line) => {
    if (!line.trim()) return [];
    try {
      const parsed = schema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}
