/**
 * The contract between the browser and the server: the request and response shapes of every API
 * route, as zod schemas. Route handlers parse request bodies with them and type their answers
 * from them; the browser's fetch helpers parse answers with them. Pure: no Next, no React, no
 * Node APIs, so both sides can import it.
 */
import { z } from 'zod';
import { historyEntrySchema } from '@/lib/gloss/history-entry';
import { glossStatuses, savedStatuses } from '@/lib/gloss/types';
import { paragraphLayouts } from '@/lib/text/paragraph-layouts';
import { blockTypes } from '@/lib/text/types';

// ---------------------------------------------------------------- shared pieces

/** Every refusal and failure answers `{ error }` with a sentence a person can act on. */
export const errorResponse = z.object({ error: z.string() });
export type ErrorResponse = z.infer<typeof errorResponse>;

/** A text's slug as it appears in a URL: lower-case letters, digits, `-` and `_`. */
export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,79}$/);
/** A gloss key: a six-character block id, or `title`. */
export const glossKeySchema = z.string().regex(/^(?:[a-z][a-z0-9]{5}|title)$/);
/** A gloss revision (a hash of its text). */
export const revisionSchema = z.string().max(64);

export const glossStatusSchema = z.enum(glossStatuses);
export const roleSchema = z.enum(['reader', 'translator', 'reviewer', 'admin']);
export const accessModeSchema = z.enum(['accounts', 'open', 'read-only']);

// ---------------------------------------------------------------- /api/session

export const viewerSchema = z.object({
  name: z.string(),
  role: roleSchema,
  langs: z.array(z.string()).optional(),
  texts: z.array(z.string()).optional(),
});
export type SessionViewer = z.infer<typeof viewerSchema>;

/** `GET /api/session`: who is reading, and how the site may be edited. */
export const sessionResponse = z.object({ viewer: viewerSchema.nullable(), mode: accessModeSchema });
export type SessionResponse = z.infer<typeof sessionResponse>;

/** `POST /api/session`: a named account's password, or the shared editor token. */
export const signInRequest = z.union([
  z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) }),
  z.object({ name: z.string().max(64).optional(), token: z.string().min(1).max(1024) }),
]);
export type SignInRequest = z.infer<typeof signInRequest>;
export const signInResponse = z.object({ viewer: viewerSchema });
export type SignInResponse = z.infer<typeof signInResponse>;

/** `DELETE /api/session`: signed out. */
export const signOutResponse = z.object({ viewer: z.null() });

// ---------------------------------------------------------------- /api/texts

export const progressSchema = z.object({ glossed: z.number().int(), total: z.number().int() });

/** `GET /api/texts`: one summary per readable text. */
export const textSummarySchema = z.object({
  slug: z.string(),
  title: z.object({ zh: z.string(), en: z.string().nullable() }),
  progress: progressSchema,
});
export const textListResponse = z.array(textSummarySchema);
export type TextSummary = z.infer<typeof textSummarySchema>;

/** The versions of a gloss changed differently on two servers (git sync), until one is saved. */
export const glossConflictSchema = z.object({
  versions: z.array(z.object({ text: z.string(), author: z.string(), revision: z.string() })),
});

export const exportedBlockSchema = z.object({
  id: z.string(),
  type: z.enum(blockTypes),
  zh: z.string(),
  en: z.string().nullable(),
  /** null on breaks, which have nothing to translate. */
  status: glossStatusSchema.nullable(),
  /** The gloss's revision, to send back as `baseRevision`; null on breaks. */
  revision: z.string().nullable(),
  /** Only on stale glosses: the Chinese the gloss was written for. */
  staleFrom: z.string().optional(),
  /** Only on a paragraph changed differently on two servers (git sync): every version, until one is saved. */
  conflict: glossConflictSchema.optional(),
});
export type ExportedBlock = z.infer<typeof exportedBlockSchema>;

/** `GET /api/texts/<slug>`: the text, every block with its Chinese, English, status and revision; the title too. */
export const textResponse = z.object({
  slug: z.string(),
  title: z.object({
    zh: z.string(),
    en: z.string().nullable(),
    status: glossStatusSchema,
    /** The title gloss's revision, saved under the key `title` like a block's. */
    revision: z.string(),
    /** As a block's: the title changed differently on two servers. */
    conflict: glossConflictSchema.optional(),
  }),
  meta: z.object({ title: z.string().optional(), date: z.string().optional(), author: z.string().optional() }),
  blocks: z.array(exportedBlockSchema),
});
export type TextResponse = z.infer<typeof textResponse>;

