import 'server-only';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { processState } from '@/lib/process-state';

/**
 * Audio made by the server voice, kept on disk by the hash of what was read, so a paragraph is
 * synthesised once per version of its Chinese (and its pinyin) and survives restarts. The folder
 * is bounded in bytes: past AUDIO_CACHE_BYTES the least recently written files go first.
 * `BILINGUAL_AUDIO_DIR` chooses the folder (default: `<tmp>/bilingual-reader-audio`).
 */

export const AUDIO_CACHE_BYTES = 64 * 1024 * 1024;

export function audioCacheDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.BILINGUAL_AUDIO_DIR ?? path.join(os.tmpdir(), 'bilingual-reader-audio'),
  );
}

/** Keys are hex digests; anything else never reaches the file system. */
function fileOf(key: string): string {
  if (!/^[a-f0-9]{16,128}$/.test(key)) throw new Error(`Not an audio cache key: ${key}`);
  return path.join(audioCacheDir(), `${key}.ogg`);
}

/** The kept audio for `key`, or undefined. */
export async function readCachedAudio(key: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(fileOf(key)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Removes the oldest files until the folder holds at most `limit` bytes; returns the bytes kept. */
export async function trimAudioCache(limit = AUDIO_CACHE_BYTES): Promise<number> {
  const dir = audioCacheDir();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.ogg'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const files = (
    await Promise.all(
      names.map(async (name) => {
        const info = await stat(path.join(dir, name)).catch(() => undefined);
        return info ? { name, size: info.size, time: info.mtimeMs } : undefined;
      }),
    )
  ).filter((file) => file !== undefined);
  files.sort((a, b) => a.time - b.time);
  let total = files.reduce((sum, file) => sum + file.size, 0);
  for (const file of files) {
    if (total <= limit) break;
    await unlink(path.join(dir, file.name)).catch(() => undefined);
    total -= file.size;
  }
  return total;
}

/** Keeps `audio` under `key` (atomically), then trims the folder when it may be over its bound. */
export async function writeCachedAudio(key: string, audio: Uint8Array): Promise<void> {
  const file = fileOf(key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, audio);
  const totals = processState<Map<string, number>>('audio-cache-total', () => new Map());
  const dir = audioCacheDir();
  // The folder is listed once per process, then only when the running estimate passes the bound.
  const known = totals.get(dir);
  const total = known === undefined ? await trimAudioCache() : known + audio.length;
  totals.set(dir, total > AUDIO_CACHE_BYTES ? await trimAudioCache() : total);
}
