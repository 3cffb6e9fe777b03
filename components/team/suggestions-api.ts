// The browser's calls to the suggestion routes, each answer parsed with its contract schema.
import { suggestionListResponse, suggestionResponse, type SuggestionResponse } from '@/lib/api/suggestion-contract';
import { callApi, jsonRequest, type ApiCall } from '../api-call';

export type SuggestionCall<T> = ApiCall<T>;

const base = (slug: string, id: string) => `/api/texts/${encodeURIComponent(slug)}/glosses/${encodeURIComponent(id)}/suggestions`;

const call = callApi;
const post = (body: unknown) => jsonRequest('POST', body);
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
