// The browser's calls to the comment routes, each answer parsed with its contract schema.
import { commentCountsResponse, commentListResponse, commentResponse, type CommentResponse } from '@/lib/api/comment-contract';
import { callApi, jsonRequest, type ApiCall } from '../api-call';

export type CommentCall<T> = ApiCall<T>;

const text = (slug: string) => `/api/texts/${encodeURIComponent(slug)}`;
const query = (lang: string) => (lang === 'en' ? '' : `?lang=${encodeURIComponent(lang)}`);

const call = callApi;
const post = (body: unknown) => jsonRequest('POST', body);
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
