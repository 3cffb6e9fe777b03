'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { POPOVER_ID, type Popover } from './annotation-context';

/** How long the pointer may leave a word or its popover before the popover closes. */
const CLOSE_DELAY_MS = 250;

/**
 * The one open popover of the page and how it opens and closes: hover opens it (closing soon
 * after the pointer leaves), focus and clicks pin it; Esc closes it from anywhere (handing focus
 * back to its word when focus was inside), a tap or click outside closes it. While open, its
 * anchor says so to assistive technology.
 */
export function usePopover() {
  const [popover, setPopover] = useState<Popover | null>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Set while focus is handed back to a word after Esc, so that focusing it does not reopen the popover.
  const returningFocus = useRef(false);

  const open = useCallback((next: Popover) => {
    if (returningFocus.current) return;
    clearTimeout(closeTimer.current);
    // A pinned popover stays pinned while the pointer passes over words, its own included.
    setPopover((current) => (current?.pinned && !next.pinned ? current : next));
  }, []);
  const close = useCallback(() => {
    clearTimeout(closeTimer.current);
    setPopover(null);
  }, []);
  const closeSoon = useCallback(() => {
    clearTimeout(closeTimer.current);
    closeTimer.current = setTimeout(() => setPopover((current) => (current?.pinned ? current : null)), CLOSE_DELAY_MS);
  }, []);
  const keepOpen = useCallback(() => clearTimeout(closeTimer.current), []);
  useEffect(() => () => clearTimeout(closeTimer.current), []);

  useEffect(() => {
    if (!popover) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const anchor = popover.anchor;
      const focusInside = document.getElementById(POPOVER_ID)?.contains(document.activeElement) ?? false;
      close();
      if (focusInside) {
        returningFocus.current = true;
        anchor.focus();
        returningFocus.current = false;
      }
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (popover.anchor.contains(target) || document.getElementById(POPOVER_ID)?.contains(target)) return;
      close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [popover, close]);

  // The element the popover belongs to says so while it is open (set here, on one element,
  // rather than on every word of the text).
  useEffect(() => {
    const anchor = popover?.anchor;
    if (!anchor) return;
    const isButton = anchor.tagName === 'BUTTON';
    anchor.setAttribute('data-open', '');
    anchor.setAttribute('aria-describedby', POPOVER_ID);
    if (isButton) anchor.setAttribute('aria-expanded', 'true');
    return () => {
      anchor.removeAttribute('data-open');
      anchor.removeAttribute('aria-describedby');
      if (isButton) anchor.setAttribute('aria-expanded', 'false');
    };
  }, [popover]);

  return { popover, open, close, closeSoon, keepOpen };
}
