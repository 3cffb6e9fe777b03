import 'server-only';
import { lstat, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_TARGET_LANGUAGE, isTargetLanguage, type TargetLanguage } from '@/lib/i18n/target-language';
import { StoreWriteError } from './errors';
import { glossPath, glossStatePath } from './glosses';
import { dataRoot, displayPath, localeDir } from './paths';

/** The folders of `locales/` that may hold glosses: canonical target tags (so never `zh/`, the interface's Chinese). */
export async function listLanguageFolders(): Promise<TargetLanguage[]> {
  return (await localeFolderNames()).filter(isTargetLanguage);
}

/** Every name in `locales/`, sorted (language folders and anything else put there); none when it is missing. */
export async function localeFolderNames(): Promise<string[]> {
  try {
    return (await readdir(path.join(dataRoot(), 'locales'))).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Whether `locales/<lang>/<slug>.json` is a file (a symbolic link is not). */
export async function hasGlossFile(slug: string, lang: TargetLanguage): Promise<boolean> {
  try {
    return (await lstat(glossPath(slug, lang))).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
}

/**
 * The languages a text is translated into: English always (it stays where it always was, even
 * before its gloss file exists), then each other folder of `locales/` with a `<slug>.json`, in
 * tag order. `textLanguages('karpathy-no-priors')` → `['en', 'fr']`.
 */
export async function textLanguages(slug: string): Promise<TargetLanguage[]> {
  const others = (await listLanguageFolders()).filter((lang) => lang !== DEFAULT_TARGET_LANGUAGE);
  const present = await Promise.all(others.map(async (lang) => ((await hasGlossFile(slug, lang)) ? [lang] : [])));
  return [DEFAULT_TARGET_LANGUAGE, ...present.flat()];
}

/** Whether a text has the language `lang` (English always). */
export async function textHasLanguage(slug: string, lang: TargetLanguage): Promise<boolean> {
  return lang === DEFAULT_TARGET_LANGUAGE || (isTargetLanguage(lang) && (await hasGlossFile(slug, lang)));
}

/**
 * Creates a language's empty gloss and state files for a text (`{}`: every gloss untranslated),
 * and its folder if need be. Never overwrites: a file already there is an error (EEXIST, as a
 * StoreWriteError); the caller holds the text's lock and checked first.
 */
export async function createLanguageFiles(slug: string, lang: TargetLanguage): Promise<string[]> {
  const files = [glossPath(slug, lang), glossStatePath(slug, lang)];
  for (const file of files) {
    try {
      await mkdir(localeDir(lang), { recursive: true });
      await writeFile(file, '{}\n', { encoding: 'utf8', flag: 'wx' });
    } catch (error) {
      throw StoreWriteError.from(displayPath(file), error);
    }
  }
  return files.map(displayPath);
}

/** Every file of a text in one language's folder: `locales/<lang>/<slug>.*` (glosses, states, journal, history, notes…). Absolute paths, sorted. */
export async function languageFilePaths(slug: string, lang: TargetLanguage): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(localeDir(lang));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => name.startsWith(`${slug}.`) && !name.includes('.tmp'))
    .map((name) => path.join(localeDir(lang), name))
    .sort();
}
