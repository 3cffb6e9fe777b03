import { isChapterHeading } from './chapter-heading';
import type { BlockType } from './types';

/** What sectioning needs of a block. */
export interface SectionBlock {
  id: string;
  type: BlockType;
  text: string;
  level?: number;
}

/** A run of consecutive blocks shown as one reading page. */
export interface Section {
  /** The id of its first block: stable when blocks are inserted or removed elsewhere. */
  name: string;
  /** Index of its first block and one past its last, in the text's blocks. */
  start: number;
  end: number;
  /** The headings that open it (a part heading and a chapter heading, say); empty when none. */
  headings: string[];
  /** When a chapter was too long and cut into parts: which part this is, 1-based, of how many. */
  part?: { n: number; of: number };
  /** The first words of its first paragraph, for a table of contents without headings. */
  opening: string;
}

export interface SectionLimits {
  /** A text up to this many characters (and singlePageBlocks blocks) stays one page. */
  singlePageChars: number;
  singlePageBlocks: number;
  /** No section is longer than this (unless one block alone is). */
  maxChars: number;
  maxBlocks: number;
}

/**
 * The bounds used by the reader. The bundled article (4,235 characters, 52 blocks) is one page;
 * a section holds at most about 1.4 times its Chinese, which keeps a section's page within
 * twice the article's page weight.
 */
export const SECTION_LIMITS: SectionLimits = { singlePageChars: 8000, singlePageBlocks: 150, maxChars: 6000, maxBlocks: 120 };

const OPENING_CHARS = 24;

function charsOf(blocks: readonly SectionBlock[], start: number, end: number): number {
  let total = 0;
  for (let i = start; i < end; i++) total += blocks[i]!.text.length;
  return total;
}

/**
 * The heading level that marks chapters: the level with the most headings (the smaller on a tie),
 * used at least twice (a single top heading is the title, not a chapter); undefined when none.
 * The most used level, not the highest: short lines standing alone inside chapters are read as
 * headings too, and must not cut a chapter.
 */
