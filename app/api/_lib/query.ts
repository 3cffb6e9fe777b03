import { DEFAULT_TARGET_LANGUAGE, parseTargetLanguage, type TargetLanguage } from '@/lib/i18n/target-language';

/** A query parameter as given, or undefined when absent or empty. */
export function queryValue(url: URL, name: string): string | undefined {
  const value = url.searchParams.get(name);
  return value === null || value.trim() === '' ? undefined : value;
}

/** A yes/no query flag: `1`, `true` or `yes`. */
export function queryFlag(url: URL, name: string): boolean {
  return ['1', 'true', 'yes'].includes((url.searchParams.get(name) ?? '').toLowerCase());
}

/**
 * The target language a request asks for with `?lang=`: English when absent (`given` false), the
 * canonical tag when valid (`?lang=pt-br` → `pt-BR`), else why not. Only one value is allowed.
 */
export function languageQuery(url: URL): { ok: true; lang: TargetLanguage; given: boolean } | { ok: false; error: string } {
  const values = url.searchParams.getAll('lang');
  if (values.length === 0) return { ok: true, lang: DEFAULT_TARGET_LANGUAGE, given: false };
  if (values.length > 1) return { ok: false, error: 'Give one language: ?lang=fr' };
  const check = parseTargetLanguage(values[0] ?? '');
  return check.ok ? { ok: true, lang: check.lang, given: true } : { ok: false, error: `Bad lang: ${check.error}` };
}

/** What a download's file name gains for a target language: nothing for English (names as before), `.fr` for French. */
export function languageSuffix(lang: TargetLanguage): string {
  return lang === DEFAULT_TARGET_LANGUAGE ? '' : `.${lang}`;
}
