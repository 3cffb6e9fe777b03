import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFileOptions } from '@/lib/export/options';
import { unzipText } from '@/lib/export/zip';
import { makeDataDir } from '@/lib/testing/data-dir';
import { exportFile } from './export-file';
import { loadText, type TextView } from '@/lib/library/load';
import { textSections } from '@/lib/reading/sections';

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

  it('writes an EPUB of the reader’s sections: the article is one, in one file, its headings in the nav', async () => {
    const text = await load();
    const file = await exportFile(text, { ...defaultFileOptions, format: 'epub' }, new Date('2026-01-01T00:00:00Z'));
    const files = await unzipText(file.data);
    const paths = files.map((f) => f.path);
    expect(paths.slice(0, 3)).toEqual(['mimetype', 'META-INF/container.xml', 'OEBPS/content.opf']);
    expect(paths.filter((p) => /OEBPS\/text-\d+\.xhtml$/.test(p))).toEqual(['OEBPS/text-1.xhtml']);
    const nav = files.find((f) => f.path === 'OEBPS/nav.xhtml')?.text ?? '';
    expect(nav).toContain(`href="text-1.xhtml#section-${text.blocks[0]!.id}"`);
    for (const heading of text.blocks.filter((b) => b.type === 'heading' && b !== text.blocks[0]))
      expect(nav).toContain(`href="text-1.xhtml#${heading.id}"`);
  });

  it('exports a section by its reading URL’s name or as Section n, and refuses a section the text does not have', async () => {
    const text = await load();
    const name = textSections(text)[0]!.name;
    for (const section of [name, 's1']) {
      const one = await exportFile(text, { ...defaultFileOptions, format: 'html', section });
      expect(one.fileName).toBe(`${SLUG}-${name}.html`);
      expect(new TextDecoder().decode(one.data)).toContain(`<section class="section" id="section-${name}">`);
    }
    await expect(exportFile(text, { ...defaultFileOptions, format: 'html', section: 's2' })).rejects.toThrow(
      `"${SLUG}" has no section s2: a section is named as in its reading URL (/read/${SLUG}/s/<name>), or numbered s1 to s1`,
    );
    await expect(exportFile(text, { ...defaultFileOptions, format: 'html', section: 'zzzzzz' })).rejects.toThrow(
      /has no section zzzzzz/,
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