export function chapterLevel(blocks: readonly SectionBlock[]): number | undefined {
  const counts = new Map<number, number>();
  for (const block of blocks) if (block.type === 'heading') counts.set(block.level ?? 1, (counts.get(block.level ?? 1) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const [level, n] of counts) {
    if (n < 2) continue;
    if (!best || n > best[1] || (n === best[1] && level < best[0])) best = [level, n];
  }
  return best?.[0];
}

/**
 * Where chapters start: before each chapter heading, moved up over the headings of a smaller
 * level right before it (a part heading opens the part's first chapter). Chapter headings are
 * the headings in a classic form (第一回, 卷二, 楔子…: isChapterHeading) when there are at least
 * two of them, at any level; else the headings at chapterLevel.
 */
function chapterStarts(blocks: readonly SectionBlock[]): number[] {
  const classic = new Set<number>();
  blocks.forEach((block, i) => {
    if (block.type === 'heading' && isChapterHeading(block.text)) classic.add(i);
  });
  const level = classic.size >= 2 ? undefined : chapterLevel(blocks);
  const starts = [0];
  if (classic.size < 2 && level === undefined) return starts;
  const isChapter = (block: SectionBlock, i: number) =>
    block.type === 'heading' && (classic.size >= 2 ? classic.has(i) : (block.level ?? 1) === level);
  blocks.forEach((block, i) => {
    if (i === 0 || !isChapter(block, i)) return;
    const own = block.level ?? 1;
    let start = i;
    while (start > 0 && blocks[start - 1]!.type === 'heading' && (blocks[start - 1]!.level ?? 1) < own) start -= 1;
    if (start > starts[starts.length - 1]!) starts.push(start);
  });
  return starts;
}

/** Cuts [start, end) into parts of about equal length, none over the limits when blocks allow. */
function cutPiece(blocks: readonly SectionBlock[], start: number, end: number, limits: SectionLimits): [number, number][] {
  const chars = charsOf(blocks, start, end);
  const count = Math.max(Math.ceil(chars / limits.maxChars), Math.ceil((end - start) / limits.maxBlocks), 1);
  if (count === 1) return [[start, end]];
  const target = chars / count;
  const parts: [number, number][] = [];
  let partStart = start;
  let size = 0;
  for (let i = start; i < end; i++) {
    const length = blocks[i]!.text.length;
    const wouldOverflow = size > 0 && (size + length > limits.maxChars || i - partStart >= limits.maxBlocks);
    // Close a part before a block that would overflow it, or once it has reached its share.
    if (wouldOverflow || (size >= target && parts.length < count - 1)) {
      parts.push([partStart, i]);
      partStart = i;
      size = 0;
    }
    size += length;
  }
  parts.push([partStart, end]);
  return parts;
}

function headingsOf(blocks: readonly SectionBlock[], start: number, end: number): string[] {
  const headings: string[] = [];
  for (let i = start; i < end && blocks[i]!.type === 'heading'; i++) headings.push(blocks[i]!.text);
  return headings;
}

function openingOf(blocks: readonly SectionBlock[], start: number, end: number): string {
  for (let i = start; i < end; i++) {
    const block = blocks[i]!;
    if (block.type !== 'heading' && block.type !== 'break' && block.text.trim()) {
      const text = block.text.trim();
      return text.length > OPENING_CHARS ? `${text.slice(0, OPENING_CHARS)}…` : text;
    }
  }
  return '';
}

/** Whether [start, end) has anything besides headings and breaks. */
function hasBody(blocks: readonly SectionBlock[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (blocks[i]!.type !== 'heading' && blocks[i]!.type !== 'break') return true;
  return false;
}

/**
 * Splits a text into reading sections: one section when it is short; else at its own chapter
 * headings, a chapter with only headings joined to the next, and any chapter still too long cut
 * into parts of about equal length. Each section is named by the id of its first block.
 * `splitSections([{ id: 'a', type: 'heading', text: '第一章' }, …, { id: 'k', type: 'heading', text: '第二章' }, …])`
 * → `[{ name: 'a', headings: ['第一章'], … }, { name: 'k', headings: ['第二章'], … }]`.
 */
export function splitSections(blocks: readonly SectionBlock[], limits: SectionLimits = SECTION_LIMITS): Section[] {
  if (blocks.length === 0) return [];
  const whole = (): Section[] => [
    {
      name: blocks[0]!.id,
      start: 0,
      end: blocks.length,
      headings: headingsOf(blocks, 0, blocks.length),
      opening: openingOf(blocks, 0, blocks.length),
    },
  ];
  if (charsOf(blocks, 0, blocks.length) <= limits.singlePageChars && blocks.length <= limits.singlePageBlocks) return whole();

  // Chapters, each a [start, end) range; one made only of headings joins the chapter after it.
  const starts = chapterStarts(blocks);
  const chapters: [number, number][] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? blocks.length;
    const last = chapters[chapters.length - 1];
    if (last && !hasBody(blocks, last[0], last[1])) last[1] = end;
    else chapters.push([start, end]);
  }

  const sections: Section[] = [];
  for (const [start, end] of chapters) {
    const parts = cutPiece(blocks, start, end, limits);
    const headings = headingsOf(blocks, start, end);
    parts.forEach(([partStart, partEnd], i) => {
      sections.push({
        name: blocks[partStart]!.id,
        start: partStart,
        end: partEnd,
        headings,
        ...(parts.length > 1 ? { part: { n: i + 1, of: parts.length } } : {}),
        opening: openingOf(blocks, partStart, partEnd),
      });
    });
  }
  return sections;
}

/** The index of the section holding the block at `blockIndex` (sections in order); -1 when none. */
export function sectionIndexAt(sections: readonly Section[], blockIndex: number): number {
  let low = 0;
  let high = sections.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const section = sections[mid]!;
    if (blockIndex < section.start) high = mid - 1;
    else if (blockIndex >= section.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The index of the section `wanted` names: a section's name (the id of its first block, as in
 * the reader's URL `/read/<slug>/s/<name>`), or `s<n>`, the section the reader calls "Section n
 * of N"; -1 when none. `sectionIndexNamed(sections, 's1')` → `0`.
 */
export function sectionIndexNamed(sections: readonly { name: string }[], wanted: string): number {
  const numbered = /^s([1-9][0-9]{0,5})$/.exec(wanted);
  if (numbered) return Number(numbered[1]) <= sections.length ? Number(numbered[1]) - 1 : -1;
  return sections.findIndex((s) => s.name === wanted);
}
