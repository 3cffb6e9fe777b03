'use client';

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Arrow keys move through the results (↓ / ↑ from one result's link to the next, Home and End
 * to the first and last); Enter opens the focused one, as on any link. ↓ in a search field of
 * the page (the query, or the header's box) goes to the first result, so the arrows work
 * without tabbing through the filters first.
 */
export function ResultKeys({ children }: { children: ReactNode }) {
  const results = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target;
      if (event.key !== 'ArrowDown' || !(target instanceof HTMLInputElement) || target.type !== 'search') return;
      const first = results.current?.querySelector<HTMLAnchorElement>('a[data-result-link]');
      if (!first) return;
      event.preventDefault();
      first.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];
    if (links.length === 0) return;
    const at = links.findIndex((link) => link === document.activeElement);
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = links.length - 1;
    else if (event.key === 'ArrowDown') next = at < 0 ? 0 : Math.min(at + 1, links.length - 1);
    else next = at < 0 ? 0 : Math.max(at - 1, 0);
    event.preventDefault();
    links[next]?.focus();
  };
  return (
    <div ref={results} className="search-results" onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
