import { z } from 'zod';

/**
 * One line of `locales/<lng>/<slug>.history.jsonl`: one change to a gloss or its status. Pure, so
 * the store (which writes it) and the API contract (which serves it) share one shape.
 * `{ time, editor: 'ann', id: 'c4pzjo', kind: 'gloss', before: null, after: 'A few days ago…', revision }`.
 */
export const historyEntrySchema = z.object({
  time: z.string(),
  editor: z.string(),
  id: z.string(),
  kind: z.enum(['gloss', 'status']),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** The gloss revision after the change. */
  revision: z.string(),
  /** Set when the saved text was inserted from a machine-translation suggestion: the provider's id. */
  machine: z.string().max(40).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
