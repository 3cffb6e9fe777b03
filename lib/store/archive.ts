import 'server-only';
import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { StoreWriteError } from './errors';
import { contentDir, dataRoot, displayPath } from './paths';

/** Where removed texts' files are kept: `removed/` in the data folder (never read as a text). */
export function removedDir(): string {
  return path.join(dataRoot(), 'removed');
}

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Every file of the text `slug` in the data folder: its source, id ledger and word list in
 * `content/`, and in each `locales/<lng>/` its glosses, states, journal, history, notes and
 * glossary (`<slug>.` followed by anything). Absolute paths, sorted.
 */
export async function textFilePaths(slug: string): Promise<string[]> {
  const own = (name: string) => name.startsWith(`${slug}.`) && !name.includes('.tmp');
  const found = (await names(contentDir())).filter(own).map((name) => path.join(contentDir(), name));
  const locales = path.join(dataRoot(), 'locales');
  for (const lng of await names(locales)) {
    for (const name of (await names(path.join(locales, lng))).filter(own)) found.push(path.join(locales, lng, name));
  }
  return found.sort();
}

/**
 * Moves the given files of a text into `removed/<slug>-<stamp>/`, keeping their paths relative to
 * the data folder, so nothing is lost and the slug is free for another text. Returns the folder
 * (as shown to people). A file that cannot be moved stops the move with a StoreWriteError; those
 * moved before it are in the folder.
 */
export async function archiveTextFiles(slug: string, files: readonly string[], stamp: string): Promise<string> {
  const into = path.join(removedDir(), `${slug}-${stamp}`);
  for (const file of files) {
    const target = path.join(into, path.relative(dataRoot(), file));
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(file, target);
    } catch (error) {
      throw StoreWriteError.from(displayPath(file), error);
    }
  }
  return displayPath(into);
}
