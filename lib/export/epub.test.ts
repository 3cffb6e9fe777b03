import { describe, expect, it } from 'vitest';
import { textView } from '@/lib/testing/text-view';
import { buildExportDocument } from './document';
import { BLOCKS_PER_FILE, buildEpubFiles, type EpubOptions } from './epub';
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
const doc = buildExportDocument({ text, notes });
const base: EpubOptions = { order: 'zh-first', mode: 'parallel', modified: new Date('2026-01-02T03:04:05.678Z') };
const files = buildEpubFiles(doc, base);
const file = (path: string, list = files) => list.find((f) => f.path === path)?.data ?? '';

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
    expect(spine).toEqual(['title', 'part1', 'part2', 'part3']);
    expect(opf).toMatch(/<item id="part1" href="s1.xhtml"/);
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

  it('has a navigation document with one entry per section, in both languages', () => {
    const nav = file('OEBPS/nav.xhtml');
    expect(nav).toContain('epub:type="toc"');
    const links = [...nav.matchAll(/<nav epub:type="toc".*?<\/nav>/gs)][0]?.[0].match(/href="[^"]+"/g);
    expect(links).toEqual(['href="title.xhtml"', 'href="s1.xhtml"', 'href="s2.xhtml"', 'href="s3.xhtml"']);
    expect(nav).toContain(
      '<span lang="zh-Hans" xml:lang="zh-Hans">第一章</span> · <span lang="en" xml:lang="en">Chapter one</span>',
    );
  });

  it('writes well-formed XHTML with no tables, escaping the text', () => {
    for (const f of files.filter((x) => x.path.endsWith('.xhtml') || x.path.endsWith('.opf') || x.path.endsWith('.xml'))) {
      expect([f.path, markupProblems(f.data, { xml: true })]).toEqual([f.path, []]);
      expect(f.data).not.toMatch(/<table|<td|<tr/);
    }
    const s2 = file('OEBPS/s2.xhtml');
    expect(s2).toContain('He said &lt;here&gt; &amp; there.');
    expect(s2).toContain('href="https://a.example/?a=1&amp;b=2"');
  });

  it('keeps each pair in one container, Chinese then English, each marked with its language', () => {
    const s2 = file('OEBPS/s2.xhtml');
    expect(s2).toMatch(
      /<div class="pair" id="b00003"><p class="zh" lang="zh-Hans" xml:lang="zh-Hans">.*?<\/p><p class="en" lang="en" xml:lang="en">He said/,
    );
    expect(s2).toContain('<hr class="break" id="b00005"/>');
    expect(file('OEBPS/s3.xhtml')).toContain('<p class="en untranslated" lang="en" xml:lang="en">(Untranslated)</p>');
  });

  it('links notes both ways: reference → footnote, footnote → first reference', () => {
    const s1 = file('OEBPS/s1.xhtml');
    expect(s1).toContain('<a epub:type="noteref" class="noteref" href="#note-1" id="ref-zh-1">1</a>');
    expect(s1).toContain('<a epub:type="noteref" class="noteref" href="#note-1" id="ref-en-1">1</a>');
    expect(s1).toMatch(/<aside epub:type="footnote" id="note-1"><p [^>]*><a href="#ref-zh-1">1\.<\/a>/);
    expect(file('OEBPS/s2.xhtml')).toContain('He &lt;said&gt;.');
    for (const f of files.filter((x) => x.path.endsWith('.xhtml'))) {
      const ids = new Set([...f.data.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
      for (const [, target] of f.data.matchAll(/href="#([^"]+)"/g)) expect([f.path, ids.has(target)]).toEqual([f.path, true]);
    }
  });

  it('puts the English first with en-first, and the way back goes to the English reference', () => {
    const s1 = file('OEBPS/s1.xhtml', buildEpubFiles(doc, { ...base, order: 'en-first' }));
    expect(s1).toMatch(/<div class="pair" id="b00001"><p class="en"[^>]*>Opening.*?<\/p><p class="zh"/);
    expect(s1).toContain('<a href="#ref-en-1">1.</a>');
  });

  it('has one language only with --mode zh or en', () => {
    const zh = buildEpubFiles(doc, { ...base, mode: 'zh' });
    expect(file('OEBPS/s2.xhtml', zh)).not.toContain('class="en"');
    expect(file('OEBPS/content.opf', zh)).not.toContain('<dc:language>en</dc:language>');
    const en = buildEpubFiles(doc, { ...base, mode: 'en' });
    expect(file('OEBPS/s2.xhtml', en)).not.toContain('class="zh"');
    expect(file('OEBPS/s2.xhtml', en)).toContain('<a href="#ref-en-2">2.</a>');
  });

  it('cuts a long section into files of at most BLOCKS_PER_FILE blocks', () => {
    const many = textView(
      Array.from(
        { length: BLOCKS_PER_FILE * 2 + 1 },
        (_, i) => ['paragraph', `第${i}段。`, `Paragraph ${i}.`] as ['paragraph', string, string],
      ),
    );
    const out = buildEpubFiles(buildExportDocument({ text: many, notes: [] }), base);
    expect(out.filter((f) => f.path.endsWith('.xhtml')).map((f) => f.path)).toEqual([
      'OEBPS/nav.xhtml',
      'OEBPS/title.xhtml',
      'OEBPS/s1.xhtml',
      'OEBPS/s1-2.xhtml',
      'OEBPS/s1-3.xhtml',
    ]);
    expect(file('OEBPS/nav.xhtml', out)).not.toMatch(/s1-\d/);
  });

  it('exports one section alone', () => {
    const one = buildEpubFiles(doc, { ...base, sections: ['s2'] });
    expect(one.filter((f) => /OEBPS\/s\d/.test(f.path)).map((f) => f.path)).toEqual(['OEBPS/s2.xhtml']);
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
