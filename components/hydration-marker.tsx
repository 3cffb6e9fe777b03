'use client';
import { useEffect } from 'react';

/**
 * Sets `data-hydrated` on <html> once React has hydrated the page, so end-to-end tests (and
 * scripts) can wait for the interactive page rather than for server HTML that looks the same.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.setAttribute('data-hydrated', '');
  }, []);
  return null;
}
