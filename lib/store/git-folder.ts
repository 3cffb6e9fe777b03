import 'server-only';
import { access, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The files git sync keeps beside the library in a data folder that is a git clone
 * (lib/gitsync/repo.ts runs git; the reads and writes of plain files are here).
 */

/** Whether a path exists. */
export async function pathExists(file: string): Promise<boolean> {
  return access(/*turbopackIgnore: true*/ file).then(
    () => true,
    () => false,
  );
}

/** Whether a data folder holds a library: anything in `content/` or `locales/`. */
export async function holdsLibrary(root: string): Promise<boolean> {
  for (const folder of ['content', 'locales']) {
    const entries = await readdir(path.join(/*turbopackIgnore: true*/ root, folder)).catch(() => []);
    if (entries.length > 0) return true;
  }
  return false;
}

/** Makes the folder a clone lives in (and its parents). */
export async function makeCloneFolder(root: string): Promise<void> {
  await mkdir(/*turbopackIgnore: true*/ root, { recursive: true });
}

/** Writes the clone's `.git/info/exclude`: what git must never track. */
export async function writeGitExclude(root: string, patterns: string): Promise<void> {
  await writeFile(/*turbopackIgnore: true*/ path.join(root, '.git', 'info', 'exclude'), patterns);
}
