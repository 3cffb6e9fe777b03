/**
 * What sign-in state is kept, wherever it is kept: the session registry and failed attempts, as
 * files and heap (lib/auth) or in PostgreSQL with DATABASE_URL (lib/db). Types and limits only,
 * so that both sides import them from below.
 */

/**
 * Revocations kept at most. Past it the ones that expire soonest are dropped and every session
 * expiring no later than they do is refused from then on (the registry's floor): a full list
 * signs some people out early, it never lets a signed-out cookie back in.
 */
export const MAX_REVOKED = 50_000;

/**
 * How often a server looks for revocations made by another process or server (the file's stamp,
 * or the database's revision), and for changed accounts in the database: a change elsewhere
 * holds here at most this much later.
 */
export const RECHECK_MS = 1000;

/** A session as the registry judges it: its id, the epoch it was opened in, and when it expires. */
export interface RegisteredSession {
  sid: string;
  ep: string;
  expires: number;
}

/**
 * Where sessions are registered: the file `<data>/.sessions/revoked.json` (lib/auth/session-registry.ts,
 * one server), or PostgreSQL with DATABASE_URL (lib/db/session-registry.ts, every server).
 */
export interface SessionRegistryStore {
  /** The epoch a new session is opened in, creating the registry when there is none. */
  epoch(): Promise<string>;
  /** Whether a session no longer holds (signed out, another epoch, below the floor, no sound registry). */
  isRevoked(session: RegisteredSession): Promise<boolean>;
  /** Signs one session out for good, on every server that shares the registry. */
  revoke(sid: string, expires: number): Promise<void>;
}

/** How one kind of attempt is limited. */
export interface AttemptPolicy {
  /** Failures allowed before any wait. */
  free: number;
  /** The first wait; each further failure doubles it. */
  baseMs: number;
  /** The longest wait, so a real user is never shut out for long. */
  maxMs: number;
  /** A key with no failure for this long starts afresh. */
  forgetMs: number;
  /** Keys remembered at most; the least recently failed are forgotten first (bounded memory). */
  maxEntries: number;
}

/** What counting a failure did: `counted: false` when a wait was running and `unlessWaiting` was asked. */
export interface Counted {
  counted: boolean;
  /** The wait now running for the key, in ms. */
  waitMs: number;
}

/**
 * Failed attempts of one kind, per key: in this process's heap (lib/auth/attempts.ts
 * AttemptLimiter) or shared by every server in PostgreSQL (lib/db/sign-in-failures.ts). Each call
 * is atomic for its key.
 */
export interface AttemptCounter {
  /** Milliseconds before `key` may try again; 0 when it may try now. */
  waitMs(key: string): Promise<number>;
  /** Records a failure (with `unlessWaiting`, only when no wait runs) and says the wait it leaves. */
  count(key: string, options?: { unlessWaiting?: boolean }): Promise<Counted>;
  /**
   * Takes back one failure counted in advance (see SignInGuard.begin) for an attempt that then
   * succeeded; a wait already running stays until it ends.
   */
  forgive(key: string): Promise<void>;
  /** Forgets a key's failures (after a success). */
  clear(key: string): Promise<void>;
}
