// Export figures for `npm run bench`: the time, size and memory of each file format on the
// bundled article and on a 10,000-paragraph text (a heading every 100 paragraphs).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultFileOptions, type FileFormat } from '@/lib/export/options';
import { exportFile } from '@/lib/downloads/export-file';
import { loadText, type TextView } from '@/lib/library/load';
import { generateLongText, longTextGlossFile } from '@/lib/testing/long-text';

const LONG_PARAGRAPHS = 10_000;
const FORMATS: FileFormat[] = ['html', 'epub', 'pdf'];

async function load(slug: string): Promise<TextView> {
  const loaded = await loadText(slug);
  if (!loaded?.ok) throw new Error(`${slug} did not load`);
  return loaded.text;
}

async function measure(text: TextView, label: string) {
  for (const format of FORMATS) {
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const file = await exportFile(text, { ...defaultFileOptions, format });
    const seconds = (performance.now() - started) / 1000;
    const rss = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    const size = file.data.byteLength / 1024;
    const extra = file.longRows !== undefined ? `, ${file.longRows} rows taller than a page` : '';
    console.log(
      `export ${label} ${format.padEnd(5)} ${seconds.toFixed(2).padStart(7)} s  ${size.toFixed(1).padStart(9)} KB  ` +
        `(Node RSS +${Math.max(0, rss).toFixed(0)} MB${extra})`,
    );
  }
}

/** Prints export times and sizes for each format. */
export async function exportFigures(slugs: readonly string[]): Promise<void> {
  console.log('');
  for (const slug of slugs) await measure(await load(slug), slug);

  const previous = process.env.BILINGUAL_DATA_DIR;
  const root = mkdtempSync(path.join(tmpdir(), 'bench-export-'));
  try {
    mkdirSync(path.join(root, 'content'), { recursive: true });
    mkdirSync(path.join(root, 'locales', 'en'), { recursive: true });
    process.env.BILINGUAL_DATA_DIR = root;
    const long = generateLongText({ paragraphs: LONG_PARAGRAPHS, chapterLength: 100, glossed: 1 });
    writeFileSync(path.join(root, 'content', 'long.md'), long.source);
    const first = await load('long');
    writeFileSync(path.join(root, 'locales', 'en', 'long.json'), JSON.stringify(longTextGlossFile(long, first.blocks), null, 2));
    const text = await load('long');
    await measure(text, `${LONG_PARAGRAPHS.toLocaleString('en')} paragraphs`);
  } finally {
    if (previous === undefined) delete process.env.BILINGUAL_DATA_DIR;
    else process.env.BILINGUAL_DATA_DIR = previous;
    rmSync(root, { recursive: true, force: true });
  }
}
