'use client';

import { lazy, Suspense, type ReactNode } from 'react';
import { useEditing } from './editing-context';

// The editor's code (the field, history, diff, memory panel) is fetched only once someone who may
// edit is signed in: readers never download it.
const EditableGlossBody = lazy(() => import('./editable-gloss-body').then((m) => ({ default: m.EditableGlossBody })));
const LanguageEditing = lazy(() => import('./language-editing').then((m) => ({ default: m.LanguageEditing })));

/**
 * The English cell of a row, editable for editors: status, Edit (and `e`), Mark reviewed,
 * History with Revert, and for a stale row the change in the Chinese with "Still fits".
 * Readers see only the gloss (`children`, rendered on the server). With `lang`, the cell of
 * another target language: its own records and saves (`?lang=`), and a reference beside the field.
 */
export function EditableGloss({ id, lang, children }: { id: string; lang?: string; children: ReactNode }) {
  const editing = useEditing();
  if (!editing) return <>{children}</>;
  const body = (
    <Suspense fallback={children}>
      <EditableGlossBody id={id}>{children}</EditableGlossBody>
    </Suspense>
  );
  if (!lang) return body;
  return (
    <Suspense fallback={children}>
      <LanguageEditing lang={lang} id={id}>
        {body}
      </LanguageEditing>
    </Suspense>
  );
}
