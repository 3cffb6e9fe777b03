'use client';

import { useLayoutEffect, useState, type RefObject } from 'react';

const GAP = 6;
const MARGIN = 8;
/** The least a card is cut to, however little room there is (it then scrolls with the page). */
const MIN_HEIGHT = 120;

/**
 * Where a card goes beside its anchor: below it, or above when there is no room below; never
 * over it; inside the viewport. A card taller than the room on either side is limited to the
 * larger one and scrolls (a word with many senses, notes and tools in the middle of a short
 * screen). Placed again when the page scrolls or resizes and when the card or its anchor changes
 * size (a card whose senses or tools arrive after it opened grows; placed above its word, it
 * would grow down over it). Null until measured (the card stays hidden until then).
 */
export function usePlacement(card: RefObject<HTMLElement | null>, anchor: HTMLElement, key: unknown) {
  const [position, setPosition] = useState<{ top: number; left: number; maxHeight?: number } | null>(null);
  useLayoutEffect(() => {
    const element = card.current;
    if (!element) return;
    const place = () => {
      const rect = anchor.getBoundingClientRect();
      const roomBelow = window.innerHeight - rect.bottom - GAP - MARGIN;
      const roomAbove = rect.top - GAP - MARGIN;
      const { width } = element.getBoundingClientRect();
      // The card's whole height, whatever max-height it was given before (scrollHeight, and its borders).
      const natural = element.scrollHeight + element.offsetHeight - element.clientHeight;
      const below = natural <= roomBelow || (natural > roomAbove && roomBelow >= roomAbove);
      const room = Math.max(below ? roomBelow : roomAbove, MIN_HEIGHT);
      const height = Math.min(natural, room);
      const top = (below ? rect.bottom + GAP : rect.top - GAP - height) + window.scrollY;
      const right = Math.max(MARGIN, document.documentElement.clientWidth - width - MARGIN);
      const left = Math.min(Math.max(rect.left, MARGIN), right) + window.scrollX;
      const next = natural > room ? { top, left, maxHeight: room } : { top, left };
      setPosition((current) =>
        current && current.top === next.top && current.left === next.left && current.maxHeight === next.maxHeight
          ? current
          : next,
      );
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(place);
    resized?.observe(element);
    resized?.observe(anchor);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place);
      resized?.disconnect();
    };
  }, [card, anchor, key]);
  return position;
}
