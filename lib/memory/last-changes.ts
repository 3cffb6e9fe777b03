import { glossRevision } from '@/lib/gloss/validate';
import type { HistoryEntry } from '@/lib/gloss/history-entry';
import { landedHistory } from '@/lib/library/landed-history';

/** Who last changed a translation, and when. */
export interface LastChange {
  by: string;
  time: string;
}

/**
 * Who last changed each paragraph's translation and when, from a text's history read once: the
 * last gloss entry of each paragraph whose change landed (see landedHistory; `currentGloss` gives
 * the translation on disk now, `undefined` when the gloss file cannot be read, which keeps every
 * entry, as the history page does). Status changes are not translation changes. Pure.
 * `lastGlossChanges([{ id: 'a1', kind: 'gloss', editor: 'ann', time: 't1', before: null, after: '特斯拉', … }], () => '特斯拉')`
 * → `Map { 'a1' → { by: 'ann', time: 't1' } }`.
 */
export function lastGlossChanges(
  entries: readonly HistoryEntry[],
  currentGloss: ((id: string) => string | undefined) | undefined,
): Map<string, LastChange> {
  const landed = currentGloss
    ? landedHistory(entries, (id) => ({ revision: glossRevision(currentGloss(id)), status: undefined }))
    : entries;
  const changes = new Map<string, LastChange>();
  for (const entry of landed) if (entry.kind === 'gloss') changes.set(entry.id, { by: entry.editor, time: entry.time });
  return changes;
}
