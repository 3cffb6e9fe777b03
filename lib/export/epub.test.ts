import { describe, expect, it } from 'vitest';
import type { BlockView } from '@/lib/library/load';
import { textView } from '@/lib/testing/text-view';
import { splitSections, type SectionLimits } from '@/lib/text/sections';
import { buildExportDocument } from './document';
import {
  BLOCKS_PER_FILE,
  buildEpubFiles,
  FILE_BYTES,
  NAV_ENTRIES_MAX,
  NAV_LIST_MAX,
  type EpubFile,
  type EpubOptions,
} from './epub';
import { markupProblems } from './xml-check';
import { unzipText, zipEntries } from './zip';

const text = textView([
  ['paragraph', '开头，特拉斯。', 'Opening, Tesla.'],
  ['heading', '第一章', 'Chapter one', 2],
  ['paragraph', '他说[这里](https://a.example/?a=1&b=2)。', 'He said <here> & there.'],
  ['list-item', '一项', 'An item'],
  ['break', ''],
  ['heading', '第二章', 'Chapter two', 2],
  ['paragraph', '没有翻译。'],
]);
const notes = [
  { id: 'n1', block: 'b00001', quote: '特拉斯', occurrence: 1, body: 'A typo for Tesla.', enQuote: 'Tesla' },
  { id: 'n2', block: 'b00003', quote: '他说', occurrence: 1, body: 'He <said>.' },
];
// The reader's sectioning with no single-page text: a section per chapter (three here).
const byChapter: SectionLimits = { singlePageChars: 0, singlePageBlocks: 0, maxChars: 10_000, maxBlocks: 1_000 };
const doc = buildExportDocument({ text, notes, sections: splitSections(text.blocks, byChapter) });
const base: EpubOptions = { order: 'zh-first', mode: 'parallel', modified: new Date('2026-01-02T03:04:05.678Z') };
const files = buildEpubFiles(doc, base);
const file = (path: string, list: readonly EpubFile[] = files) => list.find((f) => f.path === path)?.data ?? '';
const contentPaths = (list: readonly EpubFile[]) => list.map((f) => f.path).filter((p) => /^OEBPS\/text-\d+\.xhtml$/.test(p));
/** The toc's links, in order. */
const tocLinks = (list: readonly EpubFile[]) =>
  [...(file('OEBPS/nav.xhtml', list).match(/<nav epub:type="toc".*?<\/nav>/s)?.[0] ?? '').matchAll(/href="([^"]+)"/g)].map(
    (m) => m[1],
  );

