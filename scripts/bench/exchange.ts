// Export and import times: XLIFF 1.2 export, TMX export, and XLIFF import (its own export, all
// unchanged; and every target changed, all applied) for the bundled text and for a generated
// text of 13,000 paragraphs (lib/testing/long-text.ts; its XLIFF about 10 MB, as a long novel's),
// with the process's peak RSS before and after each import, on a temporary copy of the data.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addText } from '@/lib/library/add';
import { exportTmx, exportXliff } from '@/lib/library-exchange/exchange-export';
import { importXliff } from '@/lib/library-exchange/import';
import { loadText } from '@/lib/library/load';
import { blocksHolding, generateLongText, longTextGlossFile } from '@/lib/testing/long-text';

const LONG_PARAGRAPHS = 13_000;

const ms = (value: number) => `${value.toFixed(0)} ms`;

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number; peak: string }> {
  const before = peakRssMb();
  const started = performance.now();
  const value = await task();
  const ms = performance.now() - started;
  return { value, ms, peak: `peak RSS ${before.toFixed(0)} → ${peakRssMb().toFixed(0)} MB` };
}

async function measure(slug: string): Promise<void> {
  const xliff = await timed(() => exportXliff(slug));
  if (!xliff.value.ok) throw new Error(xliff.value.error);
  const tmx = await timed(() => exportTmx(slug, { withDrafts: true }));
  if (!tmx.value.ok) throw new Error(tmx.value.error);
  const bytes = Buffer.from(xliff.value.xml);
  const same = await timed(() => importXliff({ bytes, fileName: 'bench.xlf', editor: 'bench' }));
  // Every target changed: the import plans, writes both files once and appends one entry per unit.
  const changed = Buffer.from(xliff.value.xml.replace(/(<target[^>]*>)/g, '$1Changed: '));
  const applied = await timed(() => importXliff({ bytes: changed, fileName: 'bench.xlf', editor: 'bench' }));
  const counts = (r: typeof same.value) => (r.ok ? `${r.counts.applied} applied, ${r.counts.unchanged} unchanged` : r.error);
  console.log(
    `exchange ${slug}: ${xliff.value.units} units, XLIFF ${(bytes.length / 1024).toFixed(0)} KB. ` +
      `export XLIFF ${ms(xliff.ms)}, TMX ${ms(tmx.ms)} (${tmx.value.units} pairs); ` +
      `import own export ${ms(same.ms)} (${counts(same.value)}, ${same.peak}); ` +
      `import all changed ${ms(applied.ms)} (${counts(applied.value)}, ${applied.peak})`,
  );
}

/** Prints export and import times for the bundled text and a 13,000-paragraph text. */
export async function exchangeFigures(): Promise<void> {
  const previous = process.env.BILINGUAL_DATA_DIR;
  const data = mkdtempSync(path.join(tmpdir(), 'bilingual-bench-exchange-'));
  try {
    for (const folder of ['content', 'locales']) cpSync(path.resolve(folder), path.join(data, folder), { recursive: true });
    process.env.BILINGUAL_DATA_DIR = data;
    await measure('karpathy-no-priors');

    // 13,000 paragraphs of up to 10 sentences in chapters of 200, every block with English: an
    // XLIFF of about 10 MB, as the app's export of a long novel (within the 32 MB an import may have).
    const long = generateLongText({
      paragraphs: blocksHolding(LONG_PARAGRAPHS, 201),
      chapterLength: 201,
      sentences: 10,
      glossed: 1,
    });
    const added = await addText({ bytes: Buffer.from(long.source), fileName: 'long.md', slug: 'bench-long' });
    if (!added.ok) throw new Error(added.error);
    const loaded = await loadText('bench-long');
    if (!loaded?.ok) throw new Error('the long text did not load');
    writeFileSync(
      path.join(data, 'locales', 'en', 'bench-long.json'),
      `${JSON.stringify(longTextGlossFile(long, loaded.text.blocks), null, 2)}\n`,
    );
    await measure('bench-long');
  } finally {
    if (previous === undefined) delete process.env.BILINGUAL_DATA_DIR;
    else process.env.BILINGUAL_DATA_DIR = previous;
    rmSync(data, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('exchange.ts')) {
  exchangeFigures().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
