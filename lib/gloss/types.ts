import { z } from 'zod';

/** The key of a text's title in its gloss file; block ids are six characters, so it never collides. */
export const TITLE_KEY = 'title';

/** `locales/<lng>/<slug>.json`: plain i18next JSON, key → English string, in document order. */
export const glossFileSchema = z.record(z.string(), z.string());
export type GlossFile = z.infer<typeof glossFileSchema>;

/** What a translator has said about a gloss. Untranslated and stale are derived, never stored. */
export const savedStatuses = ['draft', 'reviewed'] as const;
export type SavedStatus = (typeof savedStatuses)[number];

export const glossStateSchema = z.object({
  /** Hash of the Chinese the gloss translates (see hashText). */
  hash: z.string().regex(/^[0-9a-f]{12}$/),
  /** That Chinese, so a stale gloss can show what changed. */
  zh: z.string(),
  status: z.enum(savedStatuses),
  /**
   * The revision of the gloss a "reviewed" was recorded for (see glossRevision). A state recorded
   * for another revision (a crash between writing the gloss and its state) counts as draft.
   * Absent on drafts, which need none, and in files written before it was kept.
   */
  revision: z
    .string()
    .regex(/^[0-9a-f]{12}$/)
    .optional(),
});
export type GlossState = z.infer<typeof glossStateSchema>;

/** `locales/<lng>/<slug>.state.json`: per-key state, kept beside the strings, not inside them. */
export const glossStateFileSchema = z.record(z.string(), glossStateSchema);
export type GlossStateFile = z.infer<typeof glossStateFileSchema>;

export const glossStatuses = ['untranslated', 'draft', 'reviewed', 'stale'] as const;
export type GlossStatus = (typeof glossStatuses)[number];
