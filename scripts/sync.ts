// `npm run sync`: after editing a file in content/ by hand, records new block ids, keeps the
// ids of moved and edited blocks, retires removed ones, and puts gloss keys in document order.
// One summary line per text: counts, and the first few ids of each kind.
import { SyncFailures, syncLibrary, type SyncResult } from '@/lib/library/sync';
import { startProgress } from './lib/progress';
import { listFew } from './lib/summary';
import { quietOnClosedPipe } from './lib/exit';

/** One line for a text: `novel: 10000 blocks; 9998 new (a1, b2, … and 9993 more); …`. */
function describeSync(result: SyncResult): string {
  const parts = [
    result.added.length && `${result.added.length} new (${listFew(result.added)})`,
    result.edited.length && `${result.edited.length} edited, glosses now stale (${listFew(result.edited)})`,
    result.retired.length &&
      `${result.retired.length} removed (${listFew(result.retired.map((r) => (r.mergedInto ? `${r.id} → ${r.mergedInto}` : r.id)))}), glosses kept`,
    result.revived.length && `${result.revived.length} restored (${listFew(result.revived)})`,
    result.glossesReordered && 'gloss keys reordered',
    result.journalFolded && 'saves folded into the gloss files',
    result.revisionsRecorded &&
      `${result.revisionsRecorded} reviewed glosses tied to their text (a later edit makes them drafts)`,
  ].filter(Boolean);
  return `${result.slug}: ${result.blocks} blocks; ${parts.length ? parts.join('; ') : 'up to date'}`;
}

async function main() {
  quietOnClosedPipe();
  let progress: ReturnType<typeof startProgress> | undefined;
  const results = await syncLibrary((done, total) => {
    progress ??= startProgress('sync', total);
    progress.update(done);
  }).finally(() => progress?.stop());
  for (const result of results) console.log(describeSync(result));
}

main().catch((error: unknown) => {
  // The texts that were synced are reported as usual; those that could not be, on stderr.
  if (error instanceof SyncFailures) for (const result of error.synced) console.log(describeSync(result));
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
