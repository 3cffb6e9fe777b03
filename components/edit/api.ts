// The browser's calls to the API, typed by the contract (lib/api/contract.ts): each answer is
// parsed with the route's schema, so nothing between the two sides is taken on trust.
import type { z } from 'zod';
import {
  addLanguageResponse,
  apiPaths,
  conflictResponse,
  errorResponse,
  glossChangeResponse,
  historyResponse,
  sessionResponse,
  signInResponse,
  signOutResponse,
  textInLanguageResponse,
  textResponse,
  type AddLanguageRequest,
  type RevertRequest,
  type SaveGlossRequest,
  type ConflictResponse,
  type SetStatusRequest,
  type SignInRequest,
} from '@/lib/api/contract';

/** An answer: the parsed body, or why not (`status` 0 when the network failed). */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; error: string; current?: ConflictResponse['current']; retryAfterSeconds?: number };

async function call<S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<ApiResult<z.output<S>>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    return { ok: false, status: 0, error: 'network' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    return parsed.success
      ? { ok: true, data: parsed.data }
      : { ok: false, status: response.status, error: 'The server gave an answer of an unexpected shape' };
  }
  const conflict = conflictResponse.safeParse(body);
  if (conflict.success) return { ok: false, status: response.status, error: conflict.data.error, current: conflict.data.current };
  const failure = errorResponse.safeParse(body);
  const retry = Number(response.headers.get('retry-after'));
  return {
    ok: false,
    status: response.status,
    error: failure.success ? failure.data.error : response.statusText || `HTTP ${response.status}`,
    ...(retry > 0 ? { retryAfterSeconds: retry } : {}),
  };
}

/** A route's URL for one target language (`?lang=fr`); English's keep their old form. */
function inLanguage(url: string, lang: string | undefined): string {
  if (!lang || lang === 'en') return url;
  return `${url}${url.includes('?') ? '&' : '?'}lang=${encodeURIComponent(lang)}`;
}

const sendJson = (method: 'PUT' | 'POST', body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const getSession = () => call(apiPaths.session, {}, sessionResponse);
export const signIn = (body: SignInRequest) => call(apiPaths.session, sendJson('POST', body), signInResponse);
export const signOut = () => call(apiPaths.session, { method: 'DELETE' }, signOutResponse);
export const getText = (slug: string) => call(apiPaths.text(slug), {}, textResponse);
/** The text in one target language (`?lang=`): each block's gloss as `gloss`. */
export const getTextInLanguage = (slug: string, lang: string) =>
  call(inLanguage(apiPaths.text(slug), lang), {}, textInLanguageResponse);
export const getHistory = (slug: string, id: string, lang?: string) =>
  call(inLanguage(apiPaths.history(slug, id), lang), {}, historyResponse);
export const saveGloss = (slug: string, id: string, body: SaveGlossRequest, lang?: string) =>
  call(inLanguage(apiPaths.gloss(slug, id), lang), sendJson('PUT', body), glossChangeResponse);
export const setGlossStatus = (slug: string, id: string, body: SetStatusRequest, lang?: string) =>
  call(inLanguage(apiPaths.glossStatus(slug, id), lang), sendJson('PUT', body), glossChangeResponse);
export const revertGloss = (slug: string, id: string, body: RevertRequest, lang?: string) =>
  call(inLanguage(apiPaths.glossRevert(slug, id), lang), sendJson('POST', body), glossChangeResponse);
export const addTextLanguage = (slug: string, body: AddLanguageRequest) =>
  call(apiPaths.languages(slug), sendJson('POST', body), addLanguageResponse);
