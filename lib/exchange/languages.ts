import { DEFAULT_TARGET_LANGUAGE, targetLanguageName, type TargetLanguage } from '@/lib/i18n/target-language';

/** A tag's language, script (filled in from likely subtags) and region, or undefined when it is no tag. */
function subtags(tag: string): { language: string; script?: string; region?: string } | undefined {
  try {
    const locale = new Intl.Locale(tag.trim());
    const script = locale.script ?? locale.maximize().script;
    return { language: locale.language, ...(script ? { script } : {}), ...(locale.region ? { region: locale.region } : {}) };
  } catch {
    return undefined;
  }
}

/** `French (fr)`: a language named for a message. */
export function describeLanguage(tag: string): string {
  return `${targetLanguageName(tag)} (${tag})`;
}

/**
 * Whether an exchange file's target language (as a CAT tool wrote it) is the target language
 * `lang` an import is for. Case and canonical form do not count (`pt-br` is `pt-BR`); a file may
 * name a region the language was not asked with (`fr-FR`, `fr-CA` for `fr`; `en-US` for `en`),
 * but a region asked for must be the file's (`pt-PT` is not `pt-BR`), and the scripts must agree
 * (`zh-TW` is `zh-Hant`, `zh-CN` is not). `fileLanguageMatches('fr-FR', 'fr')` → true;
 * `fileLanguageMatches('de', 'fr')` → false.
 */
export function fileLanguageMatches(fileTag: string, lang: TargetLanguage): boolean {
  const file = subtags(fileTag);
  const asked = subtags(lang);
  if (!file || !asked) return false;
  if (file.language !== asked.language || file.script !== asked.script) return false;
  return asked.region === undefined || file.region === asked.region;
}

/**
 * Why an XLIFF file cannot be imported into target language `lang`, or undefined when its
 * languages fit: the source must be Chinese and the target, when the file names one, `lang`
 * (see fileLanguageMatches). The message names both languages.
 * `checkFileLanguages({ sourceLanguage: 'zh-CN', targetLanguage: 'de' }, 'fr')` →
 * `'The file translates into German (de), not French (fr), …'`.
 */
export function checkFileLanguages(
  file: { sourceLanguage?: string; targetLanguage?: string },
  lang: TargetLanguage = DEFAULT_TARGET_LANGUAGE,
): string | undefined {
  if (file.sourceLanguage && subtags(file.sourceLanguage)?.language !== 'zh')
    return `The file translates from ${file.sourceLanguage}, not Chinese`;
  if (file.targetLanguage && !fileLanguageMatches(file.targetLanguage, lang)) {
    const named = subtags(file.targetLanguage) ? describeLanguage(file.targetLanguage) : JSON.stringify(file.targetLanguage);
    return `The file translates into ${named}, not ${describeLanguage(lang)}, the language this import is for; nothing was imported`;
  }
  return undefined;
}
