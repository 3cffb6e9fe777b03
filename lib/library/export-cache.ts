import 'server-only';
import { createHash } from 'node:crypto';
import { readNotes } from '@/lib/store/annotations';
import type { FileExportOptions } from '@/lib/export/options';
import { exportFile, type ExportedFile } from './export-file';
import { GLOSS_LANGUAGE, type TextView } from './load';

/**
 * Export files kept in memory by text version and options, so a download asked for again (or
 * by many readers at once) is built once. Files are built one at a time, so a burst of downloads
 * queues instead of starting a browser per PDF, or building several novels' HTML and EPUB side by
 * side in the heap (a server reading two novels with eight clients died of it).
 */

/** Total bytes of files kept; the oldest go first. */
export const EXPORT_CACHE_BYTES = 64 * 1024 * 1024;

interface Cache {
  files: Map<string, Promise<ExportedFile>>;
  sizes: Map<string, number>;
  /** The build in progress, which the next one waits for. */
  queue: Promise<unknown>;
}
const CACHE_KEY = Symbol.for('bilingual-reader.export-files');

function cache(): Cache {
  const global = globalThis as typeof globalThis & { [CACHE_KEY]?: Cache };
  global[CACHE_KEY] ??= { files: new Map(), sizes: new Map(), queue: Promise.resolve() };
  return global[CACHE_KEY];
}

function trim(entries: Cache) {
  let total = [...entries.sizes.values()].reduce((a, b) => a + b, 0);
  for (const key of entries.files.keys()) {
    if (total <= EXPORT_CACHE_BYTES) break;
    total -= entries.sizes.get(key) ?? 0;
    entries.files.delete(key);
    entries.sizes.delete(key);
  }
}

/** The version of a text an export depends on: its blocks, English, title and notes. */
async function versionOf(text: TextView): Promise<string> {
  const notes = await readNotes(text.slug, GLOSS_LANGUAGE);
  return createHash('sha256')
    .update(
      JSON.stringify([
        text.slug,
        text.title,
        text.meta,
        text.blocks.map((b) => [b.id, b.type, b.level, b.text, b.en, b.status]),
        notes,
      ]),
    )
    .digest('hex');
}

/** `exportFile`, built once per text version and options while it stays in the cache. */
export async function cachedExportFile(text: TextView, options: FileExportOptions): Promise<ExportedFile> {
  const entries = cache();
  const key = `${await versionOf(text)}:${JSON.stringify(options)}`;
  const found = entries.files.get(key);
  if (found) {
    // Most recently used last.
    entries.files.delete(key);
    entries.files.set(key, found);
    return found;
  }
  const file = entries.queue.catch(() => undefined).then(() => exportFile(text, options));
  entries.queue = file;
  entries.files.set(key, file);
  file.then(
    (done) => {
      entries.sizes.set(key, done.data.byteLength);
      trim(entries);
    },
    () => {
      entries.files.delete(key);
      entries.sizes.delete(key);
    },
  );
  return file;
}
