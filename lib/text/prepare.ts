import { isChapterHeading } from './chapter-heading';
import { serializeFrontMatter, splitFrontMatter } from './front-matter';
import {
  applyParagraphLayout,
  detectParagraphLayout,
  type ParagraphLayout,
  type ParagraphLayoutChoice,
} from './paragraph-layout';
import { isImplicitHeading, parseText } from './parse';
import { blockTypes, type BlockType, type SourceBlock, type TextMeta } from './types';

/** The largest source a new text may have, in bytes (CLI and server alike). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** A run of this many characters without punctuation is reported: a paragraph that lost its breaks? */
export const LONG_RUN_CHARS = 200;
/** A block longer than this is reported. */
export const LONG_BLOCK_CHARS = 3000;
const MAX_META_CHARS = 200;

export interface Oddity {
  line: number;
  kind: 'long-run' | 'long-block' | 'implicit-heading' | 'no-chinese';
  message: string;
}

export interface TextSummary {
  /** How the file marks paragraphs: what was found in it, what was used (the choice given, or what was found), and why. */
  layout: { found: ParagraphLayout; used: ParagraphLayout; reason: string };
  blocks: Record<BlockType, number>;
  /** Characters (code points) of block text. */
  characters: number;
  /** Of which Han characters. */
  han: number;
  oddities: Oddity[];
}

export type PreparedText =
  { ok: true; source: string; meta: TextMeta; blocks: SourceBlock[]; summary: TextSummary } | { ok: false; error: string };

const HAN = /\p{Script=Han}/gu;
const PUNCTUATION = /[\p{P}\s]/u;
// C1 controls, DEL and the C0 ones other than tab and newline, which no text needs.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** NFC, LF line endings, no BOM, no control characters, one final newline. `'\uFEFF甲\r\n乙'` → `'甲\n乙\n'`. */
export function normalizeText(text: string): string {
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(CONTROL, '')
    .normalize('NFC');
  return `${body.replace(/\s+$/, '')}\n`;
}

function longestRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const char of text) {
    run = PUNCTUATION.test(char) ? 0 : run + 1;
    if (run > longest) longest = run;
  }
  return longest;
}

function preview(text: string): string {
  const chars = [...text];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text;
}

/** What a person adding the text should look at before trusting the result. */
function findOddities(blocks: SourceBlock[], bodyLines: string[], bodyStart: number): Oddity[] {
  const oddities: Oddity[] = [];
  for (const block of blocks) {
    if (block.type === 'break') continue;
    const run = longestRun(block.text);
    if (run >= LONG_RUN_CHARS) {
      oddities.push({
        line: block.line,
        kind: 'long-run',
        message: `${run} characters without punctuation in “${preview(block.text)}”: lost line breaks?`,
      });
    }
    const length = [...block.text].length;
    if (length > LONG_BLOCK_CHARS) {
      oddities.push({
        line: block.line,
        kind: 'long-block',
        message: `a block of ${length} characters, “${preview(block.text)}”: missing blank lines between paragraphs?`,
      });
    }
    const raw = bodyLines[block.line - bodyStart] ?? '';
    // Chapter headings in a classic form (第一回) are what a reader expects; only other short lines are worth a look.
    if (block.type === 'heading' && !/^\s{0,3}#/.test(raw) && isImplicitHeading(block.text) && !isChapterHeading(block.text)) {
      oddities.push({
        line: block.line,
        kind: 'implicit-heading',
        message: `“${preview(block.text)}” is taken as a heading (a short line on its own without sentence punctuation)`,
      });
    }
  }
  return oddities;
}

function checkMeta(meta: TextMeta): string | undefined {
  for (const [key, value] of Object.entries(meta) as [keyof TextMeta, string | undefined][]) {
    if (value === undefined) continue;
    if (/[\n\r]/.test(value)) return `The ${key} must be one line`;
    if ([...value].length > MAX_META_CHARS) return `The ${key} can have at most ${MAX_META_CHARS} characters`;
  }
  if (meta.date !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(meta.date))
    return 'The date must look like 2024-09-08 (or 2024-09, or 2024)';
  return undefined;
}

function cleanMeta(meta: TextMeta): TextMeta {
  const out: TextMeta = {};
  for (const key of ['title', 'date', 'author'] as const) {
    const value = meta[key]?.normalize('NFC').trim();
    if (value) out[key] = value;
  }
  return out;
}

/**
 * Turns a decoded text and the fields given for it into the source file to write: normalised
 * (see normalizeText), front matter from the file merged with the given fields (given ones win),
 * paragraphs marked by blank lines as the file's layout says (`paragraphs`, or the layout found
 * in it: see detectParagraphLayout), parsed into blocks, with a summary of block types, characters and oddities. Refuses a text
 * without blocks and invalid fields. Blocks and oddities give lines of the decoded text as given
 * (its own front matter and leading blank lines counted), not of the source with the new front
 * matter. `('# 题\n\n正文。', { author: '某' })` →
 * `{ ok: true, source: '---\nauthor: 某\n---\n\n# 题\n\n正文。\n', blocks: [heading, paragraph], … }`.
 */
export function prepareText(decoded: string, given: TextMeta = {}, paragraphs: ParagraphLayoutChoice = 'auto'): PreparedText {
  const normalized = normalizeText(decoded);
  const lines = normalized.split('\n');
  const front = splitFrontMatter(lines);
  const meta = cleanMeta({ ...front.meta, ...cleanMeta(given) });
  const problem = checkMeta(meta);
  if (problem) return { ok: false, error: problem };
  const bodyLines = front.bodyLines;
  const firstText = bodyLines.findIndex((line) => line.trim() !== '');
  if (firstText < 0) return { ok: false, error: 'The text is empty: there is nothing to read' };
  const textLines = bodyLines.slice(firstText);
  const found = detectParagraphLayout(textLines);
  const used = paragraphs === 'auto' ? found.layout : paragraphs;
  const laidOut = applyParagraphLayout(textLines, used);
  const body = laidOut.lines.join('\n');
  const header = serializeFrontMatter(meta);
  const source = header ? `${header}\n${body}` : body;

  const parsed = parseText(source);
  const glossable = parsed.blocks.filter((b) => b.type !== 'break');
  if (glossable.length === 0) return { ok: false, error: 'The text has no paragraphs or headings, only breaks' };
  const counts = Object.fromEntries(blockTypes.map((type) => [type, 0])) as Record<BlockType, number>;
  let characters = 0;
  let han = 0;
  for (const block of parsed.blocks) {
    counts[block.type] += 1;
    characters += [...block.text].length;
    han += block.text.match(HAN)?.length ?? 0;
  }
  const sourceLines = source.split('\n');
  // Lines are reported as in the text given, not in the source written (whose front matter may differ).
  const bodyInSource = header ? header.split('\n').length + 1 : 1;
  const bodyInGiven = front.bodyStartLine + firstText;
  const givenLine = (line: number) =>
    line < bodyInSource ? 1 : (laidOut.origin[line - bodyInSource] ?? line - bodyInSource) + bodyInGiven;
  const oddities = findOddities(parsed.blocks, sourceLines, 1).map((o) => ({ ...o, line: givenLine(o.line) }));
  if (han === 0) oddities.unshift({ line: 1, kind: 'no-chinese', message: 'there are no Chinese characters in this text' });
  const blocks = parsed.blocks.map((b) => ({ ...b, line: givenLine(b.line) }));
  return {
    ok: true,
    source,
    meta,
    blocks,
    summary: { layout: { found: found.layout, used, reason: found.reason }, blocks: counts, characters, han, oddities },
  };
}
