import 'server-only';
import path from 'node:path';

/**
 * The folder holding `content/` and `locales/`. `BILINGUAL_DATA_DIR` points it elsewhere,
 * which is how tests work on a temporary copy of the data.
 */
export function dataRoot(): string {
  // The data folder is chosen at run time, so output tracing must not try to follow it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.BILINGUAL_DATA_DIR ?? process.cwd());
}

export function contentDir(): string {
  return path.join(dataRoot(), 'content');
}

export function localeDir(lng: string): string {
  return path.join(dataRoot(), 'locales', lng);
}

/** A path as shown to people: relative to the data root. */
export function displayPath(file: string): string {
  return path.relative(dataRoot(), file) || file;
}
