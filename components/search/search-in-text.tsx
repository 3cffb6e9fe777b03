import type { TFunction } from 'i18next';

/** "Search in this text" on the reading page: the search form limited to one text. */
export function SearchInText({ slug, t }: { slug: string; t: TFunction }) {
  return (
    <form
      className="search-in-text"
      role="search"
      action="/search"
      method="get"
      data-carry-query=""
      aria-label={t('search.inThisText')}
    >
      <input type="hidden" name="text" value={slug} />
      <label className="visually-hidden" htmlFor="search-in-text">
        {t('search.inThisText')}
      </label>
      <input
        id="search-in-text"
        type="search"
        name="q"
        maxLength={200}
        placeholder={t('search.inThisTextPlaceholder')}
        autoComplete="off"
      />
      <button type="submit">{t('search.inThisText')}</button>
    </form>
  );
}
