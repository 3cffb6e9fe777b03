import 'server-only';
import { sessionRegistry } from './shared-state';
import type { RegisteredSession } from './session-registry';

export { MAX_REVOKED, RECHECK_MS } from './session-registry';

/**
 * The epoch a new session is opened in, creating the registry when there is none. Throws the
 * DataFileError of a damaged registry file, or the error of a registry that cannot be written.
 */
export async function sessionEpoch(): Promise<string> {
  return sessionRegistry().epoch();
}

/**
 * Whether a session no longer holds on this server's side: signed out (here, by another process
 * on the same data folder, or by another server sharing DATABASE_URL), opened in another epoch,
 * below the floor, or the registry is damaged or unreachable. Fails closed.
 */
export async function isRevoked(session: RegisteredSession): Promise<boolean> {
  return sessionRegistry().isRevoked(session);
}

/** Signs one session out for good: every copy of its cookie stops working, across restarts and servers. */
export async function revokeSession(sid: string, expires: number): Promise<void> {
  return sessionRegistry().revoke(sid, expires);
}
