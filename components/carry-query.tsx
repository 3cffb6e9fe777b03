'use client';

import { useEffect } from 'react';
import { carriedQuery, withReadingQuery } from '@/lib/reading/reading-url';

/**
 * Links marked `data-carry-query` (section links: contents, previous, next; on a paragraph's
 * page its previous, next, breadcrumb and link into its text; the site name, to the library,
 * and the library's titles) take the current reading options with them (`?layout=`, `?pinyin=`, the
 * script, tones, notation, size, theme: lib/reading/reading-url.ts). The href is brought up to
 * date when the link is pointed at, focused or clicked, so opening it in a new tab carries them too.
 * Forms marked so (the search boxes) send the options along as hidden fields, so search results
 * lead back to the text as it was being read (`?tl=fr` among them).
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
    const carryForm = (event: Event) => {
      const form = (event.target as Element | null)?.closest?.('form[data-carry-query]');
      if (!(form instanceof HTMLFormElement)) return;
      for (const [name, value] of new URLSearchParams(carriedQuery(window.location.search))) {
        if (form.elements.namedItem(name)) continue;
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.append(input);
      }
    };
    const events = ['pointerdown', 'focusin', 'click', 'contextmenu', 'mouseover'];
    for (const name of events) document.addEventListener(name, update, true);
    document.addEventListener('submit', carryForm, true);
    return () => {
      for (const name of events) document.removeEventListener(name, update, true);
      document.removeEventListener('submit', carryForm, true);
    };
  }, []);
  return null;
}
