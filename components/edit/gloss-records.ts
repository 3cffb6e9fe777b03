import type { GlossRecord } from './editing-context';

/** What the editor needs of an API block, whichever language's response it comes from. */
interface RecordedBlock {
  id: string;
  zh: string;
  status?: GlossRecord['status'] | null;
  revision?: string | null;
  staleFrom?: GlossRecord['staleFrom'];
  conflict?: GlossRecord['conflict'];
}

/**
 * The editor's records of a text's blocks, by id, from `GET /api/texts/<slug>` (English) or
 * `?lang=` (another language): `glossOf` picks the block's gloss from its response's shape.
 * Blocks without a status or revision (headings with nothing to translate) are left out.
 */
export function recordsOf<B extends RecordedBlock>(
  blocks: B[],
  glossOf: (block: B) => string | null,
): Record<string, GlossRecord> {
  const records: Record<string, GlossRecord> = {};
  for (const block of blocks) {
    if (!block.status || !block.revision) continue;
    records[block.id] = {
      en: glossOf(block),
      status: block.status,
      revision: block.revision,
      zh: block.zh,
      ...(block.staleFrom !== undefined ? { staleFrom: block.staleFrom } : {}),
      ...(block.conflict ? { conflict: block.conflict } : {}),
    };
  }
  return records;
}
