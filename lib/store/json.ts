import 'server-only';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { DataFileError } from './errors';
import { locateJsonError } from './json-syntax';
import { displayPath } from './paths';

/** Line and column (1-based) of a character offset. `('a\nbc', 3)` → `{ line: 2, column: 2 }`. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON text; a syntax error becomes a DataFileError with line and column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const found = locateJsonError(text) ?? { offset: text.length, reason: 'invalid JSON' };
    throw new DataFileError(file, `malformed JSON: ${found.reason}`, positionAt(text, found.offset), { cause: error });
  }
}

/** Reads and validates a JSON data file; `undefined` when the file does not exist. */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataFileError(displayPath(file), 'cannot be read', undefined, { cause: error });
  }
  const name = displayPath(file);
  const data = parseJsonText(text.replace(/^\uFEFF/, ''), name);
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
    throw new DataFileError(name, `does not have the expected shape${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Replaces a file atomically and durably (see writeFileAtomic); throws StoreWriteError naming the file. */
export async function writeTextFile(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text);
}
