import { DEFAULT_TARGET_LANGUAGE, parseTargetLanguage, type TargetLanguage } from '@/lib/i18n/target-language';

type Params = Readonly<Record<string, string | string[] | undefined>>;
type Read<T> = { ok: true; request: T } | { ok: false; error: string };

/** The most places a concordance page holds, and the furthest a cursor reaches. */
export const MAX_CONCORDANCE_LIMIT = 100;
export const MAX_CONCORDANCE_CURSOR = 20_000;
/** The longest concordance query (a phrase, not a paragraph). */
export const MAX_CONCORDANCE_QUERY = 100;

function one(params: Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

function language(params: Params): { ok: true; lang: TargetLanguage } | { ok: false; error: string } {
  const raw = one(params, 'lang');
  return raw === undefined || raw === '' ? { ok: true, lang: DEFAULT_TARGET_LANGUAGE } : parseTargetLanguage(raw);
}

function whole(value: string | undefined, fallback: number, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/**
 * Reads `GET /api/tm`'s parameters: the text, the paragraph and the target language.
 * `readMatchRequest({ text: 'karpathy-no-priors', id: 'c4pzjo' })` → `{ ok: true, request: { slug, id, lang: 'en' } }`.
 */
export function readMatchRequest(params: Params): Read<{ slug: string; id: string; lang: TargetLanguage }> {
  const slug = one(params, 'text') ?? '';
  if (!slug) return { ok: false, error: 'text is required: the slug of the text the paragraph is in' };
  if (!/^[a-z0-9][a-z0-9_-]{0,79}$/.test(slug)) return { ok: false, error: `Unknown text: ${slug.slice(0, 80)}` };
  const id = one(params, 'id') ?? '';
  if (!id) return { ok: false, error: "id is required: the paragraph's id" };
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) return { ok: false, error: `Not a paragraph id: ${id.slice(0, 40)}` };
  const lang = language(params);
  if (!lang.ok) return lang;
  return { ok: true, request: { slug, id, lang: lang.lang } };
}

/**
 * Reads `GET /api/concordance`'s parameters: a word or phrase (Chinese or English), the target
 * language, a page size and a cursor. `readConcordanceRequest({ q: '特斯拉' })` → `{ ok: true, request: { q: '特斯拉', lang: 'en', limit: 20, offset: 0 } }`.
 */
export function readConcordanceRequest(params: Params): Read<{ q: string; lang: TargetLanguage; limit: number; offset: number }> {
  const q = (one(params, 'q') ?? '').trim();
  if (!q) return { ok: false, error: 'q is required: a word or phrase to look for' };
  if ([...q].length > MAX_CONCORDANCE_QUERY)
    return { ok: false, error: `q is longer than ${MAX_CONCORDANCE_QUERY} characters: look for a word or phrase` };
  if (/[\p{Cc}\p{Cs}]/u.test(q)) return { ok: false, error: 'q holds control characters' };
  const lang = language(params);
  if (!lang.ok) return lang;
  const limit = whole(one(params, 'limit'), 20, 1, MAX_CONCORDANCE_LIMIT);
  if (limit === undefined) return { ok: false, error: `limit must be a whole number from 1 to ${MAX_CONCORDANCE_LIMIT}` };
  const offset = whole(one(params, 'cursor'), 0, 0, MAX_CONCORDANCE_CURSOR);
  if (offset === undefined) return { ok: false, error: 'cursor must be one a previous page gave as next' };
  return { ok: true, request: { q, lang: lang.lang, limit, offset } };
}
