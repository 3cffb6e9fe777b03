import { getParagraphAudio } from '@/lib/library/audio';
import { loadText } from '@/lib/library/load';
import { isBlockId } from '@/lib/text/hash';
import { audioResponse, voiceFailure } from '@/app/api/_lib/audio';
import { isTextSlug, noSuchText } from '@/app/api/_lib/http';
import { errorJson, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>/audio/<id>`: the paragraph's Chinese read by the server voice, as Ogg
 * Opus (lib/library/audio.ts); 404 for an unknown text or paragraph, 413 for a paragraph over the
 * voice's limit, 503 when the voice is missing or busy.
 */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
  const { slug, id } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  if (!isBlockId(id)) return errorJson('No such paragraph', 404);
  const loaded = await loadText(slug);
  if (!loaded) return noSuchText();
  if (!loaded.ok) return errorJson(loaded.broken.error, 409);
  try {
    // The URL stays while the paragraph changes: the browser asks again after five minutes (304 when unchanged).
    return audioResponse(request, await getParagraphAudio(loaded.text, id), 'public, max-age=300, must-revalidate', 413);
  } catch (error) {
    const answer = voiceFailure(error);
    if (answer) return answer;
    throw error;
  }
});
