'use client';

import { lazy, Suspense, useState, type ReactNode } from 'react';
import { permitsInSomeLanguage } from '@/lib/auth/permissions';
import { useSession } from '../session-provider';
import { EditingContext, type EditingContextValue } from './editing-context';

export { EditingContext, useEditing, type EditingContextValue, type GlossRecord, type GlossStatus } from './editing-context';

// The editing session (records, keys, the edit bar and the API client) is fetched only for
// someone who may edit this text: readers never download it.
const EditingSession = lazy(async () => ({ default: (await import('./editing-session')).EditingSession }));

/**
 * Turns the reading page into an editing page for editors: learns who is reading from the
 * session provider (the page itself is static and the same for everyone) and, for someone who may
 * edit this text in some language, loads the editing session (editing-session.tsx); each cell then
 * asks `may` for its own language. Readers get the page, the filter's wrapper and the status line.
 */
export function EditingProvider({ slug, children }: { slug: string; children: ReactNode }) {
  const [value, setValue] = useState<EditingContextValue | null>(null);
  const [onlyWork, setOnlyWork] = useState(false);
  const [message, setMessage] = useState('');
  const grant = useSession()?.viewer ?? undefined;
  const viewer = grant && permitsInSomeLanguage(grant, 'edit-gloss', slug) ? grant.name : null;

  return (
    <EditingContext.Provider value={viewer ? value : null}>
      {grant && viewer && (
        <Suspense fallback={null}>
          <EditingSession
            key={`${slug}:${viewer}`}
            slug={slug}
            viewer={viewer}
            grant={grant}
            onlyWork={onlyWork}
            setOnlyWork={setOnlyWork}
            setMessage={setMessage}
            onValue={setValue}
          />
        </Suspense>
      )}
      <div className={onlyWork ? 'only-work' : undefined}>{children}</div>
      <p role="status" className={message ? 'toast toast-page' : 'visually-hidden'}>
        {message}
      </p>
    </EditingContext.Provider>
  );
}
