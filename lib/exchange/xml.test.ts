import { describe, expect, it } from 'vitest';
import { childElements, element, localName, parseXml, serializeXml, XmlSyntaxError, type XmlElement } from './xml';

const textOf = (node: XmlElement) => node.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');

describe('serializeXml then parseXml', () => {
  const texts = [
    'plain',
    'a & b < c > d "e" \'f\'',
    'a literal &amp; and &lt; stay literal',
    '&&amp;&amp;amp;',
    'two\nlines  with   spaces ',
    '中文「引号」，标点。',
    '𠮷 and 👍',
    ']]> and <![CDATA[',
  ];
  it.each(texts)('text %j reads back unchanged', (text) => {
    const root = parseXml(serializeXml(element('root', {}, [element('source', {}, [text])])));
    expect(textOf(childElements(root, 'source')[0]!)).toBe(text);
  });

  it.each(texts)('attribute %j reads back unchanged', (value) => {
    expect(parseXml(serializeXml(element('root', { note: value }))).attributes.note).toBe(value);
  });

  it('control characters XML cannot carry are dropped, not written', () => {
    const xml = serializeXml(element('root', { a: 'x\u0001y' }, ['a\u0000b\u0008c']));
    expect(parseXml(xml).attributes.a).toBe('xy');
    expect(textOf(parseXml(xml))).toBe('abc');
  });
});

describe('parseXml', () => {
  it('reads CDATA as text, entities and character references decoded, a BOM skipped', () => {
    const root = parseXml('\uFEFF<?xml version="1.0"?><a><![CDATA[<b>&]]>&amp;&#x4F60;&#22909;</a>');
    expect(textOf(root)).toBe('<b>&&你好');
  });

  it('keeps prefixes in names; localName drops them', () => {
    const root = parseXml('<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2"><x:file/></x:xliff>');
    expect(root.name).toBe('x:xliff');
    expect(childElements(root, 'file')).toHaveLength(1);
    expect(localName('x:trans-unit')).toBe('trans-unit');
  });

  const malformed = ['<a><b></a>', '', 'not xml at all', '<a>&nosuch;</a>', '<a></a><b></b>'];
  it.each(malformed)('refuses %j with XmlSyntaxError', (text) => {
    expect(() => parseXml(text)).toThrow(XmlSyntaxError);
  });
});
