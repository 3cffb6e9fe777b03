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
 * screen). Null until measured (the card stays hidden until then).
 */
export function usePlacement(card: RefObject<HTMLElement | null>, anchor: HTMLElement, key: unknown) {
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const element = card.current;
    if (!element) return;
    const place = () => {
      const rect = anchor.getBoundingClientRect();
      const roomBelow = window.innerHeight - rect.bottom - GAP - MARGIN;
      const roomAbove = rect.top - GAP - MARGIN;
      element.style.maxHeight = `${Math.max(roomBelow, roomAbove, MIN_HEIGHT)}px`;
      const { width, height } = element.getBoundingClientRect();
      const below = height <= roomBelow || roomBelow >= roomAbove;
      const top = (below ? rect.bottom + GAP : rect.top - GAP - height) + window.scrollY;
      const right = Math.max(MARGIN, document.documentElement.clientWidth - width - MARGIN);
      const left = Math.min(Math.max(rect.left, MARGIN), right) + window.scrollX;
      setPosition({ top, left });
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, { passive: true });
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place);
    };
  }, [card, anchor, key]);
  return position;
}
