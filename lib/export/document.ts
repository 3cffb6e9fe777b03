import { anchorNote, type AnchoredNote } from '@/lib/annotate/notes';
import type { NoteSource, ReadToken } from '@/lib/annotate/types';
import type { TextView } from '@/lib/gloss/view';
import { inlineRanges } from '@/lib/text/inline';
import { sectionIndexNamed, splitSections, type Section } from '@/lib/text/sections';
import { printsAddress } from './print';
import type { BlockType, TextMeta } from '@/lib/text/types';
import { isGlossable } from '@/lib/text/types';

/**
 * The format-neutral document that every off-screen output (standalone HTML, EPUB, PDF) is
 * written from: the text's blocks as runs of text, links, ruby and note references, cut into
 * sections, with the translator's notes numbered in document order.
 */

/** A piece of a block's text as an output writes it. */
export type Run =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  /** A word with its reading: one `[base, reading]` pair per character when they pair up, else one for the word. */
  | { kind: 'ruby'; pairs: [string, string][] }
  | { kind: 'note'; number: number };

/** A block's gloss in one target language. */
export interface DocGloss {
  /** A canonical target language tag (`en`, `fr`, `pt-BR`). */
  lang: string;
  /** null when the block has no gloss in this language yet (and on breaks): never another language's. */
  runs: Run[] | null;
  /** The gloss was written for an earlier version of the Chinese. */
  stale: boolean;
}

export interface DocBlock {
  id: string;
  type: BlockType;
  /** Heading level (1–6); only on headings. */
  level?: number;
  zh: Run[];
  /** One per language of the document, in its order (see ExportDocument.languages). */
  glosses: DocGloss[];
}

export interface DocNote {
  number: number;
  id: string;
  /** The block it belongs to (may no longer exist). */
  block: string;
  quote: string;
  body: string;
  detached: boolean;
}

/**
 * One of the reader's sections (lib/text/sections.ts splitSections): the same passage as the
 * reading page `/read/<slug>/s/<name>`.
 */
export interface DocSection {
  /** The id of its first block, as in the reader's URL. */
  name: string;
  /** Its place, from 1: the reader's "Section n of N". */
  number: number;
  /** The headings that open its chapter (a part and a chapter heading, say); empty when none. */
  headings: DocBlock[];
  /** When its chapter was cut into parts: which part it is. */
  part?: { n: number; of: number };
  /** The first words of its first paragraph. */
  opening: string;
  blocks: DocBlock[];
  /** The notes whose references are in this section, in number order. */
  notes: DocNote[];
}

/** The title in one target language; null when not translated into it. */
export interface DocTitle {
  lang: string;
  text: string | null;
}

export interface ExportDocument {
  slug: string;
  /** The target languages shown beside the Chinese, in order: one or two (`['en']`, `['en', 'fr']`). */
  languages: string[];
  title: { zh: string; glosses: DocTitle[] };
  meta: TextMeta;
  sections: DocSection[];
  /** Every note, numbered from 1 in document order (notes of vanished blocks last). */
  notes: DocNote[];
}

export interface DocumentSources {
  /** The text; its glosses are the document's when `views` is absent. */
  text: TextView;
  /** The text loaded in each target language to show, in order (one or two); `[text]` when absent. */
  views?: readonly TextView[];
  /** The text's translator's notes, as the notes file has them. */
  notes: readonly NoteSource[];
  /** Tokens with pinyin by block id: given, the Chinese carries ruby. */
  readings?: Readonly<Record<string, readonly ReadToken[]>>;
  /** The text's reading sections, when the caller has them already; else worked out here. */
  sections?: readonly Section[];
}

const HAN = /\p{Script=Han}/u;

function rubyRun(word: string, pinyin: string): Run {
  const chars = [...word];
  const syllables = pinyin.split(' ');
  if (chars.length === syllables.length && chars.every((c) => HAN.test(c))) {
    return { kind: 'ruby', pairs: chars.map((c, i) => [c, syllables[i] ?? '']) };
  }
  return { kind: 'ruby', pairs: [[word, pinyin]] };
}

function pushText(runs: Run[], text: string) {
  if (!text) return;
  const last = runs.at(-1);
  if (last?.kind === 'text') last.text += text;
  else runs.push({ kind: 'text', text });
}

