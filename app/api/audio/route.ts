import { MAX_SELECTION_CHARS } from '@/lib/learn/voice-input';
import { getSelectionAudio } from '@/lib/library/audio';
import { audioResponse, voiceFailure } from '@/app/api/_lib/audio';
import { errorJson, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/** Chinese characters, punctuation, Latin letters and digits: what a selection of a text holds. */
const SELECTION = /^[\p{Script=Han}\p{P}\p{Zs}A-Za-z0-9·]+$/u;

/**
 * `GET /api/audio?text=<chinese>[&pinyin=<tone-marked syllables>]`: a word or selection read by
 * the server voice, as Ogg Opus; 400 for text that is missing, not Chinese, or longer than
 * MAX_SELECTION_CHARS. `pinyin` (one syllable per character, as the popover shows the word in its
 * sentence) is used when it fits, else ignored.
 */
export const GET = withErrors(async (request: Request) => {
  const values = new URL(request.url).searchParams.getAll('text');
  const text = values[0]?.normalize('NFC').trim() ?? '';
  if (values.length !== 1 || !text) return errorJson('Give one text to read: /api/audio?text=银行', 400);
  if (!SELECTION.test(text) || !/\p{Script=Han}/u.test(text)) return errorJson('The server voice reads Chinese text only', 400);
  try {
    const pinyin = new URL(request.url).searchParams.get('pinyin')?.slice(0, 8 * MAX_SELECTION_CHARS);
    return audioResponse(request, await getSelectionAudio(text, pinyin), 'public, max-age=86400', 400);
  } catch (error) {
    const answer = voiceFailure(error);
    if (answer) return answer;
    throw error;
  }
});
