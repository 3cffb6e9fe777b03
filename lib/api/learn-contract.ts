import { z } from 'zod';

/**
 * Request and response shapes of the learning routes: `GET /api/words/<word>` and
 * `GET /api/texts/<slug>/difficulty`. Kept beside lib/api/contract.ts, in the same style.
 */

/** Longest word looked up, in characters: CC-CEDICT's longest headwords are idioms of about a dozen. */
export const MAX_WORD_CHARS = 16;

/** A word to look up: Han characters (and the middle dot of names) only, at most MAX_WORD_CHARS. */
export const wordParamSchema = z
  .string()
  .regex(/^[\p{Script=Han}·]+$/u)
  .refine((word) => [...word].length <= MAX_WORD_CHARS);

const levelSchema = z.number().int().min(1).max(9).nullable();

export const hskLevelsSchema = z.object({ '3.0': levelSchema, '2.0': levelSchema });

/** `GET /api/words/<word>`: the dictionary's reading and senses, and the word's HSK levels (null where unlisted). */
export const wordResponse = z.object({
  word: z.string(),
  pinyin: z.string(),
  senses: z.array(z.string()),
  hsk: hskLevelsSchema,
});
export type WordResponse = z.infer<typeof wordResponse>;

/** `GET /api/texts/<slug>/difficulty[?section=]`: see lib/learn/difficulty.ts. */
export const difficultyResponse = z.object({
  tokens: z.number().int(),
  aboveLevel: z.record(z.string(), z.number()),
  levelFor95: z.number().int().nullable(),
});
export type DifficultyResponse = z.infer<typeof difficultyResponse>;
