import { wordParamSchema, wordResponse } from '@/lib/api/learn-contract';
import { getWordInfo } from '@/lib/reading/word-info';
import { errorJson, json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/** A path segment as given; undefined when its escapes are malformed. */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * `GET /api/words/<word>`: `{ word, pinyin, senses, hsk: { "3.0", "2.0" } }`; 400 for anything but
 * a short run of Han characters, 404 for a word the dictionary lacks.
 */
export const GET = withErrors(async (_request: Request, { params }: { params: Promise<{ word: string }> }) => {
  const { word: raw } = await params;
  // Next.js hands the segment over decoded or not depending on the path taken; both are accepted.
  const word = raw.includes('%') ? decoded(raw) : raw;
  const parsed = wordParamSchema.safeParse(word?.normalize('NFC'));
  if (!parsed.success) return errorJson('A word is 1 to 16 Chinese characters', 400);
  const info = await getWordInfo(parsed.data);
  if (!info) return errorJson(`${parsed.data} is not in the dictionary`, 404);
  return json(wordResponse, info, { headers: { 'Cache-Control': 'public, max-age=3600' } });
});
