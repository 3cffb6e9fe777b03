import { describe, expect, it } from 'vitest';
import { splitSections } from '@/lib/text/sections';
import { textView } from '@/lib/testing/text-view';
import { buildExportDocument } from './document';
import { renderStandaloneHtml } from './html';
import { markupProblems } from './xml-check';

const HTML_VOIDS = ['meta', 'hr', 'input', 'br', 'link'];

const text = textView([
  ['heading', '第一章', 'Chapter <one>', 2],
  ['paragraph', '他说[这里](https://a.example/x?a=1&b=2)。', 'He said <script>alert(1)</script> & left.'],
  ['list-item', '一项', 'An item'],
  ['break', ''],
  ['paragraph', '没有翻译。'],
]);
const notes = [{ id: 'n1', block: 'b00002', quote: '他说', occurrence: 1, body: 'A "note" <b>.' }];
const doc = buildExportDocument({ text, notes });

describe('renderStandaloneHtml', () => {
  const html = renderStandaloneHtml(doc, { layout: 'side' });

  it('is well-formed, with no script and nothing to fetch', () => {
    expect(markupProblems(html, { voidElements: HTML_VOIDS })).toEqual([]);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toContain("default-src 'none'");
  });

  it('renders what a text says as text, never as markup', () => {
    expect(html).toContain('He said &lt;script&gt;alert(1)&lt;/script&gt; &amp; left.');
    expect(html).toContain('Chapter &lt;one&gt;');
    expect(html).toContain('href="https://a.example/x?a=1&amp;b=2"');
    expect(html).toContain('A &quot;note&quot; &lt;b&gt;.');
  });

  it('gives every cell its language, and one row per block in order', () => {
    const rows = [...html.matchAll(/<div class="row row-([\w-]+)[^"]*" id="(\w+)">(.*?)<\/div><\/div>/g)];
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['heading', 'b00001'],
      ['paragraph', 'b00002'],
      ['list-item', 'b00003'],
      ['paragraph', 'b00005'],
    ]);
    for (const row of rows) {
      expect(row[3]).toMatch(/^<div class="cell cell-zh" lang="zh-Hans">.*<\/div><div class="cell cell-en" lang="en">/);
    }
    expect(html).toContain('<hr class="row-break" id="b00004">');
    expect(html).toMatch(/<div class="cell cell-en" lang="en"><p class="mark" lang="en">Not yet translated into English<\/p>/);
  });

  it('links each note reference to the note and the note back to the Chinese reference', () => {
    expect(html).toContain('<a href="#note-1" id="ref-zh-1"');
    expect(html).toContain('<a href="#note-1" id="ref-en-1"');
    expect(html).toMatch(/<li id="note-1" value="1">.*<a href="#ref-zh-1"/);
  });

  it('opens in the layout asked for; the switch needs no script', () => {
    for (const layout of ['side', 'stacked', 'zh', 'en'] as const) {
      const out = renderStandaloneHtml(doc, { layout });
      expect(out.match(/<input [^>]*checked>/g)).toEqual([expect.stringContaining(`id="layout-${layout}"`)]);
    }
    expect(html).toContain('html:has(#layout-stacked:checked) .row');
  });

  it('puts the title in the page margin as a CSS string that cannot close the style element', () => {
    const tricky = buildExportDocument({
      text: textView([['paragraph', '一']], { zh: '标题</style><script>', en: 'T "q"' }),
      notes: [],
    });
    const out = renderStandaloneHtml(tricky, { layout: 'side' });
    expect(out.match(/<\/style>/g)).toHaveLength(1);
    expect(out).toContain('@top-center{content:"标题\\3c /style\\3e \\3c script\\3e  · T \\22 q\\22 "');
  });

  it('writes pinyin as ruby when readings are given', () => {
    const withRuby = buildExportDocument({
      text: textView([['paragraph', '你好', 'Hello']]),
      notes: [],
      readings: { b00001: [{ text: '你好', start: 0, end: 2, chinese: true, pinyin: 'nǐ hǎo' }] },
    });
    expect(renderStandaloneHtml(withRuby, { layout: 'side' })).toContain(
      '<ruby>你<rp>(</rp><rt>nǐ</rt><rp>)</rp>好<rp>(</rp><rt>hǎo</rt><rp>)</rp></ruby>',
    );
  });

  it('writes only the sections asked for, with their notes', () => {
    const text = textView([
      ['heading', '甲', 'A', 2],
      ['paragraph', '一', 'one'],
      ['heading', '乙', 'B', 2],
      ['paragraph', '二', 'two'],
    ]);
    const two = buildExportDocument({
      text,
      notes: [{ id: 'x', block: 'b00004', quote: '二', occurrence: 1, body: 'About two.' }],
      sections: splitSections(text.blocks, { singlePageChars: 0, singlePageBlocks: 0, maxChars: 1000, maxBlocks: 100 }),
    });
    const out = renderStandaloneHtml(two, { layout: 'side', sections: ['b00003'] });
    expect(out).toContain('<section class="section" id="section-b00003">');
    expect(out).not.toContain('id="b00001"');
    expect(out).toContain('id="b00004"');
    expect(out).toContain('About two.');
  });
});
