import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileExportOptions } from '@/lib/export/options';
import { makeDataDir } from '@/lib/testing/data-dir';
import { cachedExportFile, ExportBusyError, MAX_QUEUED_EXPORTS } from './export-cache';
import type { ExportedFile } from './export-file';
import type { TextView } from '@/lib/library/load';
import { setProcessState } from '@/lib/process-state';

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir();
  setProcessState('export-files', undefined);
});
afterEach(() => data.dispose());

const text = { slug: 'demo', title: { zh: '题' }, meta: {}, blocks: [] } as unknown as TextView;
const options = (n: number) => ({ format: 'html', n }) as unknown as FileExportOptions;
const file: ExportedFile = { data: new Uint8Array([120]), mediaType: 'text/html', fileName: 'demo.html' };

/** A build that finishes when told to. */
function slowBuilds() {
  const finish: (() => void)[] = [];
  const build = () => new Promise<ExportedFile>((resolve) => finish.push(() => resolve(file)));
  return { build, finishAll: () => finish.splice(0).forEach((f) => f()) };
}

describe('cachedExportFile under a burst of downloads', () => {
  const bursts = [
    { requests: MAX_QUEUED_EXPORTS, refused: 0 },
    { requests: MAX_QUEUED_EXPORTS + 1, refused: 1 },
    { requests: 20, refused: 20 - MAX_QUEUED_EXPORTS },
  ];
  it.each(bursts)('$requests different files at once: $refused refused with a wait to retry', async ({ requests, refused }) => {
    const { build, finishAll } = slowBuilds();
    let rejected = 0;
    const answers = Array.from({ length: requests }, (_, i) =>
      cachedExportFile(text, options(i), build).then(
        () => 'built',
        (error: unknown) => ((rejected += 1), error),
      ),
    );
    // Nothing is built until every request has been queued or refused (or a second has passed).
    for (let waited = 0; waited < 1000 && rejected < refused; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Builds run one at a time: finish each as it starts.
    let settled = false;
    const all = Promise.all(answers).finally(() => (settled = true));
    while (!settled) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      finishAll();
    }
    const results = await all;
    const busy = results.filter((r): r is ExportBusyError => r instanceof ExportBusyError);
    expect(busy).toHaveLength(refused);
    for (const error of busy) expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(results.filter((r) => r === 'built')).toHaveLength(requests - refused);
  });

  it('a file not ready in time is refused with a wait, and the next request gets it once built', async () => {
    const { build, finishAll } = slowBuilds();
    await expect(cachedExportFile(text, options(1), build, 20)).rejects.toThrow(ExportBusyError);
    finishAll();
    await expect(cachedExportFile(text, options(1), build, 20)).resolves.toEqual(file);
  });
});
