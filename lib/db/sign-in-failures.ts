import type { AttemptCounter, AttemptPolicy, Counted } from '@/lib/store/sign-in-state';
import type { Queryable } from './database';

/** How often a counter deletes the keys it may forget (and the oldest past maxEntries). */
const PRUNE_MS = 60_000;

// The key's count after one more failure: a key quiet for forgetMs with no wait running starts afresh.
const NEXT_COUNT = 'CASE WHEN $3::bigint - f.last_ms > $7::bigint AND $3::bigint >= f.until_ms THEN 1 ELSE f.count + 1 END';
const untilAfter = (count: string) =>
  `CASE WHEN sign_in_wait(${count}, $4::integer, $5::bigint, $6::bigint) > 0 THEN $3::bigint + sign_in_wait(${count}, $4::integer, $5::bigint, $6::bigint) ELSE 0 END`;

// One statement, so two servers counting the same key queue on its row: the second sees the
// first's count, and with $8 (unless waiting) does not count while the first's wait runs.
const COUNT_SQL = `
  INSERT INTO sign_in_failures AS f (scope, key, count, last_ms, until_ms)
  VALUES ($1, $2, 1, $3::bigint, ${untilAfter('1')})
  ON CONFLICT (scope, key) DO UPDATE SET count = ${NEXT_COUNT}, last_ms = $3::bigint, until_ms = ${untilAfter(NEXT_COUNT)}
  WHERE NOT $8::boolean OR f.until_ms <= $3::bigint
  RETURNING until_ms`;

/**
 * Failed sign-in attempts of one kind (`scope`: pair, client or account) in the database, shared
 * by every server on it, with the same policy arithmetic as the heap's AttemptLimiter.
 * `await new SqlAttemptCounter(db, 'pair', policy).count('ann')` → `{ counted: true, waitMs: 0 }`.
 */
export class SqlAttemptCounter implements AttemptCounter {
  private prunedAt = 0;

  constructor(
    private readonly db: Queryable,
    private readonly scope: string,
    private readonly policy: AttemptPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  async waitMs(key: string): Promise<number> {
    const now = this.now();
    const [row] = await this.db.query<{ until_ms: string | number }>(
      'SELECT until_ms FROM sign_in_failures WHERE scope = $1 AND key = $2',
      [this.scope, key],
    );
    return row ? Math.max(0, Number(row.until_ms) - now) : 0;
  }

  async count(key: string, options: { unlessWaiting?: boolean } = {}): Promise<Counted> {
    const now = this.now();
    await this.prune(now);
    const { free, baseMs, maxMs, forgetMs } = this.policy;
    const [row] = await this.db.query<{ until_ms: string | number }>(COUNT_SQL, [
      this.scope,
      key,
      now,
      free,
      baseMs,
      maxMs,
      forgetMs,
      options.unlessWaiting === true,
    ]);
    if (!row) return { counted: false, waitMs: await this.waitMs(key) };
    return { counted: true, waitMs: Math.max(0, Number(row.until_ms) - now) };
  }

  async forgive(key: string): Promise<void> {
    await this.db.query('UPDATE sign_in_failures SET count = count - 1 WHERE scope = $1 AND key = $2', [this.scope, key]);
    await this.db.query('DELETE FROM sign_in_failures WHERE scope = $1 AND key = $2 AND count <= 0', [this.scope, key]);
  }

  async clear(key: string): Promise<void> {
    await this.db.query('DELETE FROM sign_in_failures WHERE scope = $1 AND key = $2', [this.scope, key]);
  }

  /** How many keys of this scope are kept. */
  async size(): Promise<number> {
    const [row] = await this.db.query<{ n: string | number }>('SELECT count(*) AS n FROM sign_in_failures WHERE scope = $1', [
      this.scope,
    ]);
    return Number(row?.n ?? 0);
  }

  /** Deletes forgotten keys and the least recently failed past maxEntries, at most once a minute. */
  async prune(now = this.now(), force = false): Promise<void> {
    if (!force && now - this.prunedAt < PRUNE_MS) return;
    this.prunedAt = now;
    await this.db.query(
      'DELETE FROM sign_in_failures WHERE scope = $1 AND last_ms < $2::bigint - $3::bigint AND until_ms <= $2::bigint',
      [this.scope, now, this.policy.forgetMs],
    );
    await this.db.query(
      `DELETE FROM sign_in_failures WHERE scope = $1 AND key IN
        (SELECT key FROM sign_in_failures WHERE scope = $1 ORDER BY last_ms DESC, key OFFSET $2::integer)`,
      [this.scope, this.policy.maxEntries],
    );
  }
}
