/**
 * Target languages: the languages a text's glosses are written in, each a folder
 * `locales/<tag>/` of i18next files. English is the first and the default. Pure: no files.
 */

/** The language glosses were written in before there were others, and still the default. */
export const DEFAULT_TARGET_LANGUAGE = 'en';

/** A canonical BCP 47 tag a text may be translated into (`fr`, `pt-BR`, `zh-Hant`). */
export type TargetLanguage = string;

export type TargetLanguageCheck = { ok: true; lang: TargetLanguage } | { ok: false; error: string };

/**
 * The tags a gloss folder may be named after: language, optional script, optional region,
 * optional variants, as Intl.getCanonicalLocales writes them. No extensions (`-u-…`), no private
 * use (`x-…`): a folder name must mean one language, and only letters, digits and `-` may reach
 * a path.
 */
const FOLDER_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|\d{3}))?(-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*$/;

/** Languages that are not a target: undetermined, no linguistic content, several, uncoded. */
const NOT_A_LANGUAGE = new Set(['und', 'zxx', 'mul', 'mis']);

/**
 * Checks and canonicalises a target language tag. The source is Chinese, and `locales/zh/`
 * holds the interface's Chinese strings, so simplified Chinese (`zh`, `zh-Hans`, `zh-CN`) is
 * refused; traditional Chinese is a target when written with its script, `zh-Hant` (a
 * `zh-Hant-TW` too). `parseTargetLanguage('pt-br')` → `{ ok: true, lang: 'pt-BR' }`;
 * `parseTargetLanguage('../en')` → `{ ok: false, error: … }`.
 */
export function parseTargetLanguage(input: string): TargetLanguageCheck {
  const raw = input.trim();
  if (raw === '') return { ok: false, error: 'No language given: write a BCP 47 tag such as fr, de, pt-BR or zh-Hant' };
  if (raw.length > 35 || !/^[A-Za-z\d-]+$/.test(raw))
    return { ok: false, error: `"${input}" is not a language tag: only letters, digits and "-" (fr, pt-BR, zh-Hant)` };
  let canonical: string;
  try {
    [canonical = ''] = Intl.getCanonicalLocales(raw);
  } catch {
    return { ok: false, error: `"${input}" is not a BCP 47 language tag (fr, de, pt-BR, zh-Hant)` };
  }
  if (!FOLDER_TAG.test(canonical))
    return {
      ok: false,
      error: `"${input}" is not a plain language tag: use language[-Script][-REGION] without extensions (fr, pt-BR, zh-Hant)`,
    };
  const [language = '', ...rest] = canonical.split('-');
  if (NOT_A_LANGUAGE.has(language)) return { ok: false, error: `"${input}" names no language to translate into` };
  if ((language === 'zh' || language === 'cmn') && rest[0] !== 'Hant')
    return {
      ok: false,
      error: `"${input}" is the source's language: the texts are in Chinese. A traditional-character version is zh-Hant`,
    };
  return { ok: true, lang: canonical };
}

/** Whether a string is already a canonical target language tag (a folder name to trust). `isTargetLanguage('fr')` → true; `isTargetLanguage('FR')` → false. */
export function isTargetLanguage(value: string): boolean {
  const check = parseTargetLanguage(value);
  return check.ok && check.lang === value;
}

/**
 * A language's name in the interface language `ui`, or the tag itself when the runtime has no
 * name for it. `targetLanguageName('fr', 'en')` → `'French'`; `targetLanguageName('fr', 'zh')` → `'法语'`.
 */
export function targetLanguageName(lang: TargetLanguage, ui: string = DEFAULT_TARGET_LANGUAGE): string {
  try {
    return new Intl.DisplayNames([ui], { type: 'language', fallback: 'code' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
