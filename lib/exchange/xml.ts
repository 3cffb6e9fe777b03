import { js2xml, xml2js, type Element as VendorElement } from 'xml-js';
import { namedError } from '@/lib/named-error';

/** An XML element as the exchange formats see it: qualified name, attributes, children. */
export interface XmlElement {
  kind: 'element';
  /** The name as written, with any prefix (`xliff:trans-unit`); see localName. */
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** Character data; CDATA sections arrive as text too. */
export interface XmlText {
  kind: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

/** A document that is not well-formed XML. */
export class XmlSyntaxError extends namedError('XmlSyntaxError') {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The name without its namespace prefix. `'xliff:trans-unit'` → `'trans-unit'`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const SENTINEL = 'bilingual-reader-end';

function fromVendor(node: VendorElement): XmlNode | undefined {
  if (node.type === 'element') {
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(node.attributes ?? {})) if (value !== undefined) attributes[key] = String(value);
    const children = (node.elements ?? []).map(fromVendor).filter((child): child is XmlNode => child !== undefined);
    return { kind: 'element', name: node.name ?? '', attributes, children };
  }
  if (node.type === 'text') return { kind: 'text', text: String(node.text ?? '') };
  if (node.type === 'cdata') return { kind: 'text', text: String(node.cdata ?? '') };
  // Comments, processing instructions and doctypes carry nothing the exchange formats read.
  return undefined;
}

// Characters XML 1.0 cannot carry at all.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// xml-js turns `&amp;` in text back into `&` before escaping (so a literal "&amp;" would read back
// as "&"); escaping every `&` once first makes that step an exact inverse.
function textForVendor(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;');
}

// xml-js escapes only `"` in attribute values: escape them fully here (it then finds no `"`).
function attributeForVendor(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function toVendor(node: XmlNode): VendorElement {
  if (node.kind === 'text') return { type: 'text', text: textForVendor(node.text) };
  const attributes = Object.fromEntries(Object.entries(node.attributes).map(([key, value]) => [key, attributeForVendor(value)]));
  return {
    type: 'element',
    name: node.name,
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    elements: node.children.map(toVendor),
  };
}

/**
 * Parses an XML document (the xml-js adapter, strict sax underneath) into its root element.
 * Throws XmlSyntaxError with the parser's line and column for malformed XML.
 * `'<a x="1">你<b/></a>'` → `{ name: 'a', attributes: { x: '1' }, children: [text '你', element b] }`.
 */
export function parseXml(text: string): XmlElement {
  let document: VendorElement;
  try {
    // XML end-of-line handling: CRLF and CR are read as LF. The sentinel instruction after the
    // text must come out at the top level: xml-js drops the parser's end-of-input errors, and an
    // element left open would swallow the sentinel instead.
    const source = `${text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')}\n<?${SENTINEL}?>`;
    document = xml2js(source, { compact: false, captureSpacesBetweenElements: true }) as VendorElement;
  } catch (error) {
    const first = error instanceof Error ? error.message.split('\n').join(', ') : String(error);
    throw new XmlSyntaxError(`Not well-formed XML: ${first}`, { cause: error });
  }
  const top = document.elements ?? [];
  const last = top.at(-1);
  if (last?.type !== 'instruction' || last.name !== SENTINEL)
    throw new XmlSyntaxError('Not well-formed XML: the document ends before its elements are closed');
  const roots = top.filter((node) => node.type === 'element');
  if (roots.length > 1) throw new XmlSyntaxError('Not well-formed XML: more than one root element');
  const root = roots[0] ? fromVendor(roots[0]) : undefined;
  if (!root || root.kind !== 'element') throw new XmlSyntaxError('Not well-formed XML: there is no root element');
  return root;
}

/**
 * Writes an element tree as an indented UTF-8 XML document with a declaration; text is escaped
 * by xml-js. Elements in `inline` (such as `source`, `target`) keep their content on one line,
 * exactly as given, so no whitespace is added to translatable text.
 */
export function serializeXml(root: XmlElement): string {
  const xml = js2xml(
    { declaration: { attributes: { version: '1.0', encoding: 'UTF-8' } }, elements: [toVendor(root)] },
    { spaces: 2, fullTagEmptyElement: false, indentText: false, indentCdata: false },
  );
  return `${xml}\n`;
}

/** Builds an element. `element('note', { from: 'x' }, ['text'])`. */
export function element(
  name: string,
  attributes: Record<string, string | undefined> = {},
  children: (XmlNode | string)[] = [],
): XmlElement {
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) attrs[key] = value;
  return {
    kind: 'element',
    name,
    attributes: attrs,
    children: children.map((child) => (typeof child === 'string' ? { kind: 'text', text: child } : child)),
  };
}

/** Child elements with this local name. */
export function childElements(node: XmlElement, name?: string): XmlElement[] {
  return node.children.filter(
    (child): child is XmlElement => child.kind === 'element' && (name === undefined || localName(child.name) === name),
  );
}
