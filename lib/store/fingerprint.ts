import 'server-only';
import { stat } from 'node:fs/promises';
import { glossPath, glossStatePath } from './glosses';
import { journalPath } from './journal';
import { contentDir, textFilePath } from './paths';
import type { SourceFile } from './sources';

/**
 * The identity of files as the file system gives it: path, inode, size, modification and change
 * times of each ('-' for a missing one). It changes whenever one of them is written, by the app
 * (an atomic write is a new inode, an append a new size) or by hand, so a cache keyed on it is
 * never stale. `filesIdentity(['a.json'])` → `'a.json:1234:5120:…:…'`.
 */
export async function filesIdentity(files: readonly string[]): Promise<string> {
  const parts = await Promise.all(
    files.map(async (file) => {
      try {
        const info = await stat(file, { bigint: true });
        return `${file}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return `${file}:-`;
        throw error;
      }
    }),
  );
  return parts.join('|');
}

/**
 * The identity (see filesIdentity) of every file a text is read from: its source, its id
 * ledger, its gloss and state files and its journal.
 * `textFingerprint(source, 'en')` → `'…/novel.md:1234:5120:…|…'`.
 */
export async function textFingerprint(source: SourceFile, lng: string): Promise<string> {
  return filesIdentity([
    source.absolutePath,
    textFilePath(contentDir(), source.slug, '.ids.json'),
    glossPath(source.slug, lng),
    glossStatePath(source.slug, lng),
    journalPath(source.slug, lng),
  ]);
}
