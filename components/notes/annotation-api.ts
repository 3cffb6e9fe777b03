// The browser's calls to the notes, glossary and word-list routes, each answer parsed with its
// contract schema (lib/api/annotation-contract.ts).
import type { z } from 'zod';
import { callApi, jsonRequest, type ApiCall } from '../api-call';
import {
  annotationPaths,
  glossaryResponse,
  noteListResponse,
  noteResponse,
  termResponse,
  termsResponse,
  type EditTermsRequest,
  type PutTermRequest,
} from '@/lib/api/annotation-contract';

export type AnnotationCall<T> = ApiCall<T>;

function call<S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<AnnotationCall<z.output<S>>> {
  return callApi(url, init, (body) => {
    const parsed = schema.safeParse(body);
    return parsed.success ? parsed.data : undefined;
  });
}

const send = jsonRequest;

/** A route's URL for one target language; English's keep their plain form. */
function inLanguage(url: string, lang: string | undefined): string {
  return !lang || lang === 'en' ? url : `${url}?lang=${encodeURIComponent(lang)}`;
}

export const listNotes = (slug: string, lang?: string) =>
  call(inLanguage(annotationPaths.notes(slug), lang), {}, noteListResponse);
export const addNote = (slug: string, note: { block: string; quote: string; body: string; occurrence?: number }, lang?: string) =>
  call(inLanguage(annotationPaths.notes(slug), lang), send('POST', note), noteResponse);
export const changeNote = (slug: string, nid: string, change: { baseRevision: string; body: string }, lang?: string) =>
  call(inLanguage(annotationPaths.note(slug, nid), lang), send('PUT', change), noteResponse);
export const removeNote = (slug: string, nid: string, baseRevision: string, lang?: string) =>
  call(inLanguage(annotationPaths.note(slug, nid), lang), send('DELETE', { baseRevision }), noteResponse);

export const getGlossary = (slug: string, lang?: string) =>
  call(inLanguage(annotationPaths.glossary(slug), lang), {}, glossaryResponse);
/** Puts a term in the text's own glossary, or the shared one (`shared`). */
export const putTerm = (slug: string, term: string, entry: PutTermRequest, shared: boolean, lang?: string) =>
  call(
    inLanguage(shared ? annotationPaths.sharedTerm(term) : annotationPaths.term(slug, term), lang),
    send('PUT', entry),
    termResponse,
  );
export const removeTerm = (slug: string, term: string, baseRevision: string, shared: boolean, lang?: string) =>
  call(
    inLanguage(shared ? annotationPaths.sharedTerm(term) : annotationPaths.term(slug, term), lang),
    send('DELETE', { baseRevision }),
    termResponse,
  );

export const editTerms = (slug: string, change: EditTermsRequest, lang?: string) =>
  call(inLanguage(annotationPaths.terms(slug), lang), send('PUT', change), termsResponse);
