import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { unzipText } from '../lib/export/zip';
import { generateLongText, longTextGlossFile } from '../lib/testing/long-text';
import { SEED, SLUG } from './helpers';
import { expectRowsTogether, pdfPages, rowPieces } from './printed-text';

// `npm run export -- <slug> --format …` read back by outside tools: epubcheck (the W3C EPUB
// validator) and poppler's pdftotext / pdfinfo / pdffonts. The command reads the repository's
// data, or a temporary folder for the generated texts.
const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';
const out = mkdtempSync(path.join(tmpdir(), 'export-files-'));

function runExport(args: string[], dataDir?: string): string {
  const run = spawnSync('npm', ['run', '-s', 'export', '--', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...(dataDir ? { BILINGUAL_DATA_DIR: dataDir } : {}) },
  });
  if (run.status !== 0) throw new Error(`export ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

function exportTo(slug: string, name: string, args: string[], dataDir?: string): string {
  const file = path.join(out, name);
  runExport([slug, '--out', file, ...args], dataDir);
  return file;
}

/** A data folder with one generated text and its English. */
function dataWith(
  slug: string,
  source: string,
  english: (blocks: { id: string; type: string; text: string }[]) => Record<string, string>,
): string {
  const root = mkdtempSync(path.join(tmpdir(), 'export-data-'));
  mkdirSync(path.join(root, 'content'), { recursive: true });
  mkdirSync(path.join(root, 'locales', 'en'), { recursive: true });
  writeFileSync(path.join(root, 'content', `${slug}.md`), source);
  const { blocks } = JSON.parse(runExport([slug], root)) as { blocks: { id: string; type: string; zh: string }[] };
  writeFileSync(
    path.join(root, 'locales', 'en', `${slug}.json`),
    JSON.stringify(english(blocks.map((b) => ({ id: b.id, type: b.type, text: b.zh })))),
  );
  return root;
}

function epubcheck(file: string): string {
  const run = spawnSync('java', ['-jar', EPUBCHECK_JAR, file], { encoding: 'utf8' });
  return `${run.stdout}\n${run.stderr}`;
}

test('the EPUB of the bundled article passes epubcheck with no errors and no warnings', async () => {
  test.setTimeout(120_000);
  const file = exportTo(SLUG, 'article.epub', ['--format', 'epub', '--pinyin']);
  expect(epubcheck(file)).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
});

test('the EPUB of a long text in 1,000 short chapters, English first: a few content files, every section in the nav, passes epubcheck', async () => {
  test.setTimeout(180_000);
  // 2,000 blocks, a heading and a paragraph to a chapter: 1,000 reading sections, once 1,000 files.
  const long = generateLongText({ paragraphs: 2_000, chapterLength: 2, glossed: 1 });
  const data = dataWith('long', long.source, (blocks) => longTextGlossFile(long, blocks));
  const file = exportTo('long', 'long.epub', ['--format', 'epub', '--order', 'en-first'], data);
  const files = await unzipText(readFileSync(file));
  const content = files.filter((f) => /^OEBPS\/text-\d+\.xhtml$/.test(f.path));
  expect(content.length).toBeGreaterThan(1);
  expect(content.length).toBeLessThan(20);
  const nav = files.find((f) => f.path === 'OEBPS/nav.xhtml')?.text ?? '';
  // Every section is in the nav (grouped by file), each leading to its own element.
  const sections = content.flatMap((f) =>
    [...f.text.matchAll(/<section epub:type="chapter" id="(section-[^"]+)"/g)].map((m) => m[1]),
  );
  expect(sections.length).toBeGreaterThan(900);
  expect([...nav.matchAll(/href="text-\d+\.xhtml#(section-[^"]+)"/g)].map((m) => m[1])).toEqual(sections);
  expect(epubcheck(file)).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
});

for (const [paper, layout, size] of [
  ['A4', 'side', '595.92 x 842.88 pts (A4)'],
  ['Letter', 'stacked', '612 x 792 pts (letter)'],
] as const) {
  test(`the PDF (${paper}, ${layout}) has every block's Chinese and English in document order, each row on one page, with embedded fonts`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const pdf = exportTo(SLUG, `article-${paper}.pdf`, ['--format', 'pdf', '--paper', paper, '--layout', layout]);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toContain(`Page size:       ${size}`);
    // What must be in it: the rows of the same document as standalone HTML.
    const html = exportTo(SLUG, 'article.html', ['--format', 'html']);
    await page.goto(pathToFileURL(html).href);
    const rows = await rowPieces(page, '.row');
    expect(rows).toHaveLength(SEED.textBlockCount);
    expectRowsTogether(rows, pdfPages(pdf));
    // Chromium embeds the CJK OpenType fonts as Type 3 fonts; every font must be embedded and map to Unicode.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(1);
    for (const line of fonts) expect(line).toMatch(/\syes\s+(yes|no)\s+yes\s+\d+\s+\d+$/);
  });
}

test('a row taller than a page breaks inside instead of leaving the page before it half empty', async () => {
  test.setTimeout(90_000);
  const data = dataWith('tall', `第一段。\n\n${'很长的段落。'.repeat(700)}\n\n最后一段。\n`, (blocks) =>
    Object.fromEntries(blocks.map((b, i) => [b.id, i === 1 ? 'A very long paragraph. '.repeat(250) : `Paragraph ${i + 1}.`])),
  );
  const pages = pdfPages(exportTo('tall', 'tall.pdf', ['--format', 'pdf'], data));
  expect(pages[0]).toContain('第一段。');
  expect(pages[0]).toContain('很长的段落。很长的段落。');
  expect(pages.at(-1) || pages.at(-2)).toContain('最后一段。');
});

test('a bad option is refused with the usage, and an unknown text by name', () => {
  const bad = spawnSync('npm', ['run', '-s', 'export', '--', SLUG, '--format', 'docx', '--out', path.join(out, 'x')], {
    encoding: 'utf8',
  });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/format must be one of html, epub, pdf \(got "docx"\)\nUsage:/);
  const unknown = spawnSync('npm', ['run', '-s', 'export', '--', 'nope', '--format', 'html', '--out', path.join(out, 'y')], {
    encoding: 'utf8',
  });
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toContain('No text "nope"');
});
