// The browser's calls to the translation memory's routes, each answer checked with its schema.
import { z } from 'zod';

const span = z.tuple([z.number(), z.number()]);

export const matchSchema = z.object({
  score: z.number(),
  zh: z.string(),
  gloss: z.string(),
  slug: z.string(),
  id: z.string(),
  status: z.enum(['draft', 'reviewed']),
  origin: z.string(),
  originKind: z.enum(['text', 'memory']),
  url: z.string().optional(),
  by: z.string().optional(),
  time: z.string().optional(),
  diff: z.array(span),
});
export type MatchView = z.infer<typeof matchSchema>;

const termSchema = z.object({
  term: z.string(),
  en: z.array(z.string()),
  forbidden: z.array(z.string()).optional(),
  doNotTranslate: z.boolean().optional(),
  note: z.string().optional(),
  source: z.enum(['shared', 'text']).optional(),
});

const sentenceMatchSchema = z.object({
  unit: z.literal('sentence'),
  score: z.number(),
  zh: z.string(),
  gloss: z.string(),
  slug: z.string(),
  id: z.string(),
  link: z.number(),
  status: z.enum(['draft', 'reviewed']),
  origin: z.string(),
  originKind: z.literal('text'),
  url: z.string(),
  diff: z.array(span),
});
const sentencesSchema = z.array(z.object({ zh: span, matches: z.array(sentenceMatchSchema) }));
export type SentenceMatchesView = z.infer<typeof sentencesSchema>;

const matchesResponse = z.object({
  zh: z.string(),
  matches: z.array(matchSchema),
  sentences: sentencesSchema.default([]),
  glossary: z.array(termSchema),
});
export type MatchesView = z.infer<typeof matchesResponse>;

const concordanceResponse = z.object({
  total: z.number(),
  renderings: z.array(z.object({ text: z.string(), count: z.number() })),
  results: z.array(
    z.object({
      slug: z.string(),
      id: z.string(),
      zh: z.string(),
      gloss: z.string(),
      rendering: z.string(),
      url: z.string().optional(),
      origin: z.string().optional(),
      highlights: z.object({ zh: z.array(span), gloss: z.array(span) }),
    }),
  ),
  next: z.number().nullable(),
});
export type ConcordanceView = z.infer<typeof concordanceResponse>;

const machineResponse = z.union([
  z.object({ provider: z.null() }),
  z.object({ provider: z.object({ id: z.string(), label: z.string() }), suggestion: z.string() }),
]);
export type MachineView = z.infer<typeof machineResponse>;

type Answer<T> = { ok: true; data: T } | { ok: false; error: string };

async function getJson<S extends z.ZodType>(url: string, schema: S): Promise<Answer<z.output<S>>> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = z.object({ error: z.string() }).safeParse(body);
      return { ok: false, error: error.success ? error.data.error : `HTTP ${response.status}` };
    }
    const parsed = schema.safeParse(body);
    return parsed.success
      ? { ok: true, data: parsed.data }
      : { ok: false, error: 'The server gave an answer of an unexpected shape' };
  } catch {
    return { ok: false, error: 'network' };
  }
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const getMatches = (slug: string, id: string, lang: string) =>
  getJson(`/api/tm?${query({ text: slug, id, lang })}`, matchesResponse);
export const getConcordance = (q: string, lang: string) =>
  getJson(`/api/concordance?${query({ q, lang, limit: '50' })}`, concordanceResponse);
export const getMachineSuggestion = (slug: string, id: string, lang: string) =>
  getJson(`/api/mt?${query({ text: slug, id, lang })}`, machineResponse);
