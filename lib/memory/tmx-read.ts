import { childElements, localName, parseXml, XmlSyntaxError, type XmlElement, type XmlNode } from '@/lib/exchange/xml';
import { scanXmlShape, type XmlShapeLimits } from '@/lib/exchange/xml-shape';

/** The largest TMX file taken, in bytes (OmegaT's project_save.tmx of a whole novel is a few MB). */
export const MAX_TMX_BYTES = 20 * 1024 * 1024;

/** What a TMX import reads at most, checked on the text before any tree is built. */
export const TMX_LIMITS: XmlShapeLimits = {
  maxDepth: 32,
  maxUnits: 200_000,
  maxUnitElements: 500,
  maxElements: 2_000_000,
  unitNames: ['tu'],
};

/** One Chinese–target pair read from a TMX file. */
export interface TmxPair {
  zh: string;
  gloss: string;
  /** From `<prop type="x-status">reviewed</prop>` (our own TMX); anything else reads as reviewed, the state an outside memory's pairs are kept in. */
  status: 'draft' | 'reviewed';
  /** Who made the pair and when, as the TMX says (`changeid`/`creationid`, `changedate`/`creationdate`). */
  by?: string;
  date?: string;
}

export type TmxRead = { ok: true; pairs: TmxPair[]; skipped: number; duplicates: number } | { ok: false; error: string };

/** Whether a TMX language code names Chinese (`zh`, `zh-CN`, `ZH-TW`, `zh-Hans`). */
function isChinese(lang: string): boolean {
  return /^zh(?:[-_]|$)/i.test(lang);
}

/** Whether a TMX language code is the wanted target (`en` takes `en-US`, `EN-GB`). */
function isLanguage(lang: string, target: string): boolean {
  const code = lang.toLowerCase().replace('_', '-');
  const wanted = target.toLowerCase();
  return code === wanted || code.startsWith(`${wanted}-`) || wanted.startsWith(`${code}-`);
}

/** The text of a `<seg>`: its characters and the text inside inline elements (`<bpt>`, `<ph>` codes are dropped). */
function segText(node: XmlElement): string {
  const parts: string[] = [];
  const walk = (children: readonly XmlNode[]) => {
    for (const child of children) {
      if (child.kind === 'text') parts.push(child.text);
      else if (['hi', 'sub'].includes(localName(child.name))) walk(child.children);
    }
  };
  walk(node.children);
  return parts.join('').trim();
}

function tuvLang(tuv: XmlElement): string {
  return tuv.attributes['xml:lang'] ?? tuv.attributes.lang ?? '';
}

/** A stamp as TMX writes it (`20261207T104500Z`) as ISO 8601, or undefined. */
function isoDate(stamp: string | undefined): string | undefined {
  const m = stamp?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : undefined;
}

/**
 * Reads a TMX 1.4 memory for pairs of Chinese and `target` (an OmegaT project_save.tmx, or a TMX
 * this app exported): each `<tu>` gives its Chinese and target `<seg>`; units lacking either are
 * skipped and counted, the same pair twice is kept once. Malformed XML, another root, a header
 * whose source language is not Chinese, too many units and files with no pair at all are refused
 * with the reason. `('<tmx version="1.4"><header srclang="zh-CN"/><body><tu><tuv xml:lang="zh-CN"><seg>你好</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu></body></tmx>', 'en')`
 * → `{ ok: true, pairs: [{ zh: '你好', gloss: 'Hello', status: 'reviewed' }], skipped: 0, duplicates: 0 }`.
 */
export function readTmx(text: string, target: string): TmxRead {
  if (text.length > MAX_TMX_BYTES)
    return {
      ok: false,
      error: `The file is larger than ${MAX_TMX_BYTES / 1024 / 1024} MB, the most a memory import takes; split it`,
    };
  if (!text.trim()) return { ok: false, error: 'The file is empty' };
  const shape = scanXmlShape(text, TMX_LIMITS);
  if (!shape.ok) return { ok: false, error: shape.error.replace('an XLIFF file', 'a TMX file') };
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    return { ok: false, error: error instanceof XmlSyntaxError ? error.message : 'The file could not be read as XML' };
  }
  if (localName(root.name) !== 'tmx')
    return { ok: false, error: `Not a TMX file: the root element is <${root.name}>, not <tmx>` };
  const header = childElements(root, 'header')[0];
  const srclang = header?.attributes.srclang ?? '';
  if (srclang && srclang !== '*all*' && !isChinese(srclang))
    return { ok: false, error: `The memory's source language is ${srclang.slice(0, 20)}, not Chinese` };
  const body = childElements(root, 'body')[0];
  const pairs: TmxPair[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  let duplicates = 0;
  for (const tu of body ? childElements(body, 'tu') : []) {
    const tuvs = childElements(tu, 'tuv');
    const zhTuv = tuvs.find((t) => isChinese(tuvLang(t)));
    const targetTuv = tuvs.find((t) => isLanguage(tuvLang(t), target));
    const seg = (tuv: XmlElement | undefined) => {
      const s = tuv && childElements(tuv, 'seg')[0];
      return s ? segText(s) : '';
    };
    const zh = seg(zhTuv);
    const gloss = seg(targetTuv);
    if (!zh || !gloss) {
      skipped += 1;
      continue;
    }
    const key = `${zh}\u0000${gloss}`;
    if (seen.has(key)) {
      duplicates += 1;
      continue;
    }
    seen.add(key);
    const status = childElements(tu, 'prop').find((p) => p.attributes.type === 'x-status');
    const draft = status?.children.some((c) => c.kind === 'text' && c.text.trim() === 'draft');
    const attrs = { ...tu.attributes, ...targetTuv?.attributes };
    const by = attrs.changeid ?? attrs.creationid;
    const date = isoDate(attrs.changedate ?? attrs.creationdate);
    pairs.push({
      zh,
      gloss,
      status: draft ? 'draft' : 'reviewed',
      ...(by ? { by: by.slice(0, 80) } : {}),
      ...(date ? { date } : {}),
    });
  }
  if (pairs.length === 0)
    return {
      ok: false,
      error:
        skipped > 0
          ? `No unit has both Chinese and ${target}: ${skipped} unit${skipped === 1 ? '' : 's'} without a pair in these languages`
          : 'The memory holds no translation units',
    };
  return { ok: true, pairs, skipped, duplicates };
}
