import 'server-only';
import { createHash } from 'node:crypto';
import { namedError } from '@/lib/named-error';
import { readNotes } from '@/lib/store/annotations';
import type { FileExportOptions } from '@/lib/export/options';
import { exportFile, loadExportViews, type ExportedFile } from './export-file';
import { GLOSS_LANGUAGE, type TextView } from '@/lib/library/load';
import { processState } from '@/lib/process-state';
import { WeightedLru } from '@/lib/weighted-lru';

/**
 * Export files kept in memory by text version and options, so a download asked for again (or
 * by many readers at once) is built once. Files are built one at a time, so a burst of downloads
 * queues instead of starting a browser per PDF, or building several novels' HTML and EPUB side by
 * side in the heap (a server reading two novels with eight clients died of it).
 */

/** Total bytes of files kept; the oldest go first. */
export const EXPORT_CACHE_BYTES = 64 * 1024 * 1024;
/** Builds that may wait in the queue (the one running included); one more is refused with ExportBusyError. */
export const MAX_QUEUED_EXPORTS = 4;
/** How long a request waits for its file; the build goes on, and a request after it gets the kept file. */
export const EXPORT_WAIT_MS = 60_000;

/** The export queue is full, or the file was not ready in time: try again after `retryAfterSeconds`. */
export class ExportBusyError extends namedError('ExportBusyError') {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

interface Cache {
  /** Each file weighs its bytes once built (nothing while it is being built). */
  files: WeightedLru<string, Promise<ExportedFile>>;
  /** The build in progress, which the next one waits for. */
  queue: Promise<unknown>;
  /** Builds queued or running. */
  pending: number;
}

function cache(): Cache {
  return processState<Cache>('export-files', () => ({
    files: new WeightedLru(() => EXPORT_CACHE_BYTES),
    queue: Promise.resolve(),
    pending: 0,
  }));
}

/** The version of a text an export depends on: its blocks, English, title and notes. */
async function versionOf(text: TextView, languages: readonly string[]): Promise<string> {
  const notes = await readNotes(text.slug, GLOSS_LANGUAGE);
  // Every language the file shows (an unknown one is refused by the build, and not cached).
  const views = await loadExportViews(text, languages).catch(() => []);
  return createHash('sha256')
    .update(
      JSON.stringify([
        text.slug,
        text.title,
        text.meta,
        text.blocks.map((b) => [b.id, b.type, b.level, b.text, b.en, b.status]),
        notes,
        views.filter((v) => v !== text).map((v) => [v.lang, v.title, v.blocks.map((b) => [b.id, b.en, b.status])]),
      ]),
    )
    .digest('hex');
}

/**
 * `exportFile`, built once per text version and options while it stays in the cache. Refuses
 * with ExportBusyError when MAX_QUEUED_EXPORTS builds are already waiting, and when its file is
 * not ready within `waitMs` (the build goes on and is kept for the next request).
 */
export async function cachedExportFile(
  text: TextView,
  options: FileExportOptions,
  build: typeof exportFile = exportFile,
  waitMs = EXPORT_WAIT_MS,
): Promise<ExportedFile> {
  const entries = cache();
  const key = `${await versionOf(text, options.languages)}:${JSON.stringify(options)}`;
  const found = entries.files.get(key);
  if (found) return withinWait(found, waitMs, entries.pending);
  if (entries.pending >= MAX_QUEUED_EXPORTS)
    throw new ExportBusyError(
      `${entries.pending} downloads are being prepared, the most the server takes at once; try again shortly`,
      10 * entries.pending,
    );
  entries.pending += 1;
  const file = entries.queue
    .catch(() => undefined)
    .then(() => build(text, options))
    .finally(() => {
      entries.pending -= 1;
    });
  entries.queue = file;
  entries.files.set(key, file, 0);
  const current = () => entries.files.peek(key) === file;
  file.then(
    (done) => current() && entries.files.set(key, file, done.data.byteLength),
    () => current() && entries.files.delete(key),
  );
  return withinWait(file, waitMs, entries.pending);
}

/** The file, or ExportBusyError when it takes longer than `waitMs`. */
async function withinWait(file: Promise<ExportedFile>, waitMs: number, pending: number): Promise<ExportedFile> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ExportBusyError('The download is still being prepared; ask again in a moment to get it', 10 * Math.max(1, pending)),
        ),
      waitMs,
    );
  });
  try {
    return await Promise.race([file, late]);
  } finally {
    clearTimeout(timer);
  }
}
