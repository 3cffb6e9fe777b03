import { fromXliff12State, fromXliff20State } from './states';
import type { ImportedFile, ImportedUnit, ParseResult } from './types';
import { REVISION_PREFIX, TOOL_ID } from './xliff-write';
import { childElements, localName, parseXml, XmlSyntaxError, type XmlElement, type XmlNode } from './xml';
import { scanXmlShape, type XmlShapeLimits } from './xml-shape';

/** Inline elements whose content is text of the segment: their markup is dropped, their text kept. */
const TRANSPARENT = new Set(['g', 'mrk', 'pc', 'sub']);

interface Flat {
  text: string;
  /** Inline codes found, by name. */
  codes: string[];
}

/** The text of a source or target: character data, CDATA and the text inside `<g>`/`<mrk>`/`<pc>`. */
function flatten(nodes: XmlNode[]): Flat {
  let text = '';
  const codes: string[] = [];
  const walk = (list: XmlNode[]) => {
    for (const node of list) {
      if (node.kind === 'text') text += node.text;
      else {
        const name = localName(node.name);
        // Anything else (<x/>, <ph>, <bpt>, <sc/>, …) stands for markup of the original format.
        if (TRANSPARENT.has(name)) walk(node.children);
        else codes.push(name);
      }
    }
  };
  walk(nodes);
  return { text, codes };
}

function codeProblem(where: string, codes: string[]): string | undefined {
  if (codes.length === 0) return undefined;
  const names = [...new Set(codes)].map((c) => `<${c}>`).join(', ');
  return `the ${where} contains inline markup the app cannot keep (${names}); translate it as plain text`;
}

/** Descendant elements with a local name, through `<group>`s and anything else. */
function descendants(node: XmlElement, name: string, stopAt: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of childElements(node)) {
    const local = localName(child.name);
    if (local === name) found.push(child);
    else if (local !== stopAt) found.push(...descendants(child, name, stopAt));
  }
  return found;
}

/** The text of the notes not written by this app as its own (translator's notes, glossary terms): people's comments. */
function peopleNotes(notes: XmlElement[], own: (note: XmlElement) => boolean): { notes?: string[] } {
  const texts = notes
    .filter((note) => !own(note))
    .map((note) => flatten(note.children).text.trim())
    .filter(Boolean);
  return texts.length > 0 ? { notes: texts } : {};
}

function readUnit12(unit: XmlElement): ImportedUnit {
  const source = flatten(childElements(unit, 'source')[0]?.children ?? []);
  const targetElement = childElements(unit, 'target')[0];
  const target = targetElement ? flatten(targetElement.children) : undefined;
  const extradata = unit.attributes.extradata?.trim();
  const revision = extradata?.startsWith(REVISION_PREFIX) ? extradata.slice(REVISION_PREFIX.length) : undefined;
  const problem = codeProblem('source', source.codes) ?? (target ? codeProblem('target', target.codes) : undefined);
  return {
    id: unit.attributes.id ?? '',
    source: source.text,
    ...(target ? { target: target.text } : {}),
    status: fromXliff12State(targetElement?.attributes.state, unit.attributes.approved),
    ...(revision ? { revision } : {}),
    ...(problem ? { problem } : {}),
    ...peopleNotes(childElements(unit, 'note'), (note) => note.attributes.from === TOOL_ID),
  };
}

function readUnit20(unit: XmlElement): ImportedUnit {
  // A unit may be split into several segments (and ignorables between them): join them in order.
  const parts = childElements(unit).filter((e) => ['segment', 'ignorable'].includes(localName(e.name)));
  const sources: string[] = [];
  const targets: string[] = [];
  const codes: { source: string[]; target: string[] } = { source: [], target: [] };
  let hasTarget = false;
  let state: string | undefined;
  for (const part of parts) {
    const source = flatten(childElements(part, 'source')[0]?.children ?? []);
    sources.push(source.text);
    codes.source.push(...source.codes);
    const targetElement = childElements(part, 'target')[0];
    if (targetElement) {
      hasTarget = true;
      const target = flatten(targetElement.children);
      targets.push(target.text);
      codes.target.push(...target.codes);
    } else if (localName(part.name) === 'ignorable') targets.push(source.text);
    if (localName(part.name) === 'segment') state ??= part.attributes.state;
  }
  const metas = descendants(unit, 'meta', 'segment').filter((meta) => meta.attributes.type === 'revision');
  const revision = metas.map((meta) => flatten(meta.children).text.trim()).find(Boolean);
  const problem = codeProblem('source', codes.source) ?? codeProblem('target', codes.target);
  return {
    id: unit.attributes.id ?? '',
    source: sources.join(''),
    ...(hasTarget ? { target: targets.join('') } : {}),
    status: fromXliff20State(state),
    ...(revision ? { revision } : {}),
    ...(problem ? { problem } : {}),
    ...peopleNotes(descendants(unit, 'note', 'segment'), (note) => note.attributes.category === TOOL_ID),
  };
}

