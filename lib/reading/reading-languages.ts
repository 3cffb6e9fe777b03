/**
 * The target languages a reader chose to read beside the Chinese (`?tl=fr`, `?tl=en,fr`), and
 * whether a missing gloss shows the English as a reference (`?tlref=en`). Pure: used by proxy.ts
 * (which turns the query into a path segment, so each choice is its own cached page) and by the
 * reading pages.
 */
import { DEFAULT_TARGET_LANGUAGE, parseTargetLanguage, type TargetLanguage } from '@/lib/i18n/target-language';

/** At most this many target columns beside the Chinese: more would not fit a row. */
export const MAX_READING_LANGUAGES = 3;

export interface ReadingLanguages {
  /** One to three canonical tags, in the reader's order, no repeats. */
  langs: TargetLanguage[];
  /** Whether a paragraph missing in a column shows the English, muted and labelled, as a reference. */
  reference: boolean;
  /** Whether some of what the reader asked for was dropped (not a tag, more than three, an empty tl). */
  rejected: boolean;
}

/** English alone, without reference: what a reading page shows when nothing else is asked for. */
export const ENGLISH_ALONE: ReadingLanguages = { langs: [DEFAULT_TARGET_LANGUAGE], reference: false, rejected: false };

/** Longest `tl` value looked at: three tags of at most 35 characters and their commas. */
const MAX_PARAM = 3 * 35 + 2;

/**
 * Reads the `tl` and `tlref` parameters of a reading URL. Unknown tags, repeats and a fourth
 * language are dropped and flagged, never an error; nothing usable gives English.
 * `parseReadingLanguages('fr,EN,fr', null)` → `{ langs: ['fr', 'en'], reference: false, rejected: false }`;
 * `parseReadingLanguages('??', null)` → `{ langs: ['en'], reference: false, rejected: true }`.
 */
export function parseReadingLanguages(tl: string | null, ref: string | null = null): ReadingLanguages {
  const reference = ref === DEFAULT_TARGET_LANGUAGE;
  // Any other ref value is a mistake worth saying, but it changes nothing shown.
  let rejected = ref !== null && !reference;
  const langs: TargetLanguage[] = [];
  if (tl !== null) {
    if (tl.length > MAX_PARAM) rejected = true;
    const parts = tl.length > MAX_PARAM ? [] : tl.split(',');
    for (const part of parts) {
      const check = parseTargetLanguage(part);
      if (!check.ok || langs.length >= MAX_READING_LANGUAGES) rejected = true;
      else if (!langs.includes(check.lang)) langs.push(check.lang);
    }
  }
  return { langs: langs.length > 0 ? langs : [DEFAULT_TARGET_LANGUAGE], reference, rejected };
}

/** Whether a choice is what the plain reading page shows: English alone, nothing to say. */
export function isEnglishAlone(choice: ReadingLanguages): boolean {
  return choice.langs.length === 1 && choice.langs[0] === DEFAULT_TARGET_LANGUAGE && !choice.reference && !choice.rejected;
}

/** The path segment a choice is served under: tags joined by `,`, then `~ref`, then `~bad`. */
export function readingLanguagesSegment(choice: ReadingLanguages): string {
  return [choice.langs.join(','), choice.reference ? 'ref' : '', choice.rejected ? 'bad' : ''].filter(Boolean).join('~');
}

/**
 * The choice a path segment names, or undefined when it is not one readingLanguagesSegment
 * writes (a hand-made URL), so a page never trusts it.
 * `parseReadingLanguagesSegment('en,fr~ref')` → `{ langs: ['en', 'fr'], reference: true, rejected: false }`.
 */
export function parseReadingLanguagesSegment(segment: string): ReadingLanguages | undefined {
  const [list = '', ...flags] = decodeURIComponent(segment).split('~');
  if (flags.some((flag) => flag !== 'ref' && flag !== 'bad') || new Set(flags).size !== flags.length) return undefined;
  const parsed = parseReadingLanguages(list);
  const choice: ReadingLanguages = { langs: parsed.langs, reference: flags.includes('ref'), rejected: flags.includes('bad') };
  return !parsed.rejected && readingLanguagesSegment(choice) === decodeURIComponent(segment) ? choice : undefined;
}

/** Scripts and languages written right to left. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm']);

/**
 * The writing direction of a target language, for the cell's `dir`: by its script when the tag
 * names one, else by its language. `textDirection('ar')` → `'rtl'`; `textDirection('az-Arab')` → `'rtl'`;
 * `textDirection('fr')` → `'ltr'`.
 */
export function textDirection(lang: TargetLanguage): 'ltr' | 'rtl' {
  const [language = '', ...rest] = lang.split('-');
  const script = rest.find((part) => /^[A-Z][a-z]{3}$/.test(part));
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** The cookie that remembers a reader's `tl` for the next visit (set by the reading page's control). */
export const READING_LANGUAGES_COOKIE = 'reading-tl';
