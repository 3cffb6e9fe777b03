// `npm run reindex [-- --changed]`: rebuilds the search database from the files in content/ and
// locales/ (the embedded one under the data folder, or the PostgreSQL server at DATABASE_URL).
// With --changed, only texts whose files changed since they were indexed, as a start does.
import { openDatabase } from '@/lib/db/open';
import { syncDatabaseIndex } from '@/lib/search/database-index';

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--changed');
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run reindex -- [--changed]`);
    process.exit(2);
  }
  const db = await openDatabase();
  try {
    const report = await syncDatabaseIndex(db, {
      full: !args.includes('--changed'),
      onText: (slug, action) => {
        if (action === 'index' || action === 'remove') console.log(`${action === 'index' ? 'indexing' : 'removing'} ${slug}`);
      },
    });
    for (const { slug, reason } of report.problems) console.error(`${slug}: not indexed: ${reason}`);
    console.log(
      `${db.engine}: ${report.indexed.length} texts indexed, ${report.kept + report.recorded} unchanged, ${report.removed.length} removed in ${report.seconds.toFixed(1)} s`,
    );
    process.exitCode = report.problems.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}` : error);
  process.exit(1);
});
