import { difficultyResponse } from '@/lib/api/learn-contract';
import { loadText } from '@/lib/library/load';
import { getTextDifficulty } from '@/lib/reading/text-difficulty';
import { isTextSlug, noSuchText } from '@/app/api/_lib/http';
import { queryValue } from '@/app/api/_lib/query';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>/difficulty[?section=<name>]`: `{ tokens, aboveLevel, levelFor95 }`, the
 * share of the text's (or section's) words above each HSK level and the lowest level that knows
 * 95 % of them (lib/learn/difficulty.ts). The first request for a long text annotates it whole.
 */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isTextSlug(slug)) return noSuchText();
  const loaded = await loadText(slug);
  if (!loaded) return noSuchText();
  if (!loaded.ok) return errorJson(loaded.broken.error, 409);
  const section = queryValue(new URL(request.url), 'section');
  if (section !== undefined && section.length > 64) return errorJson('No such section', 404);
  const difficulty = await getTextDifficulty(loaded.text, section);
  if (!difficulty) return errorJson('No such section', 404);
  return json(difficultyResponse, difficulty);
});
