'use client';

import { lazy, Suspense } from 'react';
import { useSession } from '../session-provider';

const SuggestionsPanel = lazy(() => import('./suggestions-panel').then((m) => ({ default: m.SuggestionsPanel })));

/** A paragraph's suggestions, fetched only for someone signed in (anonymous readers see none). */
export function SuggestionsForMembers({ slug, id }: { slug: string; id: string }) {
  if (!useSession()?.viewer) return null;
  return (
    <Suspense fallback={null}>
      <SuggestionsPanel slug={slug} id={id} />
    </Suspense>
  );
}
