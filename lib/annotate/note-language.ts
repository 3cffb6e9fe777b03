/**
 * Which target language a note (or a comment) is written in when it is started from a reading
 * page that shows one or more target columns (`?tl=en,fr`). Pure: the page says which cell the
 * passage was selected in and which languages its row shows, the caller says what the role may do.
 */

/** Where a passage was selected: the Chinese cell, or a target cell of language `lang`. */
export type SelectedColumn = { column: 'zh' } | { column: 'target'; lang: string };

/**
 * The language a note on this passage goes to, or undefined when the role may write in none:
 * a target cell's own language; for the Chinese, the first language the row shows that the role
 * may write in (the English when the page shows no target columns).
 * `noteLanguage({ column: 'zh' }, ['en', 'fr'], (l) => l === 'fr')` → `'fr'`.
 */
export function noteLanguage(
  selected: SelectedColumn,
  shown: readonly string[],
  may: (lang: string) => boolean,
): string | undefined {
  if (selected.column === 'target') return may(selected.lang) ? selected.lang : undefined;
  const languages = shown.length > 0 ? shown : ['en'];
  return languages.find((lang) => may(lang));
}

/** The marker of a note or thread in another language than English, so ids never clash: `('fr', 'n3')` → `'fr-n3'`. */
export function languageKey(lang: string, id: string): string {
  return lang === 'en' ? id : `${lang}-${id}`;
}
