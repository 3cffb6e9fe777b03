// The background alignment of a generated 10,000-paragraph text, as the server does it after
// start or an import (lib/library/alignment.ts): wall and CPU time, the longest time the event
// loop waited, heap and resident memory, the file written; then the same again with nothing
// changed, and one paragraph edited (a save). Run by scripts/bench/align.ts in a child process
// on a temporary copy of the data, or alone:
// `npx tsx --conditions=react-server scripts/bench/align-background.ts` (on a copy of content/ and locales/ unless BILINGUAL_DATA_DIR names a folder).
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const SLUG = 'long-align-bench';
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Bytes this process has handed to write calls so far (Linux's /proc/self/io `wchar`); undefined elsewhere. */
function bytesWritten(): number | undefined {
  try {
    const match = /^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const own = !process.env.BILINGUAL_DATA_DIR;
  const data = process.env.BILINGUAL_DATA_DIR || mkdtempSync(path.join(tmpdir(), 'bilingual-bench-align-'));
  if (own) {
    for (const folder of ['content', 'locales']) cpSync(folder, path.join(data, folder), { recursive: true });
    process.env.BILINGUAL_DATA_DIR = data;
  }
  try {
    // Imported after BILINGUAL_DATA_DIR is set: the store reads it on every call, but be plain about it.
    const { generateLongText } = await import('@/lib/testing/long-text');
    const { articleSentences, writeLongText } = await import('../lib/long-text-files');
    const { getAlignment, scheduleAlignment } = await import('@/lib/library/alignment');
    const { alignmentPath } = await import('@/lib/store/alignments');
    const { readGlosses, writeGlossFiles } = await import('@/lib/store/glosses');
    const { textKeyOrder } = await import('@/lib/library/load');
    const text = await writeLongText(SLUG, generateLongText({ paragraphs: 10_000, ...(await articleSentences()) }));

    const delay = monitorEventLoopDelay({ resolution: 10 });
    let peakRss = 0;
    let peakHeap = 0;
    const sample = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 20);
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    delay.enable();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const aligned = await scheduleAlignment(SLUG, 'en');
    const used = process.cpuUsage(cpu);
    const wall = performance.now() - started;
    delay.disable();
    clearInterval(sample);
    if (typeof aligned !== 'number') throw new Error(aligned.error);
    const size = statSync(alignmentPath(SLUG, 'en')).size;
    console.log(
      `align in the background: ${text.blocks.length} blocks, ${aligned} with English aligned in ${ms(wall)} ` +
        `(CPU ${ms((used.user + used.system) / 1000)}); event loop waited at most ${ms(delay.max / 1e6)} ` +
        `(99th percentile ${ms(delay.percentile(99) / 1e6)}); heap ${mb(heapBefore)} → peak ${mb(peakHeap)}, ` +
        `resident ${mb(rssBefore)} → peak ${mb(peakRss)}; ${path.basename(alignmentPath(SLUG, 'en'))} ${mb(size)}`,
    );

    const again = performance.now();
    const none = await scheduleAlignment(SLUG, 'en');
    console.log(`align in the background again, nothing changed: ${String(none)} aligned in ${ms(performance.now() - again)}`);

    // Saves of 20 paragraphs, one after another: each edits the gloss file (not counted), then
    // its paragraph is aligned again, as a save does; the bytes that re-alignment writes are counted.
    const glosses = await readGlosses(SLUG, 'en');
    const saved = text.blocks.filter((b) => glosses[b.id]).slice(0, 20);
    const times: number[] = [];
    const bytes: number[] = [];
    for (const block of saved) {
      glosses[block.id] = `${glosses[block.id] ?? ''} One more sentence.`;
      await writeGlossFiles(SLUG, 'en', textKeyOrder(text), glosses, {});
      const one = performance.now();
      const written = bytesWritten();
      const result = await getAlignment({ slug: SLUG, lang: 'en', id: block.id });
      if (!result.ok) throw new Error(result.error);
      times.push(performance.now() - one);
      if (written !== undefined) bytes.push((bytesWritten() ?? written) - written);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `align one edited paragraph of that text (a save), ${saved.length} saves: median ${ms(sorted[Math.floor(sorted.length / 2)] ?? 0)}` +
        (bytes.length
          ? `; written per save (wchar) median ${kb([...bytes].sort((a, b) => a - b)[Math.floor(bytes.length / 2)] ?? 0)}, ` +
            `mean ${kb(bytes.reduce((sum, b) => sum + b, 0) / bytes.length)}, most ${kb(Math.max(...bytes))}`
          : ''),
    );
  } finally {
    if (own) rmSync(data, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
