'use client';

import { useEffect } from 'react';
import { SCRIPT_PARAM } from './reading-options';
import { useUrlParam } from './use-url-param';

/**
 * Keeps what no component renders in the chosen script as `?script=` changes: `html[data-script]`
 * (set before the first paint by the head script), `title` attributes marked with
 * `data-title-trad`, the printed title's style and the document's title (`documentTitle`: its
 * simplified text and traditional form, where they differ).
 */
export function ScriptMarker({ documentTitle }: { documentTitle?: { simp: string; trad: string } | undefined }) {
  const [script] = useUrlParam(SCRIPT_PARAM);
  useEffect(() => {
    // Read from the URL itself: before hydration has settled, the hook still gives the server's null.
    const trad = new URLSearchParams(window.location.search).get(SCRIPT_PARAM) === 'trad';
    const root = document.documentElement;
    if (trad) root.setAttribute('data-script', 'trad');
    else root.removeAttribute('data-script');
    for (const element of document.querySelectorAll<HTMLElement>('[data-title-trad]')) {
      element.dataset.titleSimp ??= element.title;
      element.title = (trad ? element.dataset.titleTrad : element.dataset.titleSimp) ?? element.title;
    }
    for (const style of document.querySelectorAll<HTMLStyleElement>('style[data-print-title]')) {
      style.media = (style.dataset.printTitle === 'trad') === trad ? 'print' : 'not all';
    }
    if (!documentTitle) return;
    const [from, to] = trad ? [documentTitle.simp, documentTitle.trad] : [documentTitle.trad, documentTitle.simp];
    const retitle = () => {
      if (document.title.includes(from)) document.title = document.title.split(from).join(to);
    };
    retitle();
    // Next.js may set the title after this runs (metadata is streamed in): follow it. Once
    // swapped the title no longer holds `from`, so the observer's own change ends there.
    const observer = new MutationObserver(retitle);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [script, documentTitle]);
  return null;
}
