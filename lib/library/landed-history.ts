import { glossRevision } from '@/lib/gloss/validate';
import type { HistoryEntry } from '@/lib/store/history';

/** What is on disk now for one gloss: its revision, and the status recorded for that revision. */
export interface CurrentGloss {
  revision: string;
  status: 'draft' | 'reviewed' | undefined;
}

/**
 * The history entries whose change is on disk. A save appends its entry before it puts the gloss
 * in place, so a crash in between leaves an entry for a change that never landed; such an entry
 * is recognised and left out: the next change of that gloss started from the same text as it
 * did, or it is the gloss's last entry and the file still holds the text it replaced.
 * Pure. `landedHistory([{ id: 'a', before: 'x', after: 'y', … }], () => ({ revision: rev('x') }))` → `[]`.
 */
export function landedHistory(entries: readonly HistoryEntry[], current: (id: string) => CurrentGloss): HistoryEntry[] {
  const byId = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const list = byId.get(entry.id) ?? [];
    list.push(i);
    byId.set(entry.id, list);
  });
  const dropped = new Set<number>();
  for (const [id, indexes] of byId) {
    const now = current(id);
    for (const [n, i] of indexes.entries()) {
      const entry = entries[i];
      if (!entry) continue;
      const later = indexes
        .slice(n + 1)
        .map((j) => entries[j])
        .filter((e): e is HistoryEntry => e !== undefined);
      const nextSameKind = later.find((e) => e.kind === entry.kind);
      if (entry.kind === 'gloss') {
        if (entry.before === entry.after) continue;
        if (nextSameKind) {
          if (nextSameKind.before === entry.before) dropped.add(i);
        } else if (now.revision !== entry.revision && now.revision === glossRevision(entry.before ?? '')) dropped.add(i);
      } else if (nextSameKind) {
        if (nextSameKind.before === entry.before && nextSameKind.revision === entry.revision) dropped.add(i);
      } else if (later.length === 0 && now.revision === entry.revision && (now.status ?? 'draft') !== entry.after) dropped.add(i);
    }
  }
  return entries.filter((_, i) => !dropped.has(i));
}
