import { glossStatuses } from '@/lib/gloss/types';
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
  limit: number;
  offset: number;
}

export type SearchRequestResult = { ok: true; request: SearchRequest } | { ok: false; status: 400 | 403; error: string };

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
 * Reads the parameters of a search (`q`, `text`, `status`, `field`, `limit`, `cursor`), as the
 * API and the results page receive them. Status filters are for editors; without one, a query
 * is required. `readSearchRequest({ q: '智能' }, { editor: false })` → `{ ok: true, request: { terms: [智能], limit: 20, offset: 0 } }`.
 */
export function readSearchRequest(params: Params, viewer: { editor: boolean }): SearchRequestResult {
  const q = (one(params, 'q') ?? '').trim();
  const text = one(params, 'text') || undefined;
  if (text !== undefined && !/^[a-z0-9][a-z0-9_-]{0,79}$/.test(text))
    return { ok: false, status: 400, error: `Unknown text: ${text.slice(0, 80)}` };
  const statusParam = one(params, 'status') || undefined;
  const statuses = statusParam
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (statuses?.length) {
    const unknown = statuses.find((s) => !(glossStatuses as readonly string[]).includes(s));
    if (unknown !== undefined)
      return { ok: false, status: 400, error: `Unknown status: ${unknown.slice(0, 40)} (expected ${glossStatuses.join(', ')})` };
    if (!viewer.editor) return { ok: false, status: 403, error: 'Filtering by status is for editors: sign in as an editor' };
  }
  const fieldParam = one(params, 'field') || undefined;
  let field: SearchField | undefined;
  if (fieldParam !== undefined) {
    if (isSearchField(fieldParam)) field = fieldParam;
    else
      return { ok: false, status: 400, error: `Unknown field: ${fieldParam.slice(0, 40)} (expected ${searchFields.join(', ')})` };
  }
  const limit = whole(one(params, 'limit'), DEFAULT_LIMIT, 1, MAX_LIMIT);
  if (limit === undefined) return { ok: false, status: 400, error: `limit must be a whole number from 1 to ${MAX_LIMIT}` };
  const offset = whole(one(params, 'cursor'), 0, 0, MAX_OFFSET);
  if (offset === undefined) return { ok: false, status: 400, error: 'cursor must be one a previous page gave as next' };
  let terms: QueryTerm[] = [];
  if (q || !statuses?.length) {
    const parsed = parseQuery(q);
    if (!parsed.ok) return { ok: false, status: 400, error: parsed.error };
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
    },
  };
}
