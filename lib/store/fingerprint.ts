import 'server-only';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
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
  return filesIdentity(textFiles(source, lng));
}

/** Every file a text is read from in one language (see textFingerprint). */
export function textFiles(source: SourceFile, lng: string): string[] {
  return [
    source.absolutePath,
    textFilePath(contentDir(), source.slug, '.ids.json'),
    glossPath(source.slug, lng),
    glossStatePath(source.slug, lng),
    journalPath(source.slug, lng),
  ];
}

/**
 * A SHA-256 of the files' contents in order, a missing file counted as such: two checkouts of the
 * same files hash alike whatever their inodes and times. `filesContentHash(['a.json'])` → `'9f86d0…'`.
 */
export async function filesContentHash(files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    try {
      const bytes = await readFile(file);
      hash.update(`${path.basename(file)}:${bytes.length}:`).update(bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hash.update(`${path.basename(file)}:-`);
    }
  }
  return hash.digest('hex');
}
