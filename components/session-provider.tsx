'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionResponse } from '@/lib/api/contract';
import { parseSessionAnswer, SESSION_PATH } from '@/lib/api/session-answer';

const SessionContext = createContext<SessionResponse | null>(null);

/** The session, once known (null while it loads or when it could not be read). */
export function useSession(): SessionResponse | null {
  return useContext(SessionContext);
}

/**
 * The one place the page learns who is reading: seeded with what the server already knows
 * (`initial`, when a page is rendered per request), otherwise asked once of `GET /api/session`
 * and shared by the footer and the editing tools. The answer is checked by hand
 * (lib/api/session-answer.ts): the API client and its zod schemas load only when someone signs
 * in or out or edits, not on every page.
 */
export function SessionProvider({ initial, children }: { initial?: SessionResponse; children: ReactNode }) {
  const [session, setSession] = useState<SessionResponse | null>(initial ?? null);
  useEffect(() => {
    if (initial) return;
    let cancelled = false;
    fetch(SESSION_PATH, { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((body: unknown) => {
        const answer = parseSessionAnswer(body);
        if (!cancelled && answer) setSession(answer);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [initial]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
