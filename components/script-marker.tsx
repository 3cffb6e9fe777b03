'use client';

import { useEffect } from 'react';
import type { ChineseScript } from '@/lib/annotate/types';
import { SCRIPT_PARAM } from './reading-options';
import { useUrlParam } from './use-url-param';

/**
 * Keeps what no component renders in the chosen script as `?script=` changes: `html[data-script]`
 * (set before the first paint by the head script), `title` attributes marked with
 * `data-title-trad` or `data-title-simp`, the printed title's style and the document's title
 * (`documentTitle`: its two forms, where they differ). `source` is the script the text is written in,
 * shown when nothing is chosen.
 */
export function ScriptMarker({
  source = 'simp',
  documentTitle,
}: {
  source?: ChineseScript;
  documentTitle?: { simp: string; trad: string } | undefined;
}) {
  const [script] = useUrlParam(SCRIPT_PARAM);
  useEffect(() => {
    // Read from the URL itself: before hydration has settled, the hook still gives the server's null.
    const param = new URLSearchParams(window.location.search).get(SCRIPT_PARAM);
    const chosen = param === 'trad' || param === 'simp' ? param : null;
    const shown = chosen ?? source;
    const root = document.documentElement;
    if (chosen) root.setAttribute('data-script', chosen);
    else root.removeAttribute('data-script');
    for (const element of document.querySelectorAll<HTMLElement>('[data-title-trad], [data-title-simp]')) {
      element.dataset.titleAsWritten ??= element.title;
      const other = chosen === 'trad' ? element.dataset.titleTrad : chosen === 'simp' ? element.dataset.titleSimp : undefined;
      element.title = other ?? element.dataset.titleAsWritten;
    }
    for (const style of document.querySelectorAll<HTMLStyleElement>('style[data-print-title]')) {
      style.media = style.dataset.printTitle === shown ? 'print' : 'not all';
    }
    if (!documentTitle) return;
    const [from, to] = shown === 'trad' ? [documentTitle.simp, documentTitle.trad] : [documentTitle.trad, documentTitle.simp];
    const retitle = () => {
      if (document.title.includes(from)) document.title = document.title.split(from).join(to);
    };
    retitle();
    // Next.js may set the title after this runs (metadata is streamed in): follow it. Once
    // swapped the title no longer holds `from`, so the observer's own change ends there.
    const observer = new MutationObserver(retitle);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [script, source, documentTitle]);
  return null;
}
