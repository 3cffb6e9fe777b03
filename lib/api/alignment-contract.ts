import { z } from 'zod';

/**
 * Request and response shapes of `GET` and `PUT /api/texts/<slug>/alignment` (lib/library/alignment.ts).
 * Offsets are UTF-16 code units into the stored Chinese and gloss; links name sentences by index.
 */

/** Most links one block may be sent with; a paragraph of a thousand sentences is already absurd. */
export const MAX_LINKS = 2_000;

const index = z.number().int().min(0).max(100_000);
const span = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

export const alignmentLinkSchema = z.object({
  zh: z.array(index).max(MAX_LINKS),
  gloss: z.array(index).max(MAX_LINKS),
  manual: z.boolean(),
  confidence: z.number().min(0).max(1),
  stale: z.literal(true).optional(),
  unsure: z.literal(true).optional(),
});

export const blockAlignmentSchema = z.object({
  id: z.string(),
  /** Send it back as `baseRevision` to change this block's links. */
  revision: z.string(),
  zh: z.array(span),
  gloss: z.array(span),
  links: z.array(alignmentLinkSchema),
});
export type BlockAlignment = z.infer<typeof blockAlignmentSchema>;

export const alignmentResponse = z.object({ blocks: z.array(blockAlignmentSchema) });

/**
 * `PUT`: one block's links, every sentence of each side in exactly one link, in order; `manual`
 * defaults to true. A manual link sent where a stale one is stays stale unless sent with `stale: false` (confirmed).
 */
export const saveAlignmentRequest = z.object({
  links: z
    .array(
      z.object({
        zh: z.array(index).max(MAX_LINKS),
        gloss: z.array(index).max(MAX_LINKS),
        manual: z.boolean().optional(),
        stale: z.boolean().optional(),
      }),
    )
    .max(MAX_LINKS),
  baseRevision: z.string().regex(/^[0-9a-f]{8}$/),
});

/** 409: the block's alignment changed since `baseRevision`; here it is now. */
export const alignmentConflictResponse = z.object({ error: z.string(), current: blockAlignmentSchema });