/** A BCP 47 tag of a target language, as the server writes it (`fr`, `pt-BR`, `zh-Hant`). */
export const targetLanguageSchema = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/);

/** One block in one target language: the gloss as `gloss`; `en` too (the same) only when the language is English. */
export const blockInLanguageSchema = exportedBlockSchema.omit({ en: true }).extend({
  gloss: z.string().nullable(),
  lang: targetLanguageSchema,
  en: z.string().nullable().optional(),
});

/** `GET /api/texts/<slug>?lang=<tag>`: the text with the glosses of one target language (see docs/languages.md). */
export const textInLanguageResponse = textResponse.omit({ title: true, blocks: true }).extend({
  lang: targetLanguageSchema,
  title: textResponse.shape.title.omit({ en: true }).extend({
    gloss: z.string().nullable(),
    lang: targetLanguageSchema,
    en: z.string().nullable().optional(),
  }),
  blocks: z.array(blockInLanguageSchema),
});
export type TextInLanguageResponse = z.infer<typeof textInLanguageResponse>;

/** `POST /api/texts/<slug>/languages`: add a target language to a text (its files start empty). */
export const addLanguageRequest = z.object({ lang: z.string().max(64) });
export type AddLanguageRequest = z.infer<typeof addLanguageRequest>;
/** 201: the language added, its tag canonical (`pt-br` → `pt-BR`). */
export const addLanguageResponse = z.object({ slug: z.string(), lang: targetLanguageSchema });

// ---------------------------------------------------------------- gloss changes

/** `PUT /api/texts/<slug>/glosses/<id>`: save a gloss written from `baseRevision`. */
export const saveGlossRequest = z.object({
  text: z.string(),
  baseRevision: revisionSchema,
  clear: z.boolean().optional(),
  /** The machine-translation provider whose suggestion was inserted into the text, recorded in the history. */
  machine: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
});
export type SaveGlossRequest = z.infer<typeof saveGlossRequest>;

/** `PUT /api/texts/<slug>/glosses/<id>/status`. */
// `baseStatus`: the status the editor saw; a change made while another editor changed the status is refused (409).
export const setStatusRequest = z.object({
  status: z.enum(savedStatuses),
  baseRevision: revisionSchema,
  baseStatus: glossStatusSchema.optional(),
});
export type SetStatusRequest = z.infer<typeof setStatusRequest>;

/** `POST /api/texts/<slug>/glosses/<id>/revert`: put the version with revision `to` back. */
export const revertRequest = z.object({ to: revisionSchema, baseRevision: revisionSchema });
export type RevertRequest = z.infer<typeof revertRequest>;

/** The answer to every accepted gloss change: the gloss as stored now. */
export const glossChangeResponse = z.object({ text: z.string(), revision: z.string(), status: glossStatusSchema });
export type GlossChangeResponse = z.infer<typeof glossChangeResponse>;

/** 409 on a gloss change: the gloss changed since `baseRevision`; here is what it is now. */
export const conflictResponse = errorResponse.extend({
  current: z.object({ text: z.string(), revision: z.string(), status: glossStatusSchema.optional() }),
});
export type ConflictResponse = z.infer<typeof conflictResponse>;

/** 507 (disk full) or 503 (store unwritable, busy) on a gloss change: nothing was changed. */
export const storeFailureResponse = errorResponse.extend({
  reason: z.enum(['disk-full', 'unwritable', 'symlink', 'busy', 'failed']),
});
export type StoreFailureResponse = z.infer<typeof storeFailureResponse>;

// ---------------------------------------------------------------- /api/texts/<slug>/history

export const historyEntryResponse = historyEntrySchema.extend({
  /** On gloss changes: the revision before it, to revert to the text before the change. */
  beforeRevision: z.string().optional(),
});
export type HistoryEntryResponse = z.infer<typeof historyEntryResponse>;
export const historyResponse = z.object({ entries: z.array(historyEntryResponse) });
export type HistoryResponse = z.infer<typeof historyResponse>;

// ---------------------------------------------------------------- adding a text, exchange (XLIFF, TMX)

/** A refusal of `POST /api/texts` or of an import: `{ error, kind }`, kind naming the reason. */
export const exchangeErrorResponse = errorResponse.extend({ kind: z.string() });
export type ExchangeErrorResponse = z.infer<typeof exchangeErrorResponse>;

/**
 * `POST /api/texts` on a slug that is taken: 409 with the text's slug and reading link;
 * `sameSource` when it is this very file, added by an earlier request (a retry after a lost answer).
 */
