import { isChapterHeading } from './chapter-heading';
import { splitFrontMatter } from './front-matter';
import type { ParsedText, SourceBlock } from './types';

const BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const LIST_MARKER = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/**
 * The implicit-heading rule. A line is a heading when it stands alone between blank lines
 * (or the start/end of the text) and:
 * - has at most MAX_HEADING_CHARS characters and at least one letter;
 * - contains no link or URL;
 * - contains no sentence punctuation (。．！？；…, full-width or ideographic) anywhere;
 * - does not end in a closing quotation mark (」』”’: a line of dialogue);
 * - does not end, after closing brackets, in punctuation that ends or continues a sentence
 *   (。．｡.！!？?；;：:，,、…~～), which also rules out truncated "..." lines.
 * Examples from the bundled article: 自动驾驶是 AGI 以及 Waymo vs 特斯拉 is a heading;
 * 近日，播客节目 No Priors 发布了对这位著名 AI 研究者的专访视频。 is not; from 红楼梦,
 * 满纸荒唐言，一把辛酸泪． is not.
 * In a text whose implicit headings include chapter headings in a classic form (第一回, 卷一,
 * 序…: see isChapterHeading), parseText keeps as headings only those and the lines before the
 * first of them; other short lines (诗云, 其一) are paragraphs.
 */
