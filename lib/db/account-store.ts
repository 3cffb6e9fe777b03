import { RECHECK_MS } from '@/lib/store/sign-in-state';
import {
  accountFileSchema,
  newAccountFile,
  serializeAccountFile,
  type AccountFile,
  type AccountsChange,
  type AccountStore,
} from '@/lib/store/accounts';
import { parseJsonAs } from '@/lib/store/json';
import type { Database } from './database';

/** How the accounts row is named in an error. */
export const ACCOUNTS_NAME = 'the accounts in the database (DATABASE_URL)';

export interface SqlAccountOptions {
  /** The accounts file this data folder had before DATABASE_URL: copied in when the database has none. */
  seed?: () => Promise<AccountFile | undefined>;
  recheckMs?: number;
  now?: () => number;
}

/**
 * The accounts in PostgreSQL, shared by every server on DATABASE_URL: the accounts file's JSON
 * (secret and accounts, as `npm run user` and /admin/users write it) in one row of account_file,
 * with a revision raised by every change. A server re-reads the row when its revision changed,
 * looking at most once per `recheckMs`: an account changed on one server counts on every other
 * within that time. `await store.update((list) => addAccount(list, 'ann', …))`.
 */
export class SqlAccountStore implements AccountStore {
  private cached: AccountFile | undefined;
  private revision = -1;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private readonly recheckMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Database,
    private readonly options: SqlAccountOptions = {},
  ) {
    this.recheckMs = options.recheckMs ?? RECHECK_MS;
    this.now = options.now ?? Date.now;
  }

  async read(): Promise<AccountFile | undefined> {
    const now = this.now();
    if (now - this.checkedAt < this.recheckMs) return this.cached;
    // The content only when it changed since the last read.
    const [row] = await this.db.query<{ revision: string | number; content: string | null }>(
      'SELECT revision, CASE WHEN revision <> $1::bigint THEN content END AS content FROM account_file',
      [this.revision],
    );
    if (!row) {
      const seed = await this.options.seed?.();
      if (seed) {
        await this.db.query('INSERT INTO account_file (id, content, revision) VALUES (true, $1, 1) ON CONFLICT (id) DO NOTHING', [
          serializeAccountFile(seed),
        ]);
        return this.read();
      }
      this.cached = undefined;
      this.revision = -1;
    } else if (row.content !== null) {
      this.cached = parseJsonAs(row.content, ACCOUNTS_NAME, accountFileSchema);
      this.revision = Number(row.revision);
    }
    this.checkedAt = now;
    return this.cached;
  }

  async update<R>(change: AccountsChange<R>): Promise<{ ok: true; result: R } | { ok: false; error: string }> {
    const seed = (await this.options.seed?.()) ?? newAccountFile();
    const outcome = await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO account_file (id, content, revision) VALUES (true, $1, 0) ON CONFLICT (id) DO NOTHING', [
        serializeAccountFile(seed),
      ]);
      // The row stays locked until the change is written: changes from two servers queue.
      const [row] = await tx.query<{ content: string }>('SELECT content FROM account_file WHERE id FOR UPDATE');
      if (!row) throw new Error('the accounts row was not found after it was made');
      const current = parseJsonAs(row.content, ACCOUNTS_NAME, accountFileSchema);
      const changed = change(current.accounts);
      if (!changed.ok) return changed;
      await tx.query('UPDATE account_file SET content = $1, revision = revision + 1 WHERE id', [
        serializeAccountFile({ secret: current.secret, accounts: changed.accounts }),
      ]);
      return { ok: true as const, result: changed.result };
    });
    this.checkedAt = Number.NEGATIVE_INFINITY;
    return outcome;
  }
}
