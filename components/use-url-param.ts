'use client';

import { useCallback, useSyncExternalStore } from 'react';

const EVENT = 'bilingual:urlchange';

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('popstate', onChange);
  };
}

/**
 * A search parameter of the current URL as React state (null on the server and before
 * hydration), and a setter that rewrites the URL in place, keeping the #fragment.
 */
export function useUrlParam(name: string): [string | null, (value: string | null) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => new URLSearchParams(window.location.search).get(name),
    () => null,
  );
  const set = useCallback(
    (next: string | null) => {
      const url = new URL(window.location.href);
      if (next === null) url.searchParams.delete(name);
      else url.searchParams.set(name, next);
      window.history.replaceState(window.history.state, '', url);
      window.dispatchEvent(new Event(EVENT));
    },
    [name],
  );
  return [value, set];
}
