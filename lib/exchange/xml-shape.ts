/** How deep and how big an XML document may be before it is parsed into a tree. */
export interface XmlShapeLimits {
  /** Elements nested inside one another, the root counting as 1. */
  maxDepth: number;
  /** Elements in all. */
  maxElements: number;
  /** Elements whose local name is one of `unitNames`. */
  maxUnits: number;
  unitNames: readonly string[];
  /** Elements inside one unit (its own included). */
  maxUnitElements: number;
}

/** Where one unit element is in the text: `text.slice(start, end)` is the whole element. */
export interface UnitRange {
  name: string;
  start: number;
  end: number;
}

export type XmlShape =
  | { ok: true; depth: number; elements: number; units: UnitRange[] }
  | { ok: false; limit: 'depth' | 'elements' | 'units' | 'unit-size'; error: string };

/** Where the construct opened at `from` ends (just past `end`), or the end of the text. */
function skipPast(text: string, from: number, end: string): number {
  const at = text.indexOf(end, from);
  return at < 0 ? text.length : at + end.length;
}

/** Just past the `>` that closes a tag starting at `from`, skipping quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return text.length;
}

const NAME_END = /[\s/>]/;

/**
 * Measures an XML document's nesting depth and element count and finds its unit elements (the
 * outermost elements named in `unitNames`) in one pass over its text, without building anything,
 * and stops at the first limit passed: run before a parser builds a tree (and recurses over it),
 * so a file of a million nested `<group>`s or of 400,000 tiny units is refused in milliseconds
 * instead of exhausting the stack or the heap, and each unit can be parsed on its own. Not a
 * validator: malformed XML is left to the parser.
 * `scanXmlShape('<a><b/><b>x</b></a>', { maxDepth: 8, maxElements: 10, maxUnits: 10, maxUnitElements: 5, unitNames: ['b'] })`
 * → `{ ok: true, depth: 2, elements: 3, units: [{ name: 'b', start: 3, end: 7 }, { name: 'b', start: 7, end: 15 }] }`.
 */
export function scanXmlShape(text: string, limits: XmlShapeLimits): XmlShape {
  const unitNames = new Set(limits.unitNames);
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  const units: UnitRange[] = [];
  // The unit being read: its range so far, the depth it opened at, the elements before it.
  let open: { range: UnitRange; depth: number; before: number } | undefined;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    const next = text[i + 1];
    if (text.startsWith('<!--', i)) i = skipPast(text, i + 4, '-->');
    else if (text.startsWith('<![CDATA[', i)) i = skipPast(text, i + 9, ']]>');
    else if (next === '?') i = skipPast(text, i + 2, '?>');
    else if (next === '!') {
      // A doctype, with an internal subset in brackets perhaps.
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      i = bracket >= 0 && (close < 0 || bracket < close) ? skipPast(text, skipPast(text, bracket, ']'), '>') : tagEnd(text, i);
    } else if (next === '/') {
      depth = Math.max(0, depth - 1);
      i = tagEnd(text, i);
      if (open && depth < open.depth) {
        open.range.end = i;
        units.push(open.range);
        open = undefined;
      }
    } else {
      const end = tagEnd(text, i);
      let nameEnd = i + 1;
      while (nameEnd < end && !NAME_END.test(text[nameEnd]!)) nameEnd++;
      const name = text.slice(i + 1, nameEnd);
      const local = name.slice(name.indexOf(':') + 1);
      elements++;
      const selfClosing = text[end - 2] === '/';
      const unitStart = !open && unitNames.has(local);
      if (!selfClosing) {
        depth++;
        deepest = Math.max(deepest, depth);
      }
      if (unitStart) {
        const range = { name: local, start: i, end };
        if (selfClosing) units.push(range);
        else open = { range, depth, before: elements - 1 };
      }
      if (depth > limits.maxDepth)
        return {
          ok: false,
          limit: 'depth',
          error: `The XML nests elements more than ${limits.maxDepth} deep (<${name}> is deeper); an XLIFF file needs far fewer levels`,
        };
      if (units.length + (open ? 1 : 0) > limits.maxUnits)
        return {
          ok: false,
          limit: 'units',
          error: `The file has more than ${limits.maxUnits} translation units, the most an import takes; split it`,
        };
      if (open && elements - open.before > limits.maxUnitElements)
        return {
          ok: false,
          limit: 'unit-size',
          error: `A translation unit holds more than ${limits.maxUnitElements} elements; no real segment needs as many`,
        };
      if (elements > limits.maxElements)
        return {
          ok: false,
          limit: 'elements',
          error: `The file has more than ${limits.maxElements} elements, the most an import takes; split it`,
        };
      i = end;
    }
    i = text.indexOf('<', i);
  }
  // A unit left open is the parser's to report (the document is not well-formed).
  if (open) units.push({ ...open.range, end: text.length });
  return { ok: true, depth: deepest, elements, units };
}
