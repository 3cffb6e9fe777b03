// `npm run sync`: after editing a file in content/ by hand, records new block ids, keeps the
// ids of moved and edited blocks, retires removed ones, and puts gloss keys in document order.
import { syncLibrary } from '@/lib/library/sync';

async function main() {
  for (const result of await syncLibrary()) {
    const parts = [
      result.added.length && `${result.added.length} new (${result.added.join(', ')})`,
      result.edited.length && `${result.edited.length} edited, glosses now stale (${result.edited.join(', ')})`,
      result.retired.length &&
        `${result.retired.length} removed (${result.retired.map((r) => (r.mergedInto ? `${r.id} → ${r.mergedInto}` : r.id)).join(', ')}), glosses kept`,
      result.revived.length && `${result.revived.length} restored (${result.revived.join(', ')})`,
      result.glossesReordered && 'gloss keys reordered',
    ].filter(Boolean);
    console.log(`${result.slug}: ${result.blocks} blocks; ${parts.length ? parts.join('; ') : 'up to date'}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
