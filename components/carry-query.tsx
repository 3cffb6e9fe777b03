'use client';

import { useEffect } from 'react';

/** The reading options that follow the reader from one section to the next. */
const CARRIED = ['layout', 'pinyin'];

/**
 * Links marked `data-carry-query` (section links: contents, previous, next) take the current
 * `?layout=` and `?pinyin=` with them. The href is brought up to date when the link is pointed
 * at, focused or clicked, so opening it in a new tab carries them too.
 */
export function CarryQuery() {
  useEffect(() => {
    const update = (event: Event) => {
      const link = (event.target as Element | null)?.closest?.('a[data-carry-query]');
      if (!(link instanceof HTMLAnchorElement)) return;
      const current = new URLSearchParams(window.location.search);
      const url = new URL(link.href, window.location.href);
      for (const name of CARRIED) {
        const value = current.get(name);
        if (value === null) url.searchParams.delete(name);
        else url.searchParams.set(name, value);
      }
      link.href = url.pathname + url.search + url.hash;
    };
    const events = ['pointerdown', 'focusin', 'click', 'contextmenu', 'mouseover'];
    for (const name of events) document.addEventListener(name, update, true);
    return () => {
      for (const name of events) document.removeEventListener(name, update, true);
    };
  }, []);
  return null;
}
