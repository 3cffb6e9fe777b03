import { randomBytes } from 'node:crypto';
import { MAX_REVOKED, RECHECK_MS, type RegisteredSession, type SessionRegistryStore } from '@/lib/store/sign-in-state';
import { StoreWriteError } from '@/lib/store/errors';
import type { Database } from './database';

/** How a database failure is named to the person who signs in or out. */
export const REGISTRY_NAME = 'the session registry in the database (DATABASE_URL)';

interface RegistryRow {
  epoch: string;
  floor: string | number;
  revision: string | number;
  sid: string | null;
  expires: string | number | null;
}

export interface SqlRegistryOptions {
  maxRevoked?: number;
  recheckMs?: number;
  now?: () => number;
  log?: (line: string) => void;
}

/**
 * The session registry in PostgreSQL, shared by every server on DATABASE_URL: tables
 * session_registry (one row: epoch, floor, revision) and revoked_sessions. Each server keeps a
 * copy of the revoked ids and reads, at most once per `recheckMs`, only the sign-outs with a
 * revision it has not seen (one small query), so a check costs no query most of the time and a
 * sign-out on another server holds here within `recheckMs`. Fails closed: while the database
 * cannot be read, no session holds.
 */
export class SqlSessionRegistry implements SessionRegistryStore {
  private epochValue: string | undefined;
  private floor = 0;
  private revision = -1;
  private readonly sids = new Map<string, number>();
  private checkedAt = Number.NEGATIVE_INFINITY;
  private failure: unknown;
  private readonly maxRevoked: number;
  private readonly recheckMs: number;
  private readonly now: () => number;
  private readonly log: (line: string) => void;

  constructor(
    private readonly db: Database,
    options: SqlRegistryOptions = {},
  ) {
    this.maxRevoked = options.maxRevoked ?? MAX_REVOKED;
    this.recheckMs = options.recheckMs ?? RECHECK_MS;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? console.error;
  }

  async epoch(): Promise<string> {
    try {
      // Made by the first server that needs one; every other server gets the same epoch back.
      const [row] = await this.db.query<{ epoch: string }>(
        `INSERT INTO session_registry (id, epoch) VALUES (true, $1) ON CONFLICT (id) DO UPDATE SET epoch = session_registry.epoch
         RETURNING epoch`,
        [randomBytes(16).toString('base64url')],
      );
      if (!row) throw new Error('the registry row was not returned');
      return row.epoch;
    } catch (error) {
      throw StoreWriteError.from(REGISTRY_NAME, error);
    }
  }

  async isRevoked(session: RegisteredSession): Promise<boolean> {
    await this.refresh();
    if (this.failure !== undefined || this.epochValue === undefined) return true;
    if (session.ep !== this.epochValue || session.expires <= this.floor) return true;
    return this.sids.has(session.sid);
  }

  async revoke(sid: string, expires: number): Promise<void> {
    const now = this.now();
    try {
      await this.db.transaction(async (tx) => {
        // Raising the revision locks the registry row: sign-outs are numbered in commit order.
        const [registry] = await tx.query<{ revision: string | number }>(
          'UPDATE session_registry SET revision = revision + 1 WHERE id RETURNING revision',
        );
        // No registry: no session holds, there is nothing to sign out.
        if (!registry) return;
        await tx.query(
          `INSERT INTO revoked_sessions (sid, expires, revision) VALUES ($1, $2::bigint, $3::bigint)
           ON CONFLICT (sid) DO UPDATE SET expires = excluded.expires, revision = excluded.revision`,
          [sid, expires, registry.revision],
        );
        await tx.query('DELETE FROM revoked_sessions WHERE expires <= $1::bigint', [now]);
        // Past the cap, the soonest to expire are dropped and the floor rises over them.
        const dropped = await tx.query<{ expires: string | number }>(
          `DELETE FROM revoked_sessions WHERE sid IN
             (SELECT sid FROM revoked_sessions ORDER BY expires DESC, sid OFFSET $1::integer)
           RETURNING expires`,
          [this.maxRevoked],
        );
        if (dropped.length > 0) {
          const floor = Math.max(...dropped.map((row) => Number(row.expires)));
          await tx.query('UPDATE session_registry SET floor = greatest(floor, $1::bigint) WHERE id', [floor]);
        }
      });
    } catch (error) {
      throw StoreWriteError.from(REGISTRY_NAME, error);
    }
    this.checkedAt = Number.NEGATIVE_INFINITY;
    await this.refresh();
  }

  /** Reads what changed since the last look, at most once per recheckMs. */
  private async refresh(): Promise<void> {
    const now = this.now();
    if (now - this.checkedAt < this.recheckMs) return;
    this.checkedAt = now;
    try {
      // One statement, so the registry row and the sign-outs come from one snapshot.
      let rows = await this.changesSince(this.revision);
      const head = rows[0];
      if (head && this.revision >= 0 && (head.epoch !== this.epochValue || Number(head.revision) < this.revision)) {
        // A new or replaced registry: start the copy afresh.
        this.sids.clear();
        this.revision = -1;
        rows = await this.changesSince(-1);
      }
      this.keep(rows, now);
      if (this.failure !== undefined) this.log(`${REGISTRY_NAME} can be read again`);
      this.failure = undefined;
    } catch (error) {
      if (this.failure === undefined)
        this.log(`${REGISTRY_NAME} cannot be read; no session holds until it can: ${String(error)}`);
      this.failure = error;
    }
  }

  private changesSince(revision: number): Promise<RegistryRow[]> {
    return this.db.query<RegistryRow>(
      `SELECT r.epoch, r.floor, r.revision, s.sid, s.expires
       FROM session_registry r LEFT JOIN revoked_sessions s ON s.revision > $1::bigint`,
      [revision],
    );
  }

  private keep(rows: RegistryRow[], now: number): void {
    const head = rows[0];
    if (!head) {
      this.epochValue = undefined;
      this.sids.clear();
      this.revision = -1;
      return;
    }
    this.epochValue = head.epoch;
    this.floor = Number(head.floor);
    this.revision = Number(head.revision);
    for (const row of rows) if (row.sid !== null) this.sids.set(row.sid, Number(row.expires));
    // Sign-outs of expired sessions no longer matter (an expired cookie is refused anyway).
    if (this.sids.size > this.maxRevoked) for (const [sid, expires] of this.sids) if (expires <= now) this.sids.delete(sid);
  }
}
