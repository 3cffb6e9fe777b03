import { suggestionListResponse, suggestRequest } from '@/lib/api/suggestion-contract';
import { viewerOf } from '@/lib/auth/request';
import { listSuggestions, suggest } from '@/lib/library/suggestions';
import { isGlossKey, isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';
import { suggestionAnswer, suggestionHandler } from '@/app/api/_lib/suggestions';

export const dynamic = 'force-dynamic';

/** `GET /api/texts/<slug>/glosses/<id>/suggestions?lang=`: `{ suggestions }` for anyone signed in, oldest first. */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
  const { slug, id } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  if (!isGlossKey(id)) return errorJson('No such paragraph in this text', 404);
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  if (!(await viewerOf(request))) return errorJson('Sign in to see suggestions', 401);
  const result = await listSuggestions({ slug, id, lang: language.lang });
  if (!result.ok) return errorJson(result.error, result.kind === 'not-found' ? 404 : 409);
  return json(suggestionListResponse, { suggestions: result.suggestions }, { headers: { 'Cache-Control': 'no-store' } });
});

/** `POST /api/texts/<slug>/glosses/<id>/suggestions?lang=` with `{ text }`: 201 `{ suggestion }`. */
export const POST = suggestionHandler('suggest', suggestRequest, '{ text }', async ({ slug, id, lang, who, body }) =>
  suggestionAnswer(await suggest({ slug, id, lang, author: who, text: body.text }), true),
);
