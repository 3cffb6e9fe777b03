'use client';

import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { isOneOf, storageKey, storedOptions, type StoredOption } from './reading-options';
import { useUrlParam } from './use-url-param';

const EVENT = 'bilingual:storedoption';

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

function readStored(option: StoredOption): string | null {
  try {
    return window.localStorage.getItem(storageKey(option));
  } catch {
    return null;
  }
}

/**
 * A reading option kept across visits (text size, theme): the URL's value when it names a valid
 * one, else the one kept in localStorage, else null (the default). Setting it writes both, and
 * the option's attribute on <html> follows (the head script set it before the first paint).
 */
export function useStoredOption(option: StoredOption): [string | null, (value: string | null) => void] {
  const { values, attribute } = storedOptions[option];
  const [param, setParam] = useUrlParam(option);
  const stored = useSyncExternalStore(
    subscribe,
    () => readStored(option),
    () => null,
  );
  const value = isOneOf(values, param) ? param : isOneOf(values, stored) ? stored : null;

  useEffect(() => {
    // Read from the window rather than from `value`: the render during hydration sees null for
    // both sources, and must not undo what the head script set.
    const fromUrl = new URLSearchParams(window.location.search).get(option);
    const fromStorage = readStored(option);
    const current = isOneOf(values, fromUrl) ? fromUrl : isOneOf(values, fromStorage) ? fromStorage : null;
    if (current) document.documentElement.setAttribute(attribute, current);
    else document.documentElement.removeAttribute(attribute);
  }, [attribute, option, values, value]);

  const set = useCallback(
    (next: string | null) => {
      const valid = isOneOf(values, next) ? next : null;
      try {
        if (valid) window.localStorage.setItem(storageKey(option), valid);
        else window.localStorage.removeItem(storageKey(option));
      } catch {
        // Storage refused (private mode): the choice still holds for this page through the URL.
      }
      setParam(valid);
      window.dispatchEvent(new Event(EVENT));
    },
    [option, setParam, values],
  );
  return [value, set];
}
