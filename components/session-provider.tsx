'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionResponse } from '@/lib/api/contract';

const SessionContext = createContext<SessionResponse | null>(null);

/** The session, once known (null while it loads or when it could not be read). */
export function useSession(): SessionResponse | null {
  return useContext(SessionContext);
}

/**
 * The one place the page learns who is reading: seeded with what the server already knows
 * (`initial`, when a page is rendered per request), otherwise asked once of `GET /api/session`
 * and shared by the footer and the editing tools. The API client (and the schemas it checks
 * answers with) is loaded when asked for, after the page is interactive, not with every page.
 */
export function SessionProvider({ initial, children }: { initial?: SessionResponse; children: ReactNode }) {
  const [session, setSession] = useState<SessionResponse | null>(initial ?? null);
  useEffect(() => {
    if (initial) return;
    let cancelled = false;
    void import('./edit/api')
      .then(({ getSession }) => getSession())
      .then((result) => !cancelled && result.ok && setSession(result.data))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [initial]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
