'use client';

import { useEffect } from 'react';

const EVENTS = ['pointerover', 'focusin', 'keydown'] as const;

/**
 * The sentence highlight of the reading page, one per page, rendering nothing (what it does:
 * sentence-highlight-logic.ts). Its code is fetched on the first pointer, focus or key on the page,
 * or at once in the sentence layout, and then handles the events that came while it loaded.
 */
export function SentenceHighlight() {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    let loading = false;
    let missed: Event[] = [];
    const listen = (on: boolean) => {
      for (const type of EVENTS) {
        if (on) document.addEventListener(type, onEvent);
        else document.removeEventListener(type, onEvent);
      }
    };
    const load = () => {
      if (loading) return;
      loading = true;
      import('./sentence-highlight-logic').then(
        ({ startSentenceHighlight }) => {
          listen(false);
          layout.disconnect();
          if (!cancelled) stop = startSentenceHighlight(missed);
          missed = [];
        },
        () => {
          loading = false; // tried again on the next event
        },
      );
    };
    function onEvent(event: Event) {
      if (event.type !== 'keydown' || ['[', ']'].includes((event as KeyboardEvent).key)) missed = [...missed.slice(-4), event];
      load();
    }
    const layout = new MutationObserver(() => {
      if (document.documentElement.dataset.layout === 'sentences') load();
    });
    layout.observe(document.documentElement, { attributes: true, attributeFilter: ['data-layout'] });
    if (document.documentElement.dataset.layout === 'sentences') load();
    listen(true);
    return () => {
      cancelled = true;
      layout.disconnect();
      listen(false);
      stop?.();
    };
  }, []);
  return null;
}