/**
 * What an XLIFF import reads at most, checked on the text before any tree is built: 64 levels of
 * nesting (the app writes 5, CAT tools a few more with groups), 200,000 units (the app's XLIFF of
 * a 34,100-block novel has 34,101), 1,000 elements in one unit, 2,000,000 elements in all.
 */
export const XLIFF_LIMITS: XmlShapeLimits = {
  maxDepth: 64,
  maxUnits: 200_000,
  maxUnitElements: 1_000,
  maxElements: 2_000_000,
  unitNames: ['trans-unit', 'unit'],
};

/**
 * Reads an XLIFF 1.2 or 2.0 document, as this app or another program wrote it: prefixed or
 * default namespaces, `<group>`s, CDATA, notes (people's notes kept as `notes`, the app's own skipped), states, units without targets, and
 * inline elements (`<g>`/`<mrk>`/`<pc>` keep their text; codes such as `<x/>`, `<ph>` mark the
 * unit with a problem). Malformed XML or a root that is not `<xliff>` gives `{ ok: false, error }`.
 * `'<xliff version="1.2">…<trans-unit id="c4pzjo"><source>前些天…</source><target state="final">A few days ago…</target>…'`
 * → `{ ok: true, file: { version: '1.2', units: [{ id: 'c4pzjo', target: 'A few days ago…', status: 'reviewed' }] } }`.
 */
export function parseXliff(text: string): ParseResult {
  // Measured before anything is built: a tree of the whole file took about 1 KB per element
  // (680 MB of heap for 200,000 tiny units), and deep nesting overflowed the stack.
  const shape = scanXmlShape(text, XLIFF_LIMITS);
  if (!shape.ok) return { ok: false, error: shape.error, limit: shape.limit };
  // The file without its units is small; each unit is then parsed on its own and read at once,
  // so no tree of the whole file is ever held.
  let root: XmlElement;
  const unitXml: { name: string; element: () => XmlElement }[] = [];
  try {
    let at = 0;
    const skeleton: string[] = [];
    for (const range of shape.units) {
      skeleton.push(text.slice(at, range.start));
      at = range.end;
      unitXml.push({ name: range.name, element: () => parseXml(text.slice(range.start, range.end)) });
    }
    skeleton.push(text.slice(at));
    root = parseXml(skeleton.join(''));
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { ok: false, error: error.message };
    throw error;
  }
  if (localName(root.name) !== 'xliff')
    return { ok: false, error: `This is not an XLIFF file: its root element is <${root.name}>` };
  const declared = root.attributes.version ?? '';
  const version = declared.startsWith('2')
    ? '2.0'
    : declared === '1.2' || declared === '1.1' || declared === ''
      ? '1.2'
      : undefined;
  if (!version) return { ok: false, error: `XLIFF version ${declared} is not supported (1.2 and 2.x are)` };
  const files = childElements(root, 'file');
  if (files.length === 0) return { ok: false, error: 'The XLIFF file has no <file> element' };
  const originals = [...new Set(files.map((file) => file.attributes.original).filter((o): o is string => Boolean(o)))];
  if (originals.length > 1)
    return { ok: false, error: `The XLIFF file holds several texts (${originals.join(', ')}); import one text at a time` };
  const unitName = version === '1.2' ? 'trans-unit' : 'unit';
  const units: ImportedUnit[] = [];
  try {
    for (const unit of unitXml) {
      if (unit.name !== unitName) continue;
      units.push(version === '1.2' ? readUnit12(unit.element()) : readUnit20(unit.element()));
    }
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { ok: false, error: error.message };
    throw error;
  }
  const first = files[0];
  const file: ImportedFile = {
    version,
    ...(originals[0] ? { original: originals[0] } : {}),
    ...(version === '1.2'
      ? { sourceLanguage: first?.attributes['source-language'], targetLanguage: first?.attributes['target-language'] }
      : { sourceLanguage: root.attributes.srcLang, targetLanguage: root.attributes.trgLang }),
    units,
  };
  return { ok: true, file };
}
