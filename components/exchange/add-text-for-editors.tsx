'use client';

import dynamic from 'next/dynamic';
import { useSession } from '../session-provider';

/** The form's code (and the schemas it checks answers with) is fetched only for an editor. */
const AddText = dynamic(() => import('./add-text').then((m) => m.AddText), { ssr: false });

/** "Add a text" on the library page, for editors only; nothing at all for readers. */
export function AddTextForEditors() {
  const session = useSession();
  const canEdit = session?.viewer?.role === 'admin' || session?.mode === 'open';
  return canEdit ? <AddText /> : null;
}
