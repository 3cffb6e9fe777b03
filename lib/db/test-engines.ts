import type { Database } from './database';
import { migrate } from './migrations';
import { openPglite } from './pglite-adapter';
import { openPostgres } from './postgres-adapter';

/**
 * The engines a database test runs on: PGlite always (in memory), and the PostgreSQL server at
 * TEST_DATABASE_URL or DATABASE_URL when one is given (.ci/run starts one). Each `open` gives a
 * fresh, migrated database: a new PGlite, or a new schema on the server.
 */
export interface TestEngine {
  name: string;
  /** Why the engine is skipped, or undefined when it runs. */
  skip?: string;
  open(): Promise<Database>;
}

let schemaCount = 0;

/**
 * How long opening a database may take in a test: a new PGlite runs initdb in WebAssembly, 5–15 s
 * on an idle 2-core machine and over a minute on a busy one.
 */
export const OPEN_TIMEOUT_MS = 180_000;

/** The PostgreSQL server the tests may use, if any (vitest.config.ts moves DATABASE_URL here). */
export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export const NO_SERVER = 'no PostgreSQL server: set DATABASE_URL (bash .ci/run starts one) to run these tests on it';

/**
 * Two connection pools to one new, migrated schema on the test server, as two app servers on
 * one DATABASE_URL have; `close` drops the schema.
 */
export async function openServerPair(url: string): Promise<{ a: Database; b: Database; close(): Promise<void> }> {
  const schema = `test_${process.pid}_${Date.now()}_${schemaCount++}`;
  const admin = await openPostgres(url);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const separator = url.includes('?') ? '&' : '?';
  const scoped = `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const a = await openPostgres(scoped);
  const b = await openPostgres(scoped);
  await migrate(a);
  return {
    a,
    b,
    async close() {
      await Promise.all([a.close(), b.close()]);
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

export function testEngines(): TestEngine[] {
  const url = testServerUrl();
  return [
    {
      name: 'pglite',
      async open() {
        const db = await openPglite(undefined);
        await migrate(db);
        return db;
      },
    },
    {
      name: 'postgres',
      ...(url ? {} : { skip: NO_SERVER }),
      async open() {
        const schema = `test_${process.pid}_${Date.now()}_${schemaCount++}`;
        const admin = await openPostgres(url ?? '');
        await admin.query(`CREATE SCHEMA ${schema}`);
        await admin.close();
        const separator = (url ?? '').includes('?') ? '&' : '?';
        const db = await openPostgres(`${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
        await migrate(db);
        return {
          ...db,
          async close() {
            await db.query(`DROP SCHEMA ${schema} CASCADE`);
            await db.close();
          },
        };
      },
    },
  ];
}
