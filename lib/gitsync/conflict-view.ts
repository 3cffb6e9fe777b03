import type { ConflictFile } from './merge';

/**
 * Adds each conflict to its block as `conflict: { versions }` (blocks without one are left as
 * they are). `withConflicts({ blocks: [{ id: 'p1' }] }, { p1: { versions } })` → `{ blocks: [{ id: 'p1', conflict: { versions } }] }`.
 */
export function withConflicts<B extends { id: string }, T extends { blocks: B[] }>(text: T, conflicts: ConflictFile): T {
  if (Object.keys(conflicts).length === 0) return text;
  return {
    ...text,
    blocks: text.blocks.map((block) => {
      const entry = Object.hasOwn(conflicts, block.id) ? conflicts[block.id] : undefined;
      return entry ? { ...block, conflict: { versions: entry.versions } } : block;
    }),
  };
}
