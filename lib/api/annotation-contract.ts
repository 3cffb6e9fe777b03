import { z } from 'zod';

/**
 * The notes, glossary and word-list routes' shapes: the routes parse requests with these, the
 * browser parses answers with them.
 */

const revision = z.string().max(64);

/** `POST /api/texts/<slug>/notes` with `{ block, quote, body, occurrence? }`. */
export const addNoteRequest = z.object({
  block: z.string().max(16),
  quote: z.string().max(2000),
  body: z.string().max(20_000),
  occurrence: z.number().int().min(1).max(10_000).optional(),
});
/** `PUT /api/texts/<slug>/notes/<nid>` with `{ baseRevision, body?, quote?, occurrence? }`. */
export const changeNoteRequest = z.object({
  baseRevision: revision,
  body: z.string().max(20_000).optional(),
  quote: z.string().max(2000).optional(),
  occurrence: z.number().int().min(1).max(10_000).optional(),
});
/** `DELETE …/notes/<nid>`, `…/glossary/<term>`: `{ baseRevision }` (or `?baseRevision=`). */
export const removeRequest = z.object({ baseRevision: revision });

export const storedNoteSchema = z.object({
  id: z.string(),
  block: z.string(),
  quote: z.string(),
  occurrence: z.number(),
  enQuote: z.string().optional(),
  body: z.string(),
  revision: z.string(),
});
export type StoredNoteResponse = z.infer<typeof storedNoteSchema>;
export const noteResponse = z.object({ note: storedNoteSchema });
export const noteListResponse = z.object({ notes: z.array(storedNoteSchema) });

/** `PUT /api/texts/<slug>/glossary/<term>` and `/api/glossary/<term>` with `{ en, forbidden?, note?, doNotTranslate?, baseRevision? }`. */
export const putTermRequest = z.object({
  en: z.array(z.string().max(1000)).max(100),
  forbidden: z.array(z.string().max(1000)).max(100).optional(),
  note: z.string().max(20_000).optional(),
  doNotTranslate: z.boolean().optional(),
  baseRevision: revision.optional(),
});
export type PutTermRequest = z.infer<typeof putTermRequest>;

export const storedTermSchema = z.object({
  term: z.string(),
  en: z.array(z.string()).optional(),
  forbidden: z.array(z.string()).optional(),
  note: z.string().optional(),
  doNotTranslate: z.literal(true).optional(),
  source: z.enum(['shared', 'text']),
  revision: z.string(),
});
export type StoredTermResponse = z.infer<typeof storedTermSchema>;
export const termResponse = z.object({ entry: storedTermSchema });

export const glossaryFindingSchema = z.object({
  id: z.string(),
  term: z.string(),
  en: z.array(z.string()),
  gloss: z.string(),
  kind: z.enum(['missing', 'forbidden']),
  used: z.array(z.string()).optional(),
  source: z.enum(['shared', 'text']).optional(),
});
export type GlossaryFinding = z.infer<typeof glossaryFindingSchema>;
/** `GET /api/texts/<slug>/glossary?lang=`: the entries the text is checked with, and the lint's findings now. */
export const glossaryResponse = z.object({ entries: z.array(storedTermSchema), findings: z.array(glossaryFindingSchema) });

/** `PUT /api/texts/<slug>/terms` with `{ add?, remove?, baseRevision? }`. */
export const editTermsRequest = z.object({
  add: z.array(z.string().max(200)).max(100).optional(),
  remove: z.array(z.string().max(200)).max(100).optional(),
  baseRevision: revision.optional(),
});
export type EditTermsRequest = z.infer<typeof editTermsRequest>;
export const termsResponse = z.object({
  terms: z.object({ slug: z.string(), words: z.array(z.string()), revision: z.string() }),
});

export const annotationPaths = {
  notes: (slug: string) => `/api/texts/${encodeURIComponent(slug)}/notes`,
  note: (slug: string, nid: string) => `/api/texts/${encodeURIComponent(slug)}/notes/${encodeURIComponent(nid)}`,
  glossary: (slug: string) => `/api/texts/${encodeURIComponent(slug)}/glossary`,
  term: (slug: string, term: string) => `/api/texts/${encodeURIComponent(slug)}/glossary/${encodeURIComponent(term)}`,
  sharedTerm: (term: string) => `/api/glossary/${encodeURIComponent(term)}`,
  terms: (slug: string) => `/api/texts/${encodeURIComponent(slug)}/terms`,
} as const;
