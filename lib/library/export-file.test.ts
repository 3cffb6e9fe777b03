import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFileOptions } from '@/lib/export/options';
import { unzipText } from '@/lib/export/zip';
import { makeDataDir } from '@/lib/testing/data-dir';
import { exportFile } from './export-file';
import { loadText, type TextView } from './load';

// The outside readers (epubcheck, pdftotext, Chromium) are run by e2e/export-files.spec.ts.
const SLUG = 'karpathy-no-priors';
let data: ReturnType<typeof makeDataDir>;
beforeAll(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterAll(() => data.dispose());

async function load(): Promise<TextView> {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error(`${SLUG} did not load`);
  return loaded.text;
}

describe('exportFile', () => {
  it('writes the bundled article as HTML with every block and its notes', async () => {
    const text = await load();
    const file = await exportFile(text, { ...defaultFileOptions, format: 'html' });
    expect(file).toMatchObject({ mediaType: 'text/html; charset=utf-8', fileName: `${SLUG}.html` });
    const html = new TextDecoder().decode(file.data);
    for (const block of text.blocks) expect(html).toContain(`id="${block.id}"`);
    expect(html.match(/<li id="note-\d+"/g)?.length).toBeGreaterThan(0);
  });

  it('writes an EPUB whose sections are the article’s top-level headings', async () => {
    const file = await exportFile(await load(), { ...defaultFileOptions, format: 'epub' }, new Date('2026-01-01T00:00:00Z'));
    const paths = (await unzipText(file.data)).map((f) => f.path);
    expect(paths.slice(0, 3)).toEqual(['mimetype', 'META-INF/container.xml', 'OEBPS/content.opf']);
    expect(paths.filter((p) => /OEBPS\/s\d+\.xhtml$/.test(p))).toHaveLength(8);
  });

  it('exports one section alone, and refuses a section the text does not have', async () => {
    const text = await load();
    const one = await exportFile(text, { ...defaultFileOptions, format: 'html', section: 's2' });
    expect(one.fileName).toBe(`${SLUG}-s2.html`);
    const html = new TextDecoder().decode(one.data);
    expect(html).toContain('<section class="section" id="s2">');
    expect(html).not.toContain('id="s3"');
    await expect(exportFile(text, { ...defaultFileOptions, format: 'html', section: 's99' })).rejects.toThrow(
      /has no section s99 \(it has s1 to s8\)/,
    );
  });

  it('refuses a text whose gloss file is damaged, naming the file', async () => {
    data.write(`locales/en/${SLUG}.json`, '{ "title": "broken", }');
    try {
      await expect(exportFile(await load(), { ...defaultFileOptions, format: 'epub' })).rejects.toThrow(
        new RegExp(`Not exported: locales/en/${SLUG}.json:1:\\d+: malformed JSON`),
      );
    } finally {
      data.dispose();
      data = makeDataDir({ copyRepoData: true });
    }
  });
});
