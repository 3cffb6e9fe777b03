import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textPieces, type ExportDocument } from '@/lib/export/document';
import { defaultFileOptions, type FileExportOptions } from '@/lib/export/options';
import { makeDataDir } from '@/lib/testing/data-dir';
import { longTextGlosses, longTextSource } from '@/lib/testing/long-text';
import { loadExportDocument } from './export-document';
import { exportFile } from './export-file';
import { loadText, type TextView } from './load';

// Real outside readers of the files: the W3C EPUB validator and poppler's PDF tools.
const SLUG = 'karpathy-no-priors';
const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';
let data: ReturnType<typeof makeDataDir>;
let out: string;

beforeAll(() => {
  data = makeDataDir({ copyRepoData: true });
  out = mkdtempSync(path.join(tmpdir(), 'bilingual-export-'));
});
afterAll(() => {
  data.dispose();
  rmSync(out, { recursive: true, force: true });
});

async function load(slug: string): Promise<TextView> {
  const loaded = await loadText(slug);
  if (!loaded?.ok) throw new Error(`${slug} did not load`);
  return loaded.text;
}

async function write(text: TextView, options: Partial<FileExportOptions> & Pick<FileExportOptions, 'format'>, name: string) {
  const file = path.join(out, name);
  const result = await exportFile(text, { ...defaultFileOptions, ...options });
  writeFileSync(file, result.data);
  return { file, result };
}

function epubcheck(file: string): string {
  const run = spawnSync('java', ['-jar', EPUBCHECK_JAR, file], { encoding: 'utf8' });
  return `${run.stdout}\n${run.stderr}`;
}

/** A PDF's text page by page, content-stream order (which is document order), whitespace and hyphens removed. */
function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((page) => page.replace(/[\s-]+/g, ''));
}

const squeeze = (s: string) => s.replace(/[\s-]+/g, '');

/** Where each block's pieces are: page of the first and last piece of each side, or a description of what is missing or out of order. */
function locate(doc: ExportDocument, pages: string[]) {
  const all = pages.join('\f');
  const pageOf = (offset: number) => all.slice(0, offset).split('\f').length;
  let cursor = 0;
  const problems: string[] = [];
  const rows: { id: string; type: string; pages: number[] }[] = [];
  for (const block of doc.sections.flatMap((s) => s.blocks)) {
    const found: number[] = [];
    for (const runs of [block.zh, block.en ?? []]) {
      for (const piece of textPieces(runs)) {
        const at = all.indexOf(squeeze(piece), cursor);
        if (at < 0) problems.push(`${block.id}: "${piece.slice(0, 30)}" missing or out of order`);
        else {
          cursor = at + squeeze(piece).length;
          found.push(pageOf(at), pageOf(cursor - 1));
        }
      }
    }
    if (block.type !== 'break') rows.push({ id: block.id, type: block.type, pages: found });
  }
  return { problems, rows };
}

describe('EPUB', () => {
  it('passes epubcheck with no errors and no warnings for the bundled article', async () => {
    const { file } = await write(await load(SLUG), { format: 'epub' }, 'article.epub');
    expect(epubcheck(file)).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
  }, 90_000);

  it('passes epubcheck for a long text with sections, English first, and has one file per section part', async () => {
    data.write('content/long.md', longTextSource(2_000));
    const first = await load('long');
    data.write('locales/en/long.json', JSON.stringify(longTextGlosses(first.blocks), null, 2));
    const text = await load('long');
    const { file, result } = await write(text, { format: 'epub', order: 'en-first' }, 'long.epub');
    expect(result.fileName).toBe('long.epub');
    expect(epubcheck(file)).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
  }, 120_000);
});

describe('PDF', () => {
  const cases = [
    { paper: 'A4', layout: 'side', size: '595.92 x 842.88 pts (A4)' },
    { paper: 'Letter', layout: 'stacked', size: '612 x 792 pts (letter)' },
  ] as const;

  it.each(cases)('$paper $layout: every block’s Chinese and English in document order, each row and each heading with its next row on one page', async ({ paper, layout, size }) => {
    const text = await load(SLUG);
    const { file } = await write(text, { format: 'pdf', paper, layout }, `article-${paper}-${layout}.pdf`);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toContain(`Page size:       ${size}`);
    const doc = await loadExportDocument(text, { pinyin: false });
    const { problems, rows } = locate(doc, pdfPages(file));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(50);
    for (const row of rows) expect([row.id, new Set(row.pages).size]).toEqual([row.id, 1]);
    rows.forEach((row, i) => {
      const next = rows[i + 1];
      if (row.type === 'heading' && next) expect([row.id, next.pages[0]]).toEqual([row.id, row.pages[0]]);
    });
    // The Chinese is drawn with embedded fonts (Chromium embeds CJK OpenType fonts as Type 3).
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\s(yes|no)\s+(yes|no)\s+yes\s+\d+\s+\d+$/);
    for (const line of fonts) expect(line.split(/\s+/).at(-5)).toBe('yes');
  }, 90_000);

  it('lets a row taller than a page break inside instead of leaving the page before it half empty', async () => {
    const long = '很长的段落。'.repeat(700);
    data.write('content/tall.md', `第一段。\n\n${long}\n\n最后一段。\n`);
    const first = await load('tall');
    const [a, b, c] = first.blocks.map((x) => x.id);
    data.write('locales/en/tall.json', JSON.stringify({ [a ?? '']: 'First.', [b ?? '']: 'A very long paragraph. '.repeat(250), [c ?? '']: 'Last.' }));
    const text = await load('tall');
    const { file, result } = await write(text, { format: 'pdf' }, 'tall.pdf');
    expect(result.longRows).toBe(1);
    const pages = pdfPages(file);
    expect(pages[0]).toContain('第一段。');
    expect(pages[0]).toContain('很长的段落。很长的段落。');
  }, 90_000);

  it('exports one section alone', async () => {
    const text = await load(SLUG);
    const { file, result } = await write(text, { format: 'pdf', section: 's2' }, 'article-s2.pdf');
    expect(result.fileName).toBe(`${SLUG}-s2.pdf`);
    const all = pdfPages(file).join('');
    expect(all).toContain(squeeze('自动驾驶是 AGI 以及 Waymo vs 特斯拉'));
    expect(all).not.toContain(squeeze('特斯拉自动驾驶功能演示'));
  }, 90_000);
});

describe('exportFile', () => {
  it('refuses a section the text does not have', async () => {
    await expect(exportFile(await load(SLUG), { ...defaultFileOptions, format: 'html', section: 's99' })).rejects.toThrow(/has no section s99 \(it has s1 to s8\)/);
  });
});
