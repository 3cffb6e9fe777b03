// Listening for `npm run bench`: the server voice on the bundled article, for a typical paragraph
// (the first) and for the longest, first made (espeak-ng + opusenc) and then served from the disk
// cache, with the audio's size and length. Uses a fresh cache folder.
// Alone: npx tsx --conditions=react-server scripts/bench/audio.ts
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { annotateText } from '@/lib/library/annotate-text';
import { getParagraphAudio } from '@/lib/library/audio';
import { loadText } from '@/lib/library/load';
import { isGlossable } from '@/lib/text/types';

const SLUG = 'karpathy-no-priors';

/** Playback length of an Ogg Opus file: the last page's granule position at 48 kHz, less the pre-skip. */
function oggSeconds(bytes: Uint8Array): number {
  const view = Buffer.from(bytes);
  const last = view.lastIndexOf('OggS');
  const head = view.indexOf('OpusHead');
  if (last < 0 || head < 0) return Number.NaN;
  return (Number(view.readBigInt64LE(last + 6)) - view.readUInt16LE(head + 10)) / 48_000;
}

export async function audioFigures(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-audio-'));
  process.env.BILINGUAL_AUDIO_DIR = dir;
  try {
    const loaded = await loadText(SLUG);
    if (!loaded?.ok) throw new Error(`${SLUG} does not load`);
    const blocks = loaded.text.blocks.filter((b) => isGlossable(b.type) && b.type === 'paragraph');
    const first = blocks[0];
    const longest = blocks.reduce((a, b) => ([...b.text].length > [...a.text].length ? b : a), blocks[0]!);
    for (const [name, block] of [
      ['a paragraph', first],
      ['the longest paragraph', longest],
    ] as const) {
      if (!block) continue;
      const times: number[] = [];
      let size = 0;
      let seconds = 0;
      const annotating = performance.now();
      await annotateText(loaded.text, [block.id]);
      const annotationMs = performance.now() - annotating;
      for (let round = 0; round < 2; round++) {
        const started = performance.now();
        const result = await getParagraphAudio(loaded.text, block.id);
        times.push(performance.now() - started);
        if (!result.ok) throw new Error(`${block.id}: ${result.reason}`);
        size = result.audio.bytes.length;
        seconds = oggSeconds(result.audio.bytes);
      }
      console.log(
        `audio, ${name} (${block.id}, ${[...block.text].length} characters): ${(size / 1024).toFixed(1)} KB Ogg Opus, ` +
          `${seconds.toFixed(1)} s of speech; annotation ${annotationMs.toFixed(0)} ms, then first ${times[0]!.toFixed(0)} ms, cached ${times[1]!.toFixed(1)} ms`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    delete process.env.BILINGUAL_AUDIO_DIR;
  }
}

if (process.argv[1]?.endsWith('audio.ts')) void audioFigures();
