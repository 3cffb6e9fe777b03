// Save figures of the store alone, in this process, without HTTP: saveGloss called by 1 and by
// 16 concurrent callers on a data folder of its own. Part of `npm run bench` (see saves.ts),
// beside the same figures through the server; the difference between the two is what HTTP and
// Next.js add per request, which on a small machine is most of a save.
import { glossRevision } from '@/lib/gloss/validate';
import { saveGloss } from '@/lib/library/edit';
import { loadText } from '@/lib/library/load';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export interface StoreRun {
  p50: number;
  p95: number;
  refused: number;
}

/** `total` saves of `slug` by `clients` concurrent callers, each on blocks of its own; BILINGUAL_DATA_DIR names the folder. */
export async function storeSaveRun(slug: string, clients: number, total: number): Promise<StoreRun> {
  const loaded = await loadText(slug);
  if (!loaded?.ok) throw new Error(`${slug} did not load`);
  const ids = loaded.text.blocks.filter((b) => b.status !== undefined).map((b) => b.id);
  const revisions = new Map(loaded.text.blocks.map((b) => [b.id, glossRevision(b.en)]));
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const mine = ids.filter((_, i) => i % clients === c);
      for (let n = next++, k = 0; n < total; n = next++, k += 1) {
        const id = mine[k % mine.length] ?? '';
        const started = performance.now();
        const result = await saveGloss({
          slug,
          id,
          text: `Store run ${n}: client ${c} on ${id}.`,
          baseRevision: revisions.get(id) ?? '',
          editor: `bench-${c}`,
        });
        latencies.push(performance.now() - started);
        if (result.ok) revisions.set(id, result.revision);
        else refused += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), refused };
}

/** Prints the store-alone figures for each text, on the data folder `data` (changed: give it a copy). */
export async function storeSaveFigures(data: string, texts: readonly [string, string][]): Promise<void> {
  const previous = process.env.BILINGUAL_DATA_DIR;
  process.env.BILINGUAL_DATA_DIR = data;
  try {
    console.log('\nsaves through the store alone (saveGloss in this process, no HTTP)');
    const p95s: number[] = [];
    for (const [slug, name] of texts) {
      await storeSaveRun(slug, 1, 10);
      const alone = await storeSaveRun(slug, 1, 100);
      const together = await storeSaveRun(slug, 16, 400);
      p95s.push(together.p95);
      for (const [label, run] of [
        ['1 caller, 100 saves', alone],
        ['16 callers, 400 saves', together],
      ] as const)
        console.log(
          `${`${name}, ${label}`.padEnd(44)}p50 ${run.p50.toFixed(1).padStart(5)} ms  p95 ${run.p95.toFixed(1).padStart(5)} ms  ${run.refused} refused`,
        );
      console.log(`${name}: p95 16 callers / 1 caller ${(together.p95 / alone.p95).toFixed(2)} ×`);
    }
    if (p95s.length === 2)
      console.log(`p95 with 16 callers, long text / article: ${((p95s[1] ?? 0) / (p95s[0] ?? 1)).toFixed(2)} ×`);
  } finally {
    if (previous === undefined) delete process.env.BILINGUAL_DATA_DIR;
    else process.env.BILINGUAL_DATA_DIR = previous;
  }
}
