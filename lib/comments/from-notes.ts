/**
 * Notes of an imported XLIFF file taken in as comments: a note that people (or another tool)
 * wrote on a unit becomes a comment on that paragraph, unless the paragraph already has a
 * comment with the same text (what an export sent out comes back without being doubled). Pure.
 */
import { planComment, type Comment, type CommentEvent } from './comments';

/**
 * The comment events an import adds, in file order: one per new note on a paragraph that exists;
 * notes that are not a valid comment (too long, say) are counted in `skipped`.
 * `commentsFromNotes([], [{ id: 'c4pzjo', notes: ['Check 特拉斯'] }], new Map([['c4pzjo', { zh: '…', gloss: '…' }]]), 'ann', () => 'c1')`
 * → `{ events: [{ type: 'comment', cid: 'c1', block: 'c4pzjo', author: 'ann', body: 'Check 特拉斯', … }], skipped: 0 }`.
 */
export function commentsFromNotes(
  existing: readonly Comment[],
  units: readonly { id: string; notes?: readonly string[] }[],
  paragraphs: ReadonlyMap<string, { zh: string; gloss: string }>,
  author: string,
  newId: () => string,
  time: string = new Date().toISOString(),
): { events: CommentEvent[]; skipped: number } {
  const events: CommentEvent[] = [];
  const known = new Set(existing.map((c) => `${c.block}\n${c.body}`));
  let skipped = 0;
  for (const unit of units) {
    const now = paragraphs.get(unit.id);
    if (!now) continue;
    for (const note of unit.notes ?? []) {
      const planned = planComment([], { cid: newId(), block: unit.id, author, body: note, time }, now);
      if (!planned.ok || !planned.event || planned.event.type !== 'comment') {
        skipped += 1;
        continue;
      }
      const key = `${unit.id}\n${planned.event.body}`;
      if (known.has(key)) continue;
      known.add(key);
      events.push(planned.event);
    }
  }
  return { events, skipped };
}
