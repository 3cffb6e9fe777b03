/**
 * Four eyes: with the setting on, a gloss may be marked reviewed only by someone other than its
 * last author. Pure: given the gloss's history.
 */
import type { HistoryEntry } from './history-entry';

/**
 * Who last wrote the gloss (the last 'gloss' entry for `id`), or undefined when nobody did.
 * `lastAuthor([{ id: 'a', kind: 'gloss', editor: 'ann', … }], 'a')` → `'ann'`.
 */
export function lastAuthor(history: readonly HistoryEntry[], id: string): string | undefined {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const entry = history[i];
    if (entry && entry.id === id && entry.kind === 'gloss') return entry.editor;
  }
  return undefined;
}

/** Whether `reviewer` may mark the gloss reviewed; when not, the reason. */
export function checkFourEyes(
  history: readonly HistoryEntry[],
  id: string,
  reviewer: string,
  fourEyes: boolean,
): { ok: true } | { ok: false; error: string } {
  if (!fourEyes) return { ok: true };
  const author = lastAuthor(history, id);
  if (author !== undefined && author === reviewer)
    return { ok: false, error: `Four eyes: ${reviewer} wrote this gloss last, so someone else must mark it reviewed` };
  return { ok: true };
}
