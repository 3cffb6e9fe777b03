import 'server-only';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { dataRoot } from '@/lib/store/paths';
import type { Database } from './database';
import { migrate } from './migrations';
import { openPglite } from './pglite-adapter';
import { openPostgres } from './postgres-adapter';
import { processState, setProcessState } from '@/lib/process-state';

/**
 * Where the embedded database keeps its files: BILINGUAL_DB_DIR, else `.index-db/` in the data
 * folder. It holds only what `npm run reindex` rebuilds from content/ and locales/.
 */
export function embeddedDatabaseDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.BILINGUAL_DB_DIR ?? path.join(dataRoot(), '.index-db'));
}

/** Which engine this process uses: a PostgreSQL server when DATABASE_URL is set, else the embedded one. */
export function configuredEngine(): { engine: 'postgres'; url: string } | { engine: 'pglite'; dir: string } {
  const url = process.env.DATABASE_URL?.trim();
  return url ? { engine: 'postgres', url } : { engine: 'pglite', dir: embeddedDatabaseDir() };
}

/**
 * Opens the configured database and brings its schema up to date. An embedded database that
 * cannot be opened (files damaged by a crash the engine could not recover from) is moved aside
 * to `<dir>.damaged-<time>` and made anew, since everything in it is rebuilt from the files.
 */
export async function openDatabase(config = configuredEngine(), log: (line: string) => void = console.warn): Promise<Database> {
  if (config.engine === 'postgres') return withSchema(await openPostgres(config.url));
  try {
    return await withSchema(await openPglite(config.dir));
  } catch (error) {
    const aside = `${config.dir}.damaged-${Date.now()}`;
    await rename(config.dir, aside);
    log(`The search database at ${config.dir} could not be opened (${String(error)}); moved to ${aside}, rebuilding it.`);
    return withSchema(await openPglite(config.dir));
  }
}

async function withSchema(db: Database): Promise<Database> {
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** The process's one database (route handlers and pages are separate bundles), opened on first use. */
export function sharedDatabase(): Promise<Database> {
  return processState<Promise<Database>>('database', () =>
    openDatabase().catch((error: unknown) => {
      // Not kept: the next use tries again.
      setProcessState('database', undefined);
      throw error;
    }),
  );
}
