import { textInLanguageResponse, textResponse } from '@/lib/api/contract';
import { annotateText } from '@/lib/library/annotate-text';
import { exportAnnotatedText } from '@/lib/downloads/annotated-export';
import { exportText, exportTextIn } from '@/lib/downloads/export';
import { loadText } from '@/lib/library/load';
import { withConflicts } from '@/lib/gitsync/conflict-view';
import { readConflicts } from '@/lib/store/conflicts';
import { isTextSlug, noSuchText, requestedLanguage } from '@/app/api/_lib/http';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>`: the text with every block's Chinese, English, status and revision (the
 * title's too); `?annotations=1` adds tokens, notes, terms and the dictionary of the words used.
 * `?lang=<tag>`: the glosses of that target language, as `gloss` and `lang` on every block and the
 * title (`en` too when the tag is `en`); 400 for a bad tag, 404 for a language the text lacks.
 * A paragraph changed differently on two servers (git sync) carries `conflict: { versions }`.
 */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  const language = await requestedLanguage(request, slug);
  if (!language.ok) return language.response;
  const loaded = await loadText(slug, { lang: language.lang });
  if (!loaded) return noSuchText();
  if (!loaded.ok) return errorJson(loaded.broken.error, 409);
  const withAnnotations = new URL(request.url).searchParams.get('annotations') === '1';
  const conflicts = await readConflicts(slug, language.lang);
  if (language.given) {
    if (withAnnotations) return errorJson('Annotations come with the English only for now: leave out ?lang=', 400);
    return json(textInLanguageResponse, withConflicts(exportTextIn(loaded.text), conflicts));
  }
  if (!withAnnotations) return json(textResponse, withConflicts(exportText(loaded.text), conflicts));
  return Response.json(exportAnnotatedText(loaded.text, await annotateText(loaded.text)));
});
