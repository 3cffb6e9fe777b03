import 'server-only';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

/**
 * The embedded engine, the only module that imports PGlite: PostgreSQL compiled to WebAssembly,
 * in this process, its files in `dataDir` (in memory when undefined, for tests). Queries run on
 * the calling thread, so callers keep each statement small (see lib/db/paragraph-index.ts).
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  const wrap = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, [...params]);
      return result.rows;
    },
  });
  return {
    engine: 'pglite',
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
}
