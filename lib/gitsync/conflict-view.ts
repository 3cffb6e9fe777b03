import { TITLE_KEY } from '@/lib/gloss/types';
import type { ConflictFile } from './merge';

/**
 * Adds each conflict to its block as `conflict: { versions }`, and the title's (key `title`) to
 * the title (those without one are left as they are).
 * `withConflicts({ title: {}, blocks: [{ id: 'p1' }] }, { p1: { versions } })` → `{ title: {}, blocks: [{ id: 'p1', conflict: { versions } }] }`.
 */
export function withConflicts<B extends { id: string }, T extends { title: object; blocks: B[] }>(
  text: T,
  conflicts: ConflictFile,
): T {
  if (Object.keys(conflicts).length === 0) return text;
  const title = Object.hasOwn(conflicts, TITLE_KEY) ? conflicts[TITLE_KEY] : undefined;
  return {
    ...text,
    ...(title ? { title: { ...text.title, conflict: { versions: title.versions } } } : {}),
    blocks: text.blocks.map((block) => {
      const entry = Object.hasOwn(conflicts, block.id) ? conflicts[block.id] : undefined;
      return entry ? { ...block, conflict: { versions: entry.versions } } : block;
    }),
  };
}
