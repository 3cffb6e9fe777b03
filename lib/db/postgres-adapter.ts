import 'server-only';
import pg from 'pg';
import type { Database, Queryable } from './database';

/**
 * The server engine, the only module that imports `pg`: a pool of connections to the PostgreSQL
 * server at `url` (DATABASE_URL), shared by every app server that indexes the same library.
 */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // Fail now, naming the server, rather than at the first search.
  const probe = await pool.connect().catch((error: unknown) => {
    throw new Error(`cannot connect to the database at DATABASE_URL (${redact(url)})`, { cause: error });
  });
  probe.release();
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row & pg.QueryResultRow>(sql, [...params]);
      return result.rows;
    },
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** A connection URL without its password, for messages. `redact('postgres://u:p@h/db')` → `'postgres://u:***@h/db'`. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
