'use client';

import { lazy, Suspense } from 'react';
import { useEditing } from '@/components/edit/editing-context';

const ExchangePanel = lazy(() => import('./exchange-panel').then((m) => ({ default: m.ExchangePanel })));

/** The XLIFF import panel, fetched only when someone who may edit is signed in. */
export function ExchangeForEditors() {
  if (!useEditing()) return null;
  return (
    <Suspense fallback={null}>
      <ExchangePanel />
    </Suspense>
  );
}
