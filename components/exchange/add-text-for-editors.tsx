'use client';

import { lazy, Suspense } from 'react';
import { useSession } from '../session-provider';

/** The form's code (and the schemas it checks answers with) is fetched only for an editor. */
// React's lazy rather than next/dynamic, whose loader weighs about 2 KB (gzip): the form only shows in the browser.
const AddText = lazy(() => import('./add-text').then((m) => ({ default: m.AddText })));

/** "Add a text" on the library page, for editors only; nothing at all for readers. */
export function AddTextForEditors() {
  const session = useSession();
  const canEdit = session?.viewer?.role === 'admin' || session?.mode === 'open';
  return canEdit ? (
    <Suspense fallback={null}>
      <AddText />
    </Suspense>
  ) : null;
}
