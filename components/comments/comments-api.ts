// The browser's calls to the comment routes, each answer parsed with its contract schema.
import { commentCountsResponse, commentListResponse, commentResponse, type CommentResponse } from '@/lib/api/comment-contract';

export type CommentCall<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

const text = (slug: string) => `/api/texts/${encodeURIComponent(slug)}`;
const query = (lang: string) => (lang === 'en' ? '' : `?lang=${encodeURIComponent(lang)}`);

async function call<T>(url: string, init: RequestInit, parse: (body: unknown) => T | undefined): Promise<CommentCall<T>> {
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
const one = (body: unknown) => commentResponse.safeParse(body).data?.comment;

export const getCommentCounts = (slug: string, lang: string) =>
  call(`${text(slug)}/comments${query(lang)}`, {}, (body) => commentCountsResponse.safeParse(body).data);
export const listComments = (slug: string, lang: string, id: string) =>
  call(
    `${text(slug)}/blocks/${encodeURIComponent(id)}/comments${query(lang)}`,
    {},
    (body) => commentListResponse.safeParse(body).data?.comments,
  );
export const postComment = (slug: string, lang: string, id: string, input: { body: string; quote?: string; replyTo?: string }) =>
  call(`${text(slug)}/blocks/${encodeURIComponent(id)}/comments${query(lang)}`, post(input), one);
export const resolveComment = (slug: string, lang: string, cid: string, change: { reopen: boolean; revision: string }) =>
  call(`${text(slug)}/comments/${encodeURIComponent(cid)}/resolve${query(lang)}`, post(change), one);

export type { CommentResponse };
