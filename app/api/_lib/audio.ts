import 'server-only';
import type { AudioResult } from '@/lib/library/audio';
import { AUDIO_TYPE, VoiceBusyError, VoiceFailedError, VoiceMissingError } from '@/lib/speech/voice';
import { BODY_LENGTH_HEADER } from '@/app/_lib/content-length';
import { errorJson } from './respond';

/**
 * The HTTP answer for audio: the Ogg file with its length and validator (304 when the browser
 * holds it already), or why not. `cacheControl` differs: a paragraph's audio changes with its
 * text, a selection's never does.
 */
export function audioResponse(request: Request, result: AudioResult, cacheControl: string, tooLong: number): Response {
  if (!result.ok) {
    if (result.reason === 'no-paragraph') return errorJson('No such paragraph', 404);
    if (result.reason === 'too-long')
      return errorJson(`Too long to read aloud: the server voice reads at most ${result.limit ?? 0} characters`, tooLong);
    return errorJson('Nothing to read aloud: give some Chinese text', 400);
  }
  const { bytes, etag } = result.audio;
  const headers = { 'Cache-Control': cacheControl, ETag: etag };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  // Next.js drops Content-Length from a route's answer: BODY_LENGTH_HEADER carries it past (app/_lib/content-length.ts).
  const length = String(bytes.length);
  return new Response(Buffer.from(bytes), {
    headers: { ...headers, 'Content-Type': AUDIO_TYPE, 'Content-Length': length, [BODY_LENGTH_HEADER]: length },
  });
}

/** Voice failures as answers: 503 (with Retry-After when busy) or 500, each saying why. */
export function voiceFailure(error: unknown): Response | undefined {
  if (error instanceof VoiceMissingError) return errorJson(`The server voice is not available: ${error.message}`, 503);
  if (error instanceof VoiceBusyError) return errorJson(error.message, 503, { headers: { 'Retry-After': '5' } });
  if (error instanceof VoiceFailedError) return errorJson(`The server voice failed: ${error.message}`, 500);
  return undefined;
}