export const MAX_HEADING_CHARS = 40;
const SENTENCE_INSIDE = /[。．｡！？；…‼⁇⁈⁉]/;
const QUOTE_END = /[」』”’﹂﹄][\s]*$/u;
const TRAILING_CLOSERS = /[\s"'）)】\]》〉]+$/u;
const NON_FINAL_END = /[。．｡.！!？?；;：:，,、…~～]$/;
const URL_OR_LINK = /https?:\/\/|\]\(/i;

export function isImplicitHeading(line: string): boolean {
  const text = line.trim();
  if (!text || [...text].length > MAX_HEADING_CHARS) return false;
  if (!/\p{L}/u.test(text) || URL_OR_LINK.test(text) || SENTENCE_INSIDE.test(text) || QUOTE_END.test(text)) return false;
  const end = text.replace(TRAILING_CLOSERS, '');
  return end.length > 0 && !NON_FINAL_END.test(end);
}

/**
 * When at least two implicit headings are classic chapter headings, the implicit headings after
 * the first of them that are not chapter headings become paragraphs again (written `#` headings
 * are left alone). `implicit` holds the indexes in `blocks` of the implicit headings.
 */
function keepChapterHeadings(blocks: SourceBlock[], implicit: number[]): void {
  const chapters = implicit.filter((i) => isChapterHeading(blocks[i]!.text));
  if (chapters.length < 2) return;
  const first = chapters[0]!;
  for (const i of implicit) {
    const block = blocks[i]!;
    if (i > first && !isChapterHeading(block.text)) blocks[i] = { type: 'paragraph', text: block.text, line: block.line };
  }
}

/** A heading that names a table of contents: 目录, 目錄, 目次, Contents. */
const CONTENTS_TITLE = /^(?:目录|目錄|目次|总目|總目|contents|table of contents)$/iu;
/** This many chapter headings in a row, with no text between them, are a book's own table of contents. */
export const MIN_CONTENTS_ENTRIES = 3;

/**
 * A book's own table of contents: a run of consecutive chapter headings with no text between
 * them. The run's entries become list items (one list, read as the contents, not as empty
 * chapters); a 目录 heading before them stays a heading, and so does the run's last heading when
 * text follows it, since that one opens the first chapter.
 * `[目录, 第一回 …, 第二回 …, 第三回 …, 第一回 …, 话说…]` → `[目录, • 第一回, • 第二回, • 第三回, 第一回 (heading), 话说…]`.
 */
function foldContents(blocks: SourceBlock[]): void {
  let start = 0;
  while (start < blocks.length) {
    if (blocks[start]!.type !== 'heading') {
      start += 1;
      continue;
    }
    let end = start;
    while (end < blocks.length && blocks[end]!.type === 'heading') end += 1;
    // [start, end) is a run of headings; the last one opens what follows unless the text ends there.
    let entriesEnd = end < blocks.length ? end - 1 : end;
    let entriesStart = start;
    while (entriesStart < entriesEnd && !isChapterHeading(blocks[entriesStart]!.text)) entriesStart += 1;
    if (entriesStart < entriesEnd && CONTENTS_TITLE.test(blocks[entriesStart]!.text.trim())) entriesStart += 1;
    while (entriesEnd > entriesStart && !isChapterHeading(blocks[entriesEnd - 1]!.text)) entriesEnd -= 1;
    let chapters = 0;
    for (let i = entriesStart; i < entriesEnd; i++) if (isChapterHeading(blocks[i]!.text)) chapters += 1;
    if (chapters >= MIN_CONTENTS_ENTRIES) {
      for (let i = entriesStart; i < entriesEnd; i++) {
        const block = blocks[i]!;
        blocks[i] = { type: 'list-item', text: block.text, line: block.line };
      }
    }
    start = end;
  }
}

/** Removes a BOM and turns CRLF / CR line endings into LF. `'\uFEFF甲\r\n乙'` → `'甲\n乙'`. */
export function normalizeSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

// Han characters (any plane), CJK punctuation and full-width forms: no space is written between two of them.
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
// Marks Chinese text shares with English (curly quotes, ellipsis, dash, middle dot): no space between one
// of them and a Chinese character, so “伏魔之殿” cut after its opening quote joins as it was.
const SHARED_MARK = /[\u2018-\u201f\u2026\u2014\u2015\u00b7]/u;

function joinsWithoutSpace(last: string, first: string): boolean {
  return (CJK.test(last) && (CJK.test(first) || SHARED_MARK.test(first))) || (SHARED_MARK.test(last) && CJK.test(first));
}

/**
 * Joins the lines of one paragraph the way a reader sees them: nothing between two Chinese
 * characters or punctuation marks, one space otherwise. `['第一行，', '第二行']` → `'第一行，第二行'`.
 */
export function joinLines(lines: string[]): string {
  // Linear: only the last character written so far is looked at, never the whole joined text.
  const parts: string[] = [];
  let last = '';
  for (const line of lines) {
    if (parts.length > 0 && last !== '') {
      const first = String.fromCodePoint(line.codePointAt(0) ?? 32);
      const separator = joinsWithoutSpace(last, first) ? '' : ' ';
      parts.push(separator);
      if (separator) last = separator;
    }
    parts.push(line);
    if (line) last = lastCharacter(line);
  }
  return parts.join('');
}

/** The last code point of a non-empty string (a surrogate pair counts as one). */
function lastCharacter(text: string): string {
  return Array.from(text.slice(-2)).at(-1) ?? '';
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Collapses tabs and runs of spaces inside a line (full-width spaces included) to one space. */
function tidyLine(line: string): string {
  return line.trim().replace(/[\t \u3000]+/g, ' ');
}

interface OpenBlock {
  type: 'paragraph' | 'list-item';
  lines: string[];
  line: number;
}

/**
 * Parses a Chinese source (Markdown-like text with optional YAML front matter) into
 * metadata and typed blocks: headings, paragraphs, list items and `---` breaks.
 * `'---\ntitle: 题\n---\n\n第一段。\n\n- 项目'` → meta `{ title: '题' }`,
 * blocks `[paragraph '第一段。', list-item '项目']`. Total: any string gives a result.
 */
export function parseText(source: string): ParsedText {
  const lines = normalizeSource(source).split('\n');
  const { meta, bodyLines, bodyStartLine, problems } = splitFrontMatter(lines);
  const blocks: SourceBlock[] = [];

  let group: SourceBlock[] = [];
  let groupLines = 0;
  let open: OpenBlock | null = null;
  const implicit: number[] = [];

  const closeBlock = () => {
    if (open) group.push({ type: open.type, text: joinLines(open.lines), line: open.line });
    open = null;
  };
  const closeGroup = () => {
    closeBlock();
    const only = group[0];
    if (group.length === 1 && groupLines === 1 && only?.type === 'paragraph' && isImplicitHeading(only.text)) {
      group = [{ ...only, type: 'heading', level: 2 }];
      implicit.push(blocks.length);
    }
    blocks.push(...group);
    group = [];
    groupLines = 0;
  };

  bodyLines.forEach((raw, index) => {
    const lineNo = bodyStartLine + index;
    if (isBlank(raw)) return closeGroup();
    groupLines += 1;

    if (BREAK.test(raw)) {
      closeBlock();
      group.push({ type: 'break', text: '', line: lineNo });
      return;
    }
    const heading = ATX_HEADING.exec(raw);
    if (heading) {
      closeBlock();
      const text = tidyLine(heading[2] ?? '');
      if (text) group.push({ type: 'heading', text, line: lineNo, level: heading[1]?.length ?? 2 });
      return;
    }
    const marker = LIST_MARKER.exec(raw);
    if (marker) {
      closeBlock();
      open = { type: 'list-item', lines: [], line: lineNo };
      const text = tidyLine(raw.slice(marker[0].length));
      if (text) open.lines.push(text);
      return;
    }
    if (!open) open = { type: 'paragraph', lines: [], line: lineNo };
    open.lines.push(tidyLine(raw));
  });
  closeGroup();
  keepChapterHeadings(blocks, implicit);
  foldContents(blocks);

  // A list marker with nothing after it leaves an empty item: drop it.
  return { meta, blocks: blocks.filter((b) => b.type === 'break' || b.text !== ''), problems };
}
