'use client';

import { useEffect, useRef } from 'react';
import { useTranslation } from '@/components/i18n-provider';

/** Whether a key press is being typed into something (then `/` is a character, not a shortcut). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The search box in the header of every page: a plain GET form to `/search`, so it works before
 * (and without) JavaScript. `/` anywhere else on the page focuses it; Esc leaves it.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <form className="search-box" role="search" action="/search" method="get" data-carry-query="" aria-label={t('search.site')}>
      <label className="visually-hidden" htmlFor="site-search">
        {t('search.boxLabel')}
      </label>
      <input
        ref={input}
        id="site-search"
        type="search"
        name="q"
        maxLength={200}
        placeholder={t('search.placeholder')}
        aria-keyshortcuts="/"
        autoComplete="off"
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
      />
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
}
