import { z } from 'zod';

/**
 * The hand-aligned gold set (fixtures/gold.json): paragraph pairs of the bundled article with
 * the texts they were aligned on, their sentences and the links a person drew between them.
 */

const linkSchema = z.object({ zh: z.array(z.number().int().min(0)), en: z.array(z.number().int().min(0)) });

export const goldSchema = z.object({
  description: z.string(),
  /** Which English each pair's `english` names, and where it came from. */
  english: z.record(z.string(), z.string()),
  pairs: z.array(
    z.object({
      block: z.string(),
      english: z.string(),
      heading: z.boolean().optional(),
      zhText: z.string(),
      enText: z.string(),
      zh: z.array(z.string()),
      en: z.array(z.string()),
      links: z.array(linkSchema),
    }),
  ),
});

export type GoldSet = z.infer<typeof goldSchema>;
export type GoldPair = GoldSet['pairs'][number];

/** Reads the gold set from its JSON text, checking its shape. `parseGold('{"description":…}')` → the set. */
export function parseGold(json: string): GoldSet {
  return goldSchema.parse(JSON.parse(json));
}
