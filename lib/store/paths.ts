import 'server-only';
import path from 'node:path';
import { namedError } from '@/lib/named-error';

/**
 * The folder holding `content/` and `locales/`. `BILINGUAL_DATA_DIR` points it elsewhere,
 * which is how tests work on a temporary copy of the data.
 */
export function dataRoot(): string {
  // The data folder is chosen at run time, so output tracing must not try to follow it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.BILINGUAL_DATA_DIR ?? process.cwd());
}

/** Names that `locales/<lng>/` already uses for other files. */
const reservedSlugs = new Set(['common', 'glossary']);

/** Lower-case letters, digits, `-` and `_`, not reserved; what a file name must reduce to, to be served. */
export function isSlug(value: string): boolean {
  return /^[a-z0-9][a-z0-9_-]{0,79}$/.test(value) && !reservedSlugs.has(value);
}

/** A path built from something that is not a slug: refused, so no input can name a file outside the data folder. */
export class InvalidSlugError extends namedError('InvalidSlugError') {
  constructor(readonly slug: string) {
    super(`${JSON.stringify(slug)} is not a text's name (lower-case letters, digits, - and _); no file was opened for it`);
  }
}

/**
 * The file `<folder>/<slug><suffix>` of one text; throws InvalidSlugError unless `slug` is a slug,
 * the store's second line of defence behind the checks at each boundary.
 * `textFilePath('/d/locales/en', 'hong-lou', '.json')` → `/d/locales/en/hong-lou.json`.
 */
export function textFilePath(folder: string, slug: string, suffix: string): string {
  if (!isSlug(slug)) throw new InvalidSlugError(slug);
  return path.join(folder, `${slug}${suffix}`);
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
