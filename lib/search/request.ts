import { glossStatuses } from '@/lib/gloss/types';
import { parseTargetLanguage } from '@/lib/i18n/target-language';
import { MAX_READING_LANGUAGES } from '@/lib/reading/reading-languages';
import { isSearchField, parseQuery, searchFields, type QueryTerm, type SearchField } from './query';

/** Results per page unless asked otherwise, and the most a page may hold. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;
/** The furthest a cursor may reach: deeper than this, narrow the query. */
export const MAX_OFFSET = 10_000;

/** A validated search: what to look for and where. */
export interface SearchRequest {
  /** The query as typed (trimmed), for showing it back. */
  q: string;
  terms: QueryTerm[];
  text?: string;
  statuses?: string[];
  field?: SearchField;
  /** The target languages whose glosses are searched; English alone when absent. */
  langs?: string[];
  limit: number;
  offset: number;
}

/** Why a search cannot run: a parameter is wrong, or a filter is for editors (the route gives each its status). */
export type SearchRefusal = 'invalid' | 'forbidden';

export type SearchRequestResult = { ok: true; request: SearchRequest } | { ok: false; kind: SearchRefusal; error: string };

type Params = Readonly<Record<string, string | string[] | undefined>>;

function one(params: Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

function whole(value: string | undefined, fallback: number, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/**
 * Reads the parameters of a search (`q`, `text`, `status`, `field`, `tl`, `lang`, `limit`, `cursor`), as the
 * API and the results page receive them. Status filters are for editors; without one, a query
 * is required. `readSearchRequest({ q: '智能' }, { editor: false })` → `{ ok: true, request: { terms: [智能], limit: 20, offset: 0 } }`.
 */
export function readSearchRequest(params: Params, viewer: { editor: boolean }): SearchRequestResult {
  const q = (one(params, 'q') ?? '').trim();
  const text = one(params, 'text') || undefined;
  if (text !== undefined && !/^[a-z0-9][a-z0-9_-]{0,79}$/.test(text))
    return { ok: false, kind: 'invalid', error: `Unknown text: ${text.slice(0, 80)}` };
  const statusParam = one(params, 'status') || undefined;
  const statuses = statusParam
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (statuses?.length) {
    const unknown = statuses.find((s) => !(glossStatuses as readonly string[]).includes(s));
    if (unknown !== undefined)
      return {
        ok: false,
        kind: 'invalid',
        error: `Unknown status: ${unknown.slice(0, 40)} (expected ${glossStatuses.join(', ')})`,
      };
    if (!viewer.editor)
      return { ok: false, kind: 'forbidden', error: 'Filtering by status is for editors: sign in as an editor' };
  }
  const fieldParam = one(params, 'field') || undefined;
  let field: SearchField | undefined;
  if (fieldParam !== undefined) {
    if (isSearchField(fieldParam)) field = fieldParam;
    else
      return {
        ok: false,
        kind: 'invalid',
        error: `Unknown field: ${fieldParam.slice(0, 40)} (expected ${searchFields.join(', ')})`,
      };
  }
  const langs = searchLanguages(one(params, 'tl') || undefined, one(params, 'lang') || undefined);
  if (!langs.ok) return { ok: false, kind: 'invalid', error: langs.error };
  const limit = whole(one(params, 'limit'), DEFAULT_LIMIT, 1, MAX_LIMIT);
  if (limit === undefined) return { ok: false, kind: 'invalid', error: `limit must be a whole number from 1 to ${MAX_LIMIT}` };
  const offset = whole(one(params, 'cursor'), 0, 0, MAX_OFFSET);
  if (offset === undefined) return { ok: false, kind: 'invalid', error: 'cursor must be one a previous page gave as next' };
  let terms: QueryTerm[] = [];
  if (q || !statuses?.length) {
    const parsed = parseQuery(q);
    if (!parsed.ok) return { ok: false, kind: 'invalid', error: parsed.error };
    terms = parsed.terms;
  }
  return {
    ok: true,
    request: {
      q,
      terms,
      limit,
      offset,
      ...(text ? { text } : {}),
      ...(statuses?.length ? { statuses } : {}),
      ...(field ? { field } : {}),
      ...(langs.langs ? { langs: langs.langs } : {}),
    },
  };
}

/**
 * The target languages a search reads: `lang` alone when given (the filter), else those of `tl`
 * (the languages the reader shows, as on a reading page: at most three), else English alone
 * (`langs` absent). `searchLanguages('en,fr', undefined)` → `{ ok: true, langs: ['en', 'fr'] }`.
 */
export function searchLanguages(
  tl: string | undefined,
  lang: string | undefined,
): { ok: true; langs?: string[] } | { ok: false; error: string } {
  if (lang !== undefined) {
    const check = parseTargetLanguage(lang.slice(0, 40));
    return check.ok ? { ok: true, langs: [check.lang] } : { ok: false, error: `lang: ${check.error}` };
  }
  if (tl === undefined) return { ok: true };
  const langs: string[] = [];
  for (const part of tl.slice(0, 200).split(',')) {
    const check = parseTargetLanguage(part);
    if (!check.ok) return { ok: false, error: `tl: ${check.error}` };
    if (!langs.includes(check.lang)) langs.push(check.lang);
  }
  if (langs.length > MAX_READING_LANGUAGES)
    return { ok: false, error: `tl: at most ${MAX_READING_LANGUAGES} languages, as a reading page shows` };
  return { ok: true, langs };
}
