import 'server-only';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glossPath, glossStatePath } from './glosses';
import { contentDir } from './paths';
import type { SourceFile } from './sources';

async function identity(file: string): Promise<string> {
  try {
    const info = await stat(file, { bigint: true });
    return `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '-';
    throw error;
  }
}

/**
 * The identity (inode, size, modification and change times) of every file a text is read from: its source,
 * its id ledger, its gloss and state files. It changes whenever one of them is written, by the
 * app (an atomic write is a new inode) or by hand, so a cache keyed on it is never stale.
 * `textFingerprint(source, 'en')` → `'1234:5120:1733040000000|…'`.
 */
export async function textFingerprint(source: SourceFile, lng: string): Promise<string> {
  const files = [
    source.absolutePath,
    path.join(contentDir(), `${source.slug}.ids.json`),
    glossPath(source.slug, lng),
    glossStatePath(source.slug, lng),
  ];
  return (await Promise.all(files.map(identity))).join('|');
}
