'use client';

import { lazy, Suspense } from 'react';
import { useEditing } from '@/components/edit/editing-context';

const GlossaryPanel = lazy(() => import('./glossary-panel').then((m) => ({ default: m.GlossaryPanel })));

/** The glossary panel, fetched only when someone who may edit is signed in. */
export function GlossaryForEditors() {
  if (!useEditing()) return null;
  return (
    <Suspense fallback={null}>
      <GlossaryPanel />
    </Suspense>
  );
}
