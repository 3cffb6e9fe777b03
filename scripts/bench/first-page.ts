// The first page after a start: from spawning `next start` on a build to the bundled article's
// reading page answered (cold), then the same page again (warm), with the dictionary's lookup
// prepared by `npm run build` (scripts/prepare-data.ts) and without it (a folder with no cache,
// as before the build prepared it). Each figure is the median of three starts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/next-server';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function once(env: NodeJS.ProcessEnv, page: string): Promise<{ ready: number; cold: number; warm: number }> {
  const started = performance.now();
  const server = await startServer(env);
  try {
    const ready = performance.now() - started;
    const get = async () => {
      const t0 = performance.now();
      const response = await fetch(`${server.origin}${page}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${page} answered ${response.status}`);
      return performance.now() - t0;
    };
    const cold = await get();
    const warm = await get();
    return { ready, cold, warm };
  } finally {
    await server.stop();
  }
}

/** Prints the start-to-first-page figures for a built app (`env` names its NEXT_DIST_DIR). */
export async function firstPageFigures(env: NodeJS.ProcessEnv, slug: string): Promise<void> {
  const page = `/read/${slug}`;
  const empties: string[] = [];
  try {
    for (const prepared of [true, false]) {
      const name = prepared ? 'dictionary prepared by the build' : 'no dictionary cache (built on first use)';
      const runs = [];
      for (let i = 0; i < 3; i += 1) {
        // A fresh empty folder each time, so every start without a cache really builds it.
        const empty = mkdtempSync(path.join(tmpdir(), 'bench-no-dictionary-'));
        empties.push(empty);
        runs.push(await once(prepared ? env : { ...env, CEDICT_CACHE_DIR: empty }, page));
      }
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      console.log(
        `first page, ${name}: server answering ${s(median(runs.map((r) => r.ready)))}, ${page} cold ${s(median(runs.map((r) => r.cold)))}, ` +
          `warm ${s(median(runs.map((r) => r.warm)))}, start to first page ${s(median(runs.map((r) => r.ready + r.cold)))} (median of 3)`,
      );
    }
  } finally {
    for (const empty of empties) rmSync(empty, { recursive: true, force: true });
  }
}