export const addExistsResponse = exchangeErrorResponse.extend({
  kind: z.literal('exists'),
  slug: z.string(),
  url: z.string(),
  sameSource: z.boolean(),
});
export type AddExistsResponse = z.infer<typeof addExistsResponse>;

/** `POST /api/texts?…` (the body is the file): what was found in it, and what was done. */
export const addTextResponse = z.object({
  ok: z.literal(true),
  slug: z.string(),
  file: z.string(),
  /** `utf-8`, `utf-8 (BOM)`, `utf-16le (BOM)`, `gb18030`, `big5`, … */
  encoding: z.string(),
  /** chardet's confidence (0–100), when the encoding was guessed. */
  confidence: z.number().optional(),
  /** An encoding was named and the bytes look like another: what to check. */
  encodingWarning: z.string().optional(),
  meta: z.object({ title: z.string().optional(), date: z.string().optional(), author: z.string().optional() }),
  summary: z.object({
    /** How the file marks paragraphs: `blank` lines, one per `line`, or hard-`wrapped` lines; found in the file and used. */
    layout: z.object({ found: z.enum(paragraphLayouts), used: z.enum(paragraphLayouts), reason: z.string() }),
    blocks: z.record(z.enum(blockTypes), z.number()),
    characters: z.number(),
    han: z.number(),
    oddities: z.array(z.object({ line: z.number(), kind: z.string(), message: z.string() })),
  }),
  /** The first 200 blocks: type, line and first characters. */
  preview: z.array(z.object({ type: z.enum(blockTypes), line: z.number(), start: z.string() })),
  /** Blocks, oddities and ids left unlisted (the summary counts every block), so a long text gets a short answer. */
  omitted: z.object({ preview: z.number(), oddities: z.number(), ids: z.number().optional() }).optional(),
  /** `checked` for a preview (nothing written). */
  action: z.enum(['checked', 'created', 'replaced']),
  sync: z
    .object({
      slug: z.string(),
      blocks: z.number(),
      added: z.array(z.string()),
      edited: z.array(z.string()),
      retired: z.array(z.object({ id: z.string(), mergedInto: z.string().optional() })),
      revived: z.array(z.string()),
      ledgerWritten: z.boolean(),
      glossesReordered: z.boolean(),
      journalFolded: z.boolean(),
      revisionsRecorded: z.number().optional(),
    })
    .optional(),
});
export type AddTextResponse = z.infer<typeof addTextResponse>;

/** What an import did with a unit (lib/exchange/plan.ts importOutcomes); `empty`: untranslated in the file and in the app. */
export const importOutcomeSchema = z.enum(['applied', 'unchanged', 'empty', 'stale', 'conflict', 'rejected']);

/** `POST /api/texts/<slug>/import?…` (the body is an XLIFF file): the outcome of every unit. */
export const importResponse = z.object({
  ok: z.literal(true),
  slug: z.string(),
  /** The target language the file was imported into. */
  lang: targetLanguageSchema,
  file: z.string(),
  version: z.enum(['1.2', '2.0']),
  dryRun: z.boolean(),
  counts: z.record(importOutcomeSchema, z.number()),
  /** Notes of the file taken in as comments. */
  comments: z.number().optional(),
  units: z.array(
    z.object({
      id: z.string(),
      outcome: importOutcomeSchema,
      reason: z.string().optional(),
      current: z.string().optional(),
      incoming: z.string().optional(),
      status: z.enum(savedStatuses).optional(),
      fileSource: z.string().optional(),
      currentSource: z.string().optional(),
    }),
  ),
});
export type ImportResponse = z.infer<typeof importResponse>;

// ---------------------------------------------------------------- routes

/** The URL of each API route, built in one place. */
export const apiPaths = {
  session: '/api/session',
  texts: '/api/texts',
  text: (slug: string) => `/api/texts/${encodeURIComponent(slug)}`,
  gloss: (slug: string, id: string) => `/api/texts/${encodeURIComponent(slug)}/glosses/${encodeURIComponent(id)}`,
  glossStatus: (slug: string, id: string) => `${apiPaths.gloss(slug, id)}/status`,
  glossRevert: (slug: string, id: string) => `${apiPaths.gloss(slug, id)}/revert`,
  languages: (slug: string) => `${apiPaths.text(slug)}/languages`,
  history: (slug: string, id?: string) => `${apiPaths.text(slug)}/history${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  xliff: (slug: string) => `${apiPaths.text(slug)}/xliff`,
  tmx: (slug: string) => `${apiPaths.text(slug)}/tmx`,
  import: (slug: string) => `${apiPaths.text(slug)}/import`,
} as const;
