import 'server-only';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeTextFile } from './json';
import { withLock } from './lock';
import { dataRoot, isSlug } from './paths';

/** An imported translation memory as stored: read-only pairs, with where they came from. */
export const storedMemorySchema = z.object({
  name: z.string().refine(isSlug),
  /** The target language the pairs were read for. */
  lang: z.string().min(1).max(35),
  /** The file name it was imported from (for `tm list`). */
  file: z.string().max(300),
  imported: z.string(),
  pairs: z.array(
    z.object({
      zh: z.string(),
      gloss: z.string(),
      status: z.enum(['draft', 'reviewed']),
      by: z.string().optional(),
      date: z.string().optional(),
    }),
  ),
});
export type StoredMemory = z.infer<typeof storedMemorySchema>;

/** `<data>/memories/`: one JSON file per imported memory. */
export function memoriesDir(): string {
  return path.join(dataRoot(), 'memories');
}

function memoryPath(name: string): string {
  if (!isSlug(name)) throw new Error(`${JSON.stringify(name)} is not a memory's name (lower-case letters, digits, - and _)`);
  return path.join(memoriesDir(), `${name}.tmx.json`);
}

/** The names of the imported memories, sorted; none when the folder does not exist. */
export async function listMemoryNames(): Promise<string[]> {
  try {
    const names = await readdir(memoriesDir());
    return names
      .filter((n) => n.endsWith('.tmx.json'))
      .map((n) => n.slice(0, -'.tmx.json'.length))
      .filter(isSlug)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** One imported memory; undefined when there is none by that name. */
export async function readMemory(name: string): Promise<StoredMemory | undefined> {
  return readJsonFile(memoryPath(name), storedMemorySchema);
}

/** The identity of the memories folder's files (name, size, time), to tell when it changed. */
export async function memoriesIdentity(): Promise<string> {
  const parts: string[] = [];
  for (const name of await listMemoryNames()) {
    const info = await stat(memoryPath(name)).catch(() => undefined);
    if (info) parts.push(`${name}:${info.size}:${info.mtimeMs}`);
  }
  return parts.join('|');
}

/**
 * Stores a memory under its name, whole or not at all (an atomic write); false, writing nothing,
 * when one by that name exists and `replace` is not set.
 */
export async function writeMemory(memory: StoredMemory, options: { replace?: boolean } = {}): Promise<boolean> {
  const file = memoryPath(memory.name);
  return withLock(file, async () => {
    if (!options.replace && (await readJsonFile(file, z.unknown())) !== undefined) return false;
    await mkdir(memoriesDir(), { recursive: true });
    await writeTextFile(file, `${JSON.stringify(storedMemorySchema.parse(memory))}\n`);
    return true;
  });
}

/** Removes an imported memory; false when there was none by that name. */
export async function removeMemory(name: string): Promise<boolean> {
  const file = memoryPath(name);
  return withLock(file, async () => {
    try {
      await unlink(file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  });
}
