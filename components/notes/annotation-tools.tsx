'use client';

import { createContext, lazy, Suspense, useContext, useState, type ReactNode } from 'react';
import { useEditing } from '@/components/edit/editing-context';
import type { AnnotationToolsValue } from './annotation-tools-value';

export { ANNOTATION_LANG, type AnnotationToolsValue, type NoteDraft } from './annotation-tools-value';

const AnnotationToolsContext = createContext<AnnotationToolsValue | null>(null);

/** The translator's tools on notes and words, or null for someone who may not use them. */
export function useAnnotationTools(): AnnotationToolsValue | null {
  return useContext(AnnotationToolsContext);
}

// The tools themselves (selection toolbar, note form, the API client) load only for someone who edits.
const ActiveTools = lazy(async () => ({ default: (await import('./annotation-tools-active')).ActiveAnnotationTools }));

/**
 * For translators on the reading page: a small toolbar beside a selected passage (“Add a
 * translator's note”, and for the Chinese “Treat as one word”), the form a note is written in,
 * and what the word and note popovers use to change words and notes (annotation-tools-active.tsx,
 * fetched once the page knows its reader edits). Readers get the page with none of it.
 */
export function AnnotationTools({ children }: { children: ReactNode }) {
  const editing = useEditing();
  const [value, setValue] = useState<AnnotationToolsValue | null>(null);
  return (
    <AnnotationToolsContext.Provider value={editing ? value : null}>
      {children}
      {editing && (
        <Suspense fallback={null}>
          <ActiveTools editing={editing} onValue={setValue} />
        </Suspense>
      )}
    </AnnotationToolsContext.Provider>
  );
}
