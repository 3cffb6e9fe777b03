import 'server-only';
import { writeFile } from 'node:fs/promises';
import { glossPath, glossStatePath } from './glosses';
import { writeTextFile } from './json';
import { contentDir, displayPath, textFilePath } from './paths';
import type { SourceFile } from './sources';

/** Where a new text's source is written: `content/<slug>.md`. */
export function newSourceFile(slug: string): SourceFile {
  const absolutePath = textFilePath(contentDir(), slug, '.md');
  return { slug, file: displayPath(absolutePath), absolutePath };
}

/** Writes a text's source atomically (UTF-8, the text as given). */
export async function writeSourceText(source: SourceFile, text: string): Promise<void> {
  await writeTextFile(source.absolutePath, text);
}

/** Creates the empty gloss and state files of a new text; an existing file is left as it is. */
export async function createGlossFiles(slug: string, lng: string): Promise<void> {
  for (const file of [glossPath(slug, lng), glossStatePath(slug, lng)]) {
    try {
      await writeFile(file, '{}\n', { encoding: 'utf8', flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
