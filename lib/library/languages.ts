import 'server-only';
import {
  DEFAULT_TARGET_LANGUAGE,
  parseTargetLanguage,
  targetLanguageName,
  type TargetLanguage,
} from '@/lib/i18n/target-language';
import { archiveTextFiles } from '@/lib/store/archive';
import { StoreWriteError } from '@/lib/store/errors';
import { createLanguageFiles, hasGlossFile, languageFilePaths, textLanguages } from '@/lib/store/languages';
import { withTextLock } from '@/lib/store/lock';
import { displayPath } from '@/lib/store/paths';
import { findSource, isSlug } from '@/lib/store/sources';
import { loadText, type Progress } from './load';

export type LanguageFailure = { ok: false; kind: 'invalid' | 'not-found' | 'exists' | 'store'; error: string };

export type AddLanguageResult = { ok: true; slug: string; lang: TargetLanguage; files: string[] } | LanguageFailure;

export type RemoveLanguageResult =
  { ok: true; slug: string; lang: TargetLanguage; files: string[]; archive?: string; dryRun: boolean } | LanguageFailure;

export interface TextLanguage {
  lang: TargetLanguage;
  /** The language's name in English (`French`). */
  name: string;
  progress: Progress;
}

/** The slug, the text and the tag checked, in that order; the tag canonical. */
async function checked(slug: string, input: string): Promise<{ ok: true; lang: TargetLanguage } | LanguageFailure> {
  if (!isSlug(slug) || !(await findSource(slug))) return { ok: false, kind: 'not-found', error: `No text "${slug}" in content/` };
  const tag = parseTargetLanguage(input);
  if (!tag.ok) return { ok: false, kind: 'invalid', error: tag.error };
  return tag;
}

function storeFailure(error: unknown): LanguageFailure {
  if (error instanceof StoreWriteError) return { ok: false, kind: 'store', error: `Nothing was changed: ${error.message}` };
  throw error;
}

/**
 * Adds a target language to a text: its empty gloss and state files in `locales/<lang>/`, so
 * every paragraph starts untranslated (English is never copied in). Refuses a tag that is not a
 * language, an unknown text, and a language the text has. Under the text's lock.
 * `addLanguage('karpathy-no-priors', 'fr')` → `{ ok: true, lang: 'fr', files: ['locales/fr/karpathy-no-priors.json', …] }`.
 */
export async function addLanguage(slug: string, input: string): Promise<AddLanguageResult> {
  const tag = await checked(slug, input);
  if (!tag.ok) return tag;
  const { lang } = tag;
  const name = `${targetLanguageName(lang)} (${lang})`;
  if (lang === DEFAULT_TARGET_LANGUAGE) return { ok: false, kind: 'exists', error: `Every text has English: nothing to add` };
  try {
    return await withTextLock(slug, async (): Promise<AddLanguageResult> => {
      if (await hasGlossFile(slug, lang)) return { ok: false, kind: 'exists', error: `"${slug}" already has ${name}` };
      const leftovers = await languageFilePaths(slug, lang);
      if (leftovers.length > 0)
        return {
          ok: false,
          kind: 'exists',
          error: `locales/${lang}/ already holds files of "${slug}" (${leftovers.map(displayPath).join(', ')}): move them away first`,
        };
      return { ok: true, slug, lang, files: await createLanguageFiles(slug, lang) };
    });
  } catch (error) {
    return storeFailure(error);
  }
}

/**
 * Takes a language away from a text without losing anything: under the text's lock, its files
 * (`locales/<lang>/<slug>.*`: glosses, states, journal, history, notes) move to
 * `removed/<slug>-<lang>-<time>/`, as `npm run remove` does for a whole text. English cannot be
 * removed (that is removing the text). `dryRun` lists the files only.
 */
export async function removeLanguage(
  slug: string,
  input: string,
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<RemoveLanguageResult> {
  const tag = await checked(slug, input);
  if (!tag.ok) return tag;
  const { lang } = tag;
  if (lang === DEFAULT_TARGET_LANGUAGE)
    return {
      ok: false,
      kind: 'invalid',
      error: `English cannot be taken from a text: npm run remove -- ${slug} removes the text`,
    };
  try {
    return await withTextLock(slug, async (): Promise<RemoveLanguageResult> => {
      const files = await languageFilePaths(slug, lang);
      if (!(await hasGlossFile(slug, lang)) && files.length === 0)
        return { ok: false, kind: 'not-found', error: `"${slug}" has no ${targetLanguageName(lang)} (${lang})` };
      const shown = files.map(displayPath);
      if (options.dryRun) return { ok: true, slug, lang, files: shown, dryRun: true };
      const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
      const archive = await archiveTextFiles(`${slug}-${lang}`, files, stamp);
      return { ok: true, slug, lang, files: shown, archive, dryRun: false };
    });
  } catch (error) {
    return storeFailure(error);
  }
}

/**
 * The languages of a text with their progress, English first; `undefined` for an unknown text.
 * `listLanguages('karpathy-no-priors')` → `[{ lang: 'en', name: 'English', progress: { glossed: 40, total: 40 } }, …]`.
 */
export async function listLanguages(slug: string): Promise<TextLanguage[] | undefined> {
  if (!isSlug(slug) || !(await findSource(slug))) return undefined;
  const languages = await textLanguages(slug);
  const rows = await Promise.all(
    languages.map(async (lang) => {
      const loaded = await loadText(slug, { lang });
      const progress = loaded?.ok ? loaded.text.progress : { glossed: 0, total: 0 };
      return { lang, name: targetLanguageName(lang), progress };
    }),
  );
  return rows;
}

/**
 * The languages besides English of each of the given texts, with their progress, for the library
 * page; a text with English alone is left out. `otherLanguages(['karpathy-no-priors'])` →
 * `{ 'karpathy-no-priors': [{ lang: 'fr', name: 'French', progress: { glossed: 3, total: 50 } }] }`.
 */
export async function otherLanguages(slugs: readonly string[]): Promise<Record<string, TextLanguage[]>> {
  const rows = await Promise.all(
    slugs.map(
      async (slug) => [slug, ((await listLanguages(slug)) ?? []).filter((l) => l.lang !== DEFAULT_TARGET_LANGUAGE)] as const,
    ),
  );
  return Object.fromEntries(rows.filter(([, languages]) => languages.length > 0));
}