describe('buildEpubFiles', () => {
  it('starts with the mimetype, stored, then the container pointing at the package', () => {
    expect(files[0]).toEqual({ path: 'mimetype', data: 'application/epub+zip', store: true });
    expect(file('META-INF/container.xml')).toContain('full-path="OEBPS/content.opf"');
  });

  it('lists every content file in the manifest once, and the spine in reading order', () => {
    const opf = file('OEBPS/content.opf');
    const hrefs = [...opf.matchAll(/<item id="[^"]+" href="([^"]+)"/g)].map((m) => `OEBPS/${m[1]}`);
    const content = files.map((f) => f.path).filter((p) => p.startsWith('OEBPS/') && p !== 'OEBPS/content.opf');
    expect([...hrefs].sort()).toEqual([...content].sort());
    expect(opf).toContain('properties="nav"');
    const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1]);
    // The three short sections share one file.
    expect(spine).toEqual(['title', 'part1']);
    expect(opf).toMatch(/<item id="part1" href="text-1.xhtml"/);
  });

  it('has the metadata: both titles with their languages, author, date, zh-Hans, modified', () => {
    const opf = file('OEBPS/content.opf');
    expect(opf).toContain('<dc:title id="title-zh" xml:lang="zh-Hans">标题</dc:title>');
    expect(opf).toContain('<dc:title id="title-en" xml:lang="en">Title</dc:title>');
    expect(opf).toContain('<dc:creator id="author">作者</dc:creator>');
    expect(opf).toContain('<dc:date>2024-09-08</dc:date>');
    expect(opf).toContain('<dc:language>zh-Hans</dc:language>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-01-02T03:04:05Z</meta>');
  });

  it('has a navigation document with one entry per section, in both languages, each to its place in its file', () => {
    const nav = file('OEBPS/nav.xhtml');
    expect(nav).toContain('epub:type="toc"');
    expect(tocLinks(files)).toEqual([
      'title.xhtml',
      'text-1.xhtml#section-b00001',
      'text-1.xhtml#section-b00002',
      'text-1.xhtml#section-b00006',
    ]);
    expect(nav).toContain(
      '<span lang="zh-Hans" xml:lang="zh-Hans">第一章</span> · <span lang="en" xml:lang="en">Chapter one</span>',
    );
    expect(file('OEBPS/text-1.xhtml')).toContain(
      '<section epub:type="chapter" id="section-b00002"><div class="pair pair-heading" id="b00002">',
    );
  });

  it('lists the headings inside a section under its entry (a short text is one section)', () => {
    const whole = buildEpubFiles(buildExportDocument({ text, notes }), base);
    expect(tocLinks(whole)).toEqual(['title.xhtml', 'text-1.xhtml#section-b00001', 'text-1.xhtml#b00002', 'text-1.xhtml#b00006']);
  });

  it('writes well-formed XHTML with no tables, escaping the text', () => {
    for (const f of files.filter((x) => x.path.endsWith('.xhtml') || x.path.endsWith('.opf') || x.path.endsWith('.xml'))) {
      expect([f.path, markupProblems(f.data, { xml: true })]).toEqual([f.path, []]);
      expect(f.data).not.toMatch(/<table|<td|<tr/);
    }
    const s2 = file('OEBPS/text-1.xhtml');
    expect(s2).toContain('He said &lt;here&gt; &amp; there.');
    expect(s2).toContain('href="https://a.example/?a=1&amp;b=2"');
  });

  it('keeps each pair in one container, Chinese then English, each marked with its language', () => {
    const s2 = file('OEBPS/text-1.xhtml');
    expect(s2).toMatch(
      /<div class="pair" id="b00003"><p class="zh" lang="zh-Hans" xml:lang="zh-Hans">.*?<\/p><p class="en" lang="en" xml:lang="en">He said/,
    );
    expect(s2).toContain('<hr class="break" id="b00005"/>');
    expect(file('OEBPS/text-1.xhtml')).toContain(
      '<p class="en untranslated" lang="en" xml:lang="en">(Not yet translated into English)</p>',
    );
  });

  it('links notes both ways: reference → footnote, footnote → first reference', () => {
    const s1 = file('OEBPS/text-1.xhtml');
    expect(s1).toContain('<a epub:type="noteref" class="noteref" href="#note-1" id="ref-zh-1">1</a>');
    expect(s1).toContain('<a epub:type="noteref" class="noteref" href="#note-1" id="ref-en-1">1</a>');
    expect(s1).toMatch(/<aside epub:type="footnote" id="note-1"><p [^>]*><a href="#ref-zh-1">1\.<\/a>/);
    expect(file('OEBPS/text-1.xhtml')).toContain('He &lt;said&gt;.');
    for (const f of files.filter((x) => x.path.endsWith('.xhtml'))) {
      const ids = new Set([...f.data.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
      for (const [, target] of f.data.matchAll(/href="#([^"]+)"/g)) expect([f.path, ids.has(target)]).toEqual([f.path, true]);
    }
  });

  it('puts the English first with en-first, and the way back goes to the English reference', () => {
    const s1 = file('OEBPS/text-1.xhtml', buildEpubFiles(doc, { ...base, order: 'en-first' }));
    expect(s1).toMatch(/<div class="pair" id="b00001"><p class="en"[^>]*>Opening.*?<\/p><p class="zh"/);
    expect(s1).toContain('<a href="#ref-en-1">1.</a>');
  });

  it('has one language only with --mode zh or en', () => {
    const zh = buildEpubFiles(doc, { ...base, mode: 'zh' });
    expect(file('OEBPS/text-1.xhtml', zh)).not.toContain('class="en"');
    expect(file('OEBPS/content.opf', zh)).not.toContain('<dc:language>en</dc:language>');
    const en = buildEpubFiles(doc, { ...base, mode: 'en' });
    expect(file('OEBPS/text-1.xhtml', en)).not.toContain('class="zh"');
    expect(file('OEBPS/text-1.xhtml', en)).toContain('<a href="#ref-en-2">2.</a>');
  });

  it('gathers whole sections into files of at most BLOCKS_PER_FILE blocks, the nav listing every section', () => {
    const many = textView(
      Array.from(
        { length: BLOCKS_PER_FILE * 2 + 1 },
        (_, i) => ['paragraph', `第${i}段。`, `Paragraph ${i}.`] as ['paragraph', string, string],
      ),
    );
    const manyDoc = buildExportDocument({ text: many, notes: [] });
    // The reader cuts 801 paragraphs into sections of at most 120 blocks: three fit in a file.
    expect(manyDoc.sections.length).toBeGreaterThan(6);
    const out = buildEpubFiles(manyDoc, base);
    const paths = contentPaths(out);
    expect(paths).toHaveLength(Math.ceil(manyDoc.sections.length / 3));
    for (const path of paths) {
      expect(file(path, out).match(/<div class="pair"/g)!.length).toBeLessThanOrEqual(BLOCKS_PER_FILE);
      // Whole sections only: each opens with its own id.
      expect(file(path, out)).not.toContain('<section epub:type="chapter">');
    }
    expect(tocLinks(out).slice(1)).toEqual(
      manyDoc.sections.map((s, i) => `text-${Math.floor(i / 3) + 1}.xhtml#section-${s.name}`),
    );
  });

  it('cuts a section larger than FILE_BYTES between blocks; every nav link leads to an element of its file', () => {
    const big = textView(
      Array.from({ length: 5 }, (_, i) => ['paragraph', `第${i}段。`, 'a'.repeat(100_000)] as ['paragraph', string, string]),
    );
    const one = { singlePageChars: 1e9, singlePageBlocks: 1e9, maxChars: 1e9, maxBlocks: 1e9 };
    const out = buildEpubFiles(buildExportDocument({ text: big, notes: [], sections: splitSections(big.blocks, one) }), base);
    expect(contentPaths(out)).toEqual(['OEBPS/text-1.xhtml', 'OEBPS/text-2.xhtml', 'OEBPS/text-3.xhtml']);
    for (const path of contentPaths(out))
      expect(new TextEncoder().encode(file(path, out)).length).toBeLessThan(FILE_BYTES + 2_000);
    expect(tocLinks(out)).toEqual(['title.xhtml', 'text-1.xhtml#section-b00001']);
    for (const list of [out, files]) {
      for (const link of tocLinks(list)) {
        const [path, id] = link!.split('#');
        if (id) expect([link, file(`OEBPS/${path}`, list).includes(` id="${id}"`)]).toEqual([link, true]);
      }
    }
  });

  it('groups a long nav by content file, and past NAV_ENTRIES_MAX sections lists the files alone', () => {
    const chapters = (n: number) =>
      textView(
        Array.from({ length: n }, (_, i) => [
          ['heading', `第${i + 1}回`, `Chapter ${i + 1}`, 2] as [BlockView['type'], string, string, number],
          ['paragraph', `第${i + 1}段。`, `Paragraph ${i + 1}.`] as [BlockView['type'], string, string],
        ]).flat(),
      );
    const grouped = buildEpubFiles(buildExportDocument({ text: chapters(NAV_LIST_MAX * 3), notes: [] }), base);
    const links = tocLinks(grouped).slice(1);
    const files = contentPaths(grouped).map((p) => p.replace('OEBPS/', ''));
    // Each file's entry, then its sections: every section is there.
    expect(links.filter((l) => !l!.includes('#'))).toEqual(files);
    expect(links.filter((l) => l!.includes('#section-'))).toHaveLength(NAV_LIST_MAX * 3);
    expect(file('OEBPS/nav.xhtml', grouped)).toContain('第1回</span> · ');
    expect(file('OEBPS/nav.xhtml', grouped)).toMatch(/第1回 – 第\d+回/);

    const huge = buildEpubFiles(buildExportDocument({ text: chapters(NAV_ENTRIES_MAX + 1), notes: [] }), base);
    expect(tocLinks(huge).slice(1)).toEqual(contentPaths(huge).map((p) => p.replace('OEBPS/', '')));
  });

  it('exports one section alone, by its name', () => {
    const one = buildEpubFiles(doc, { ...base, sections: ['b00002'] });
    expect(contentPaths(one)).toEqual(['OEBPS/text-1.xhtml']);
    expect(file('OEBPS/text-1.xhtml', one)).toContain('id="b00003"');
    expect(file('OEBPS/text-1.xhtml', one)).not.toContain('id="b00001"');
    expect(tocLinks(one)).toEqual(['title.xhtml', 'text-1.xhtml#section-b00002']);
  });
});

describe('zipEntries', () => {
  it('writes the mimetype first, uncompressed and without extra fields, and reads back the same files', async () => {
    const zip = await zipEntries(files);
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0); // stored
    expect(view.getUint16(28, true)).toBe(0); // no extra field
    expect(new TextDecoder().decode(zip.slice(30, 38))).toBe('mimetype');
    expect(new TextDecoder().decode(zip.slice(38, 58))).toBe('application/epub+zip');
    const back = await unzipText(zip);
    expect(back.map((f) => [f.path, f.text])).toEqual(files.map((f) => [f.path, f.data]));
  });
});
