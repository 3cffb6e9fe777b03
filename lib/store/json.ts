import 'server-only';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { DataFileError } from './errors';
import { findJsonKeyProblems, locateJsonError } from './json-syntax';
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
  const text = await readDataText(file);
  if (text === undefined) return undefined;
  return parseJsonAs(text, displayPath(file), schema);
}

/**
 * JSON text checked against a schema; throws DataFileError naming `name` (a file, or where else
 * the text was kept) when it is not JSON or not of that shape. `parseJsonAs('[1]', 'x', z.array(z.number()))` → `[1]`.
 */
export function parseJsonAs<T>(text: string, name: string, schema: z.ZodType<T>): T {
  const data = parseJsonText(text.replace(/^\uFEFF/, ''), name);
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
    throw new DataFileError(name, `does not have the expected shape${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/**
 * Reads a data file as UTF-8; `undefined` when it does not exist. A symbolic link is refused
 * (DataFileError): it could point outside the data folder, and writes would cut it.
 */
export async function readDataText(file: string): Promise<string | undefined> {
  try {
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP')
      throw new DataFileError(
        displayPath(file),
        'is a symbolic link; the data folder holds files, not links to them',
        undefined,
        { cause: error },
      );
    throw new DataFileError(displayPath(file), 'cannot be read', undefined, { cause: error });
  }
}

/** Duplicate and `__proto__` keys in a JSON data file, as DataFileErrors with line and column; `[]` when absent or unparsable. */
export async function findKeyProblems(file: string): Promise<DataFileError[]> {
  const text = await readDataText(file).catch(() => undefined);
  if (text === undefined || locateJsonError(text) !== null) return [];
  return findJsonKeyProblems(text).map(
    ({ key, offset, problem }) =>
      new DataFileError(
        displayPath(file),
        problem === 'duplicate'
          ? `key "${key}" appears more than once (only the last one counts)`
          : `key "__proto__" is not allowed`,
        positionAt(text, offset),
      ),
  );
}

/** Replaces a file atomically and durably (see writeFileAtomic); throws StoreWriteError naming the file. */
export async function writeTextFile(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text);
}
