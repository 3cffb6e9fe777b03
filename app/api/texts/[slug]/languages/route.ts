import { addLanguageRequest, addLanguageResponse } from '@/lib/api/contract';
import { addLanguage } from '@/lib/library/languages';
import { accessRefused, isTextSlug, noSuchText } from '@/app/api/_lib/http';
import { parseJsonBody } from '@/app/api/_lib/body';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';
import { authorize } from '@/lib/auth/request';

type Params = { params: Promise<{ slug: string }> };

const statusOf = { invalid: 400, 'not-found': 404, exists: 409, store: 503 } as const;

/**
 * `POST /api/texts/<slug>/languages` with `{ lang }`: adds a target language to a text, as
 * `npm run language -- add` does (the same lib function): 201 with the canonical tag; 400 for a
 * tag that is not a language (or is Chinese), 409 for a language the text has, 401/403 when the
 * request is not an admin's, 404 for an unknown text, 503 when the store cannot be written.
 */
export const POST = withErrors(async (request: Request, { params }: Params): Promise<Response> => {
  const { slug } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  const access = await authorize(request, 'manage-languages', { text: slug });
  if (!access.ok) return accessRefused(access);
  const body = await parseJsonBody(request, addLanguageRequest, '{ lang }, a BCP 47 tag such as "fr"');
  if (!body.ok) return body.response;
  const result = await addLanguage(slug, body.data.lang);
  if (!result.ok) return errorJson(result.error, statusOf[result.kind]);
  return json(addLanguageResponse, { slug: result.slug, lang: result.lang }, { status: 201 });
});
