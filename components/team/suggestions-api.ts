// The browser's calls to the suggestion routes, each answer parsed with its contract schema.
import { suggestionListResponse, suggestionResponse, type SuggestionResponse } from '@/lib/api/suggestion-contract';

export type SuggestionCall<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

const base = (slug: string, id: string) => `/api/texts/${encodeURIComponent(slug)}/glosses/${encodeURIComponent(id)}/suggestions`;

async function call<T>(url: string, init: RequestInit, parse: (body: unknown) => T | undefined): Promise<SuggestionCall<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    return { ok: false, status: 0, error: 'network' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  const error = (body as { error?: unknown } | undefined)?.error;
  if (!response.ok)
    return { ok: false, status: response.status, error: typeof error === 'string' ? error : `HTTP ${response.status}` };
  const data = parse(body);
  return data === undefined ? { ok: false, status: response.status, error: 'unexpected answer' } : { ok: true, data };
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const one = (body: unknown) => suggestionResponse.safeParse(body).data?.suggestion;

export const listSuggestions = (slug: string, id: string) =>
  call(base(slug, id), {}, (body) => suggestionListResponse.safeParse(body).data?.suggestions);
export const makeSuggestion = (slug: string, id: string, text: string) => call(base(slug, id), post({ text }), one);
export const acceptSuggestion = (slug: string, id: string, sid: string, text: string) =>
  call(`${base(slug, id)}/${encodeURIComponent(sid)}/accept`, post({ text }), one);
export const rejectSuggestion = (slug: string, id: string, sid: string, reason: string, note: string) =>
  call(`${base(slug, id)}/${encodeURIComponent(sid)}/reject`, post({ reason, note }), one);
export const voteSuggestion = (slug: string, id: string, sid: string) =>
  call(`${base(slug, id)}/${encodeURIComponent(sid)}/vote`, post({}), one);

export type { SuggestionResponse };
