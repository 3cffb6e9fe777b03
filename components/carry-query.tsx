'use client';

import { useEffect } from 'react';
import { withReadingQuery } from '@/lib/library/reading-url';

/**
 * Links marked `data-carry-query` (section links: contents, previous, next; on a paragraph's
 * page its previous, next, breadcrumb and link into its text; the site name, to the library,
 * and the library's titles) take the current reading options with them (`?layout=`, `?pinyin=`, the
 * script, tones, notation, size, theme: lib/library/reading-url.ts). The href is brought up to
 * date when the link is pointed at, focused or clicked, so opening it in a new tab carries them too.
 * Mounted once, by the layout, for every page.
 */
export function CarryQuery() {
  useEffect(() => {
    const update = (event: Event) => {
      const link = (event.target as Element | null)?.closest?.('a[data-carry-query]');
      if (!(link instanceof HTMLAnchorElement)) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      link.href = withReadingQuery(url.pathname + url.search + url.hash, window.location.search);
    };
    const events = ['pointerdown', 'focusin', 'click', 'contextmenu', 'mouseover'];
    for (const name of events) document.addEventListener(name, update, true);
    return () => {
      for (const name of events) document.removeEventListener(name, update, true);
    };
  }, []);
  return null;
}
