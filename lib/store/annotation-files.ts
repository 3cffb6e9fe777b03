import 'server-only';
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { serializeEntryFile } from '@/lib/annotate/glossary-edit';
import { appendLines } from './append-file';
import { acquireFileLock } from './file-lock';
import { readJsonLines } from './json-lines';
import { writeTextFile } from './json';
import { withLock } from './lock';
import { contentDir, dataRoot, localeDir, textFilePath } from './paths';

/**
 * Writing what translators add around the glosses: notes, glossaries and word lists, each file
 * replaced atomically, and a line per change in a change log beside the source
 * (`content/<slug>.annotations.jsonl`; `content/_shared.annotations.jsonl` for the shared
 * glossary), appended first and cut back if the file then cannot be written.
 */

/** One line of an annotation change log. */
export const annotationChangeSchema = z.object({
  time: z.string(),
  editor: z.string(),
  kind: z.enum(['note', 'glossary', 'terms']),
  /** The target language of a note or glossary entry. */
  lang: z.string().optional(),
  /** The note id, the term, or the text's slug for its word list. */
  key: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** The revision after the change ('' when removed). */
  revision: z.string(),
});
export type AnnotationChange = z.infer<typeof annotationChangeSchema>;

/** The change log of one text, or of the shared glossary (`slug` undefined). */
export function annotationLogPath(slug: string | undefined): string {
  return slug === undefined
    ? path.join(contentDir(), '_shared.annotations.jsonl')
    : textFilePath(contentDir(), slug, '.annotations.jsonl');
}

/** `content/<slug>.terms`: the words the segmenter keeps whole in one text. */
export function wordListPath(slug: string): string {
  return textFilePath(contentDir(), slug, '.terms');
}

/**
 * Logs a change, then writes the file's new text atomically; when the write fails the log line
 * is taken back and the StoreWriteError thrown. Call under the lock of what is changed.
 */
export async function writeWithChange(
  file: string,
  text: string,
  change: AnnotationChange,
  slug: string | undefined,
): Promise<void> {
  const logged = await appendLines(annotationLogPath(slug), `${JSON.stringify(change)}\n`);
  try {
    await writeTextFile(file, text);
  } catch (error) {
    await logged.undo();
    throw error;
  }
}

/** A keyed entry file (notes, glossary) as JSON, one entry a line. */
export function entryFileText(entries: Readonly<Record<string, unknown>>): string {
  return serializeEntryFile(entries);
}

/** The change log of a text (or the shared glossary), oldest first; lines that do not parse are skipped. */
export function readAnnotationChanges(slug: string | undefined): Promise<AnnotationChange[]> {
  return readJsonLines(annotationLogPath(slug), annotationChangeSchema);
}

/**
 * Runs `task` holding the shared glossary's lock, shared by every process on this data folder
 * (the texts' own locks do not cover a file every text reads).
 */
export async function withSharedGlossaryLock<T>(task: () => Promise<T>): Promise<T> {
  return withLock('shared-glossary', async () => {
    const lock = await acquireFileLock(path.join(dataRoot(), '.locks', '_shared-glossary.lock'));
    try {
      return await task();
    } finally {
      await lock.release();
    }
  });
}

/** Whether `locales/<lng>/` exists: a shared glossary can only be written for a language some text has. */
export async function hasLocaleFolder(lng: string): Promise<boolean> {
  return (await stat(localeDir(lng)).catch(() => undefined))?.isDirectory() ?? false;
}