/**
 * A block's text as runs: links stay links (a note inside a link goes after it), Chinese words
 * with a reading become ruby, and each marker `[offset, number]` becomes a note reference after
 * `offset` characters. `('他说[甲](https://a.b)', [], [[2, 1]])` → text 他说, note 1, link 甲.
 */
export function textRuns(text: string, tokens: readonly ReadToken[], markers: readonly [number, number][]): Run[] {
  const runs: Run[] = [];
  const sorted = [...markers].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let next = 0;
  const notesUpTo = (offset: number) => {
    while (next < sorted.length && (sorted[next]?.[0] ?? Infinity) <= offset) {
      runs.push({ kind: 'note', number: sorted[next]?.[1] ?? 0 });
      next += 1;
    }
  };
  const words = tokens.filter((t) => t.chinese && t.pinyin);
  for (const segment of inlineRanges(text)) {
    if (segment.kind === 'link') {
      notesUpTo(segment.start);
      runs.push({ kind: 'link', text: segment.text, href: segment.href });
      notesUpTo(segment.end);
      continue;
    }
    let cursor = segment.start;
    const plainTo = (to: number) => {
      for (const [offset] of sorted.slice(next)) {
        if (offset >= to) break;
        if (offset > cursor) pushText(runs, text.slice(cursor, offset));
        cursor = Math.max(cursor, offset);
        notesUpTo(offset);
      }
      if (to > cursor) pushText(runs, text.slice(cursor, to));
      cursor = Math.max(cursor, to);
      notesUpTo(cursor);
    };
    for (const word of words) {
      if (word.start < segment.start || word.end > segment.end) continue;
      plainTo(word.start);
      runs.push(rubyRun(text.slice(word.start, word.end), word.pinyin ?? ''));
      cursor = word.end;
      notesUpTo(cursor);
    }
    plainTo(segment.end);
  }
  notesUpTo(Infinity);
  return runs;
}

/** Where a Chinese note marker goes: after the word that holds the quote's last character. */
function zhMarkerOffset(note: AnchoredNote, tokens: readonly ReadToken[], length: number): number {
  if (note.detached || note.end === undefined) return length;
  const end = note.end;
  const word = tokens.find((t) => t.chinese && t.start < end && end <= t.end);
  return word ? word.end : end;
}

/** The reader's sections as document sections; a continued chapter's parts keep its headings. */
function docSections(sections: readonly Section[], blocks: readonly DocBlock[]): DocSection[] {
  let headings: DocBlock[] = [];
  return sections.map((section, i) => {
    if (!section.part || section.part.n === 1) {
      headings = [];
      for (let b = section.start; b < section.end && blocks[b]?.type === 'heading'; b++) headings.push(blocks[b]!);
    }
    return {
      name: section.name,
      number: i + 1,
      headings,
      ...(section.part ? { part: section.part } : {}),
      opening: section.opening,
      blocks: blocks.slice(section.start, section.end),
      notes: [],
    };
  });
}

/**
 * Builds the export document of a text in one or two target languages (`views`, each block's
 * gloss in each; a missing gloss stays missing, never filled from another language): blocks as
 * runs, notes anchored and numbered (their markers in the Chinese and the English), sections
 * those of the reader (one for a short text; else by chapter, long chapters cut in parts).
 * `buildExportDocument({ text, notes: [] })` → `{ slug, title, sections: [{ name: 'c4pzjo', number: 1, … }], notes: [] }`.
 */
