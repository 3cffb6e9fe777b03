// How well the sentence highlight while listening follows the server voice: for each paragraph
// of the bundled article, the start of every sentence after the first as espeak-ng really reads
// it (the length of the WAV of the paragraph's pinyin up to that sentence) against the estimate
// the reader makes from the paragraph's duration and the sentences' weights
// (lib/learn/listen-timing.ts), and against a plain split by characters. Needs espeak-ng.
// Alone: npx tsx --conditions=react-server scripts/bench/listen-timing.ts
import { spawnSync } from 'node:child_process';
import { splitSentences } from '@/lib/align/sentences';
import { readingWeight, sentenceStarts } from '@/lib/learn/listen-timing';
import { voiceInput } from '@/lib/learn/voice-input';
import { annotateText } from '@/lib/library/annotate-text';
import { loadText } from '@/lib/library/load';
import { VOICE } from '@/lib/speech/voice';

const SLUG = 'karpathy-no-priors';

/** Seconds of speech espeak-ng makes of numbered pinyin (its WAV: 16-bit mono after a 44-byte header). */
function wavSeconds(input: string): number {
  if (!input) return 0;
  const run = spawnSync('espeak-ng', ['-v', VOICE, '-s', '150', '--stdout', '--stdin'], { input, maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  const wav = run.stdout;
  return (wav.length - 44) / 2 / wav.readUInt32LE(24);
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? NaN;

async function main() {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error(`${SLUG} does not load`);
  const blocks = loaded.text.blocks.filter((b) => b.type === 'paragraph');
  const annotation = await annotateText(
    loaded.text,
    blocks.map((b) => b.id),
  );
  const errors: { weights: number[]; characters: number[] } = { weights: [], characters: [] };
  for (const block of blocks) {
    const sentences = splitSentences(block.text, 'zh');
    if (sentences.length < 2) continue;
    const tokens = annotation.blocks[block.id]?.tokens ?? [];
    const duration = wavSeconds(voiceInput(tokens));
    const weighted = sentenceStarts(
      sentences.map((s) => readingWeight(s.text)),
      duration,
    );
    const plain = sentenceStarts(
      sentences.map((s) => [...s.text].length),
      duration,
    );
    for (let i = 1; i < sentences.length; i++) {
      const real = wavSeconds(voiceInput(tokens.filter((t) => t.end <= sentences[i]!.start)));
      errors.weights.push(Math.abs(weighted[i]! - real));
      errors.characters.push(Math.abs(plain[i]! - real));
    }
  }
  for (const [name, values] of Object.entries(errors)) {
    const within = values.filter((e) => e <= 0.5).length / values.length;
    console.log(
      `split by ${name}: ${values.length} sentence starts, error median ${percentile(values, 0.5).toFixed(2)} s, ` +
        `90th percentile ${percentile(values, 0.9).toFixed(2)} s, max ${Math.max(...values).toFixed(2)} s, ` +
        `${(within * 100).toFixed(0)} % within 0.5 s`,
    );
  }
}

void main();
