import 'server-only';
import { createHash } from 'node:crypto';
import { pinyinByOffset } from '@/lib/annotate/pinyin';
import {
  givenReadingTokens,
  MAX_PARAGRAPH_CHARS,
  MAX_SELECTION_CHARS,
  selectionTokens,
  voiceInput,
} from '@/lib/learn/voice-input';
import { synthesize, VOICE_VERSION } from '@/lib/speech/voice';
import { readCachedAudio, writeCachedAudio } from '@/lib/store/audio-cache';
import { isGlossable } from '@/lib/text/types';
import { annotateText } from './annotate-text';
import type { TextView } from './load';
import { processState } from '@/lib/process-state';

/**
 * Listening: a paragraph, or a short run of Chinese, read by the server voice from the reader's
 * own pinyin in context. Audio is kept on disk by a hash of what the voice reads (lib/store/
 * audio-cache.ts), so it is made once per version of the paragraph; concurrent requests for the
 * same audio share one run.
 */

export interface Audio {
  bytes: Uint8Array;
  /** A strong validator: the hash of the voice and what it read. */
  etag: string;
}

export type AudioResult =
  { ok: true; audio: Audio } | { ok: false; reason: 'no-paragraph' | 'too-long' | 'nothing-to-read'; limit?: number };

function running(): Map<string, Promise<Uint8Array>> {
  return processState<Map<string, Promise<Uint8Array>>>('audio-running', () => new Map());
}

/** The audio of numbered pinyin: kept, or made now (once, however many ask at the same time). */
export async function audioOf(input: string): Promise<Audio> {
  const key = createHash('sha256').update(VOICE_VERSION).update('\0').update(input).digest('hex').slice(0, 40);
  const etag = `"${key}"`;
  const kept = await readCachedAudio(key);
  if (kept) return { bytes: kept, etag };
  const runs = running();
  let pending = runs.get(key);
  if (!pending) {
    pending = synthesize(input).then(async (bytes) => {
      // Audio the folder cannot keep is still served.
      await writeCachedAudio(key, bytes).catch((error: unknown) => console.error('Could not keep audio:', error));
      return bytes;
    });
    runs.set(key, pending);
    const settled = () => runs.delete(key);
    pending.then(settled, settled);
  }
  return { bytes: await pending, etag };
}

/** The Chinese of a paragraph read aloud, from its annotation (`'银行'` is read `yin2 hang2`). */
export async function getParagraphAudio(text: TextView, id: string): Promise<AudioResult> {
  const block = text.blocks.find((b) => b.id === id);
  if (!block || !isGlossable(block.type)) return { ok: false, reason: 'no-paragraph' };
  if ([...block.text].length > MAX_PARAGRAPH_CHARS) return { ok: false, reason: 'too-long', limit: MAX_PARAGRAPH_CHARS };
  const annotation = await annotateText(text, [id]);
  const input = voiceInput(annotation.blocks[id]?.tokens ?? []);
  if (!input) return { ok: false, reason: 'nothing-to-read' };
  return { ok: true, audio: await audioOf(input) };
}

/**
 * A word or selection read aloud: as `pinyin` says when given and it fits the characters (the
 * popover passes the reading shown in context), else with its polyphones read in the context of
 * the selection.
 */
export async function getSelectionAudio(chinese: string, pinyin?: string): Promise<AudioResult> {
  if ([...chinese].length > MAX_SELECTION_CHARS) return { ok: false, reason: 'too-long', limit: MAX_SELECTION_CHARS };
  const given = pinyin === undefined ? undefined : givenReadingTokens(chinese, pinyin);
  const input = voiceInput(given ?? selectionTokens(chinese, pinyinByOffset(chinese)));
  if (!input) return { ok: false, reason: 'nothing-to-read' };
  return { ok: true, audio: await audioOf(input) };
}