export function buildExportDocument({
  text,
  views = [text],
  notes: noteSources,
  readings,
  sections: given,
}: DocumentSources): ExportDocument {
  const notes: DocNote[] = [];
  // Each language's blocks by id (the views are of the same source, so the same ids).
  const byId = views.map((view) => new Map(view.blocks.map((b) => [b.id, b])));
  // The notes are written against the English: their markers go into the English only.
  const englishAt = views.findIndex((view) => view.lang === 'en');
  const byBlock = new Map<string, NoteSource[]>();
  for (const note of noteSources) byBlock.set(note.block, [...(byBlock.get(note.block) ?? []), note]);

  const blocks: DocBlock[] = text.blocks.map((block) => {
    if (!isGlossable(block.type))
      return { id: block.id, type: block.type, zh: [], glosses: views.map((v) => ({ lang: v.lang, runs: null, stale: false })) };
    const tokens = readings?.[block.id] ?? [];
    const inLanguage = byId.map((ids) => ids.get(block.id));
    const english = englishAt >= 0 ? inLanguage[englishAt]?.en : undefined;
    const anchored = (byBlock.get(block.id) ?? [])
      .map((n) => anchorNote(n, block.text, english))
      .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
    const zhMarkers: [number, number][] = [];
    const enMarkers: [number, number][] = [];
    for (const note of anchored) {
      const number = notes.length + 1;
      notes.push({ number, id: note.id, block: note.block, quote: note.quote, body: note.body, detached: note.detached });
      zhMarkers.push([zhMarkerOffset(note, tokens, block.text.length), number]);
      enMarkers.push([note.enAt ?? Number.MAX_SAFE_INTEGER, number]);
    }
    return {
      id: block.id,
      type: block.type,
      ...(block.level !== undefined ? { level: block.level } : {}),
      zh: textRuns(block.text, tokens, zhMarkers),
      glosses: views.map((view, i) => {
        const gloss = inLanguage[i]?.en;
        return {
          lang: view.lang,
          runs: gloss ? textRuns(gloss, [], i === englishAt ? enMarkers : []) : null,
          stale: inLanguage[i]?.status === 'stale',
        };
      }),
    };
  });
  const live = new Set(text.blocks.map((b) => b.id));
  for (const note of noteSources.filter((n) => !live.has(n.block))) {
    notes.push({ number: notes.length + 1, id: note.id, block: note.block, quote: note.quote, body: note.body, detached: true });
  }

  const sections = docSections(given ?? splitSections(text.blocks), blocks);
  for (const section of sections) {
    const numbers = new Set(
      section.blocks
        .flatMap((b) => [...b.zh, ...b.glosses.flatMap((g) => g.runs ?? [])])
        .flatMap((r) => (r.kind === 'note' ? [r.number] : [])),
    );
    section.notes = notes.filter((n) => numbers.has(n.number));
  }
  // Notes of vanished blocks have no reference: they go with the last section.
  const orphans = notes.filter((n) => !live.has(n.block));
  sections.at(-1)?.notes.push(...orphans);

  return {
    slug: text.slug,
    languages: views.map((v) => v.lang),
    title: { zh: text.title.zh, glosses: views.map((v) => ({ lang: v.lang, text: v.title.en ?? null })) },
    meta: text.meta,
    sections,
    notes,
  };
}

/**
 * The section `wanted` names: a section's name (the id of its first block, as in the reader's
 * URL `/read/<slug>/s/<name>`), or `s<n>`, the section the reader calls "Section n of N".
 * `(doc, 'bw03oj')` → the section whose page is `/read/<slug>/s/bw03oj`; `(doc, 's1')` → the first.
 */
export function findDocSection(doc: ExportDocument, wanted: string): DocSection | undefined {
  return doc.sections[sectionIndexNamed(doc.sections, wanted)];
}

/** The plain text of runs, as a reader sees it (ruby bases only, no note numbers). `[ruby 中/zhōng]` → `'中'`. */
export function runsText(runs: readonly Run[]): string {
  return runs
    .map((r) => (r.kind === 'text' || r.kind === 'link' ? r.text : r.kind === 'ruby' ? r.pairs.map(([b]) => b).join('') : ''))
    .join('');
}

/**
 * The runs of a side of a block as the pieces of text a reader of the printed page sees
 * between note numbers and printed link addresses: what a PDF's extracted text must contain,
 * in this order. `[text 甲, note 1, text 乙]` → `['甲', '乙']`.
 */
export function textPieces(runs: readonly Run[]): string[] {
  const pieces: string[] = [''];
  for (const run of runs) {
    if (run.kind === 'note') pieces.push('');
    else {
      pieces[pieces.length - 1] += runsText([run]);
      // A link whose text is not its address is followed by the address in print.
      if (run.kind === 'link' && printsAddress(run.text, run.href)) pieces.push('');
    }
  }
  return pieces.filter((p) => p.trim() !== '');
}
