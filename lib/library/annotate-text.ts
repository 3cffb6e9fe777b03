import 'server-only';
import { createHash } from 'node:crypto';
import { CACHE_BOUNDS, heapShareBytes } from '@/lib/cache-bounds';
import { WeightedLru } from '@/lib/weighted-lru';
import type { TextView } from './load';
import { readGlossary, readNotes, readTextGlossary, readWordListFile } from '@/lib/store/annotations';
import { isGlossable } from '@/lib/text/types';
import { loadDictionary, lookupWordSync } from '@/lib/annotate/dictionary';
import { findTerms, mergeGlossaries, type TermMatch } from '@/lib/annotate/glossary';
import { anchorNote, type AnchoredNote } from '@/lib/annotate/notes';
import { pinyinByOffset, readingOf } from '@/lib/annotate/pinyin';
import { segmentWords } from '@/lib/annotate/segment';
import { toTraditional } from '@/lib/annotate/chinese-script';
import { traditionalForms } from '@/lib/annotate/traditional';
import type { DictionaryEntry, NoteSource, ReadToken, TermEntry } from '@/lib/annotate/types';
import type { NoteView, PageLexicon, RowAnnotations } from '@/lib/annotate/view';
import { parseWordList } from '@/lib/annotate/word-list';

/**
 * Whether pages carry word annotations. `BILINGUAL_ANNOTATIONS=off` at build time leaves them
 * out (the reader still works; `npm run bench` uses it to measure what annotations cost).
 */
export function annotationsEnabled(): boolean {
  return process.env.BILINGUAL_ANNOTATIONS !== 'off';
}

/** The language notes and the glossary are written in. */
const ANNOTATION_LANGUAGE = 'en';

export interface BlockAnnotation {
  tokens: ReadToken[];
  terms: TermMatch[];
  notes: AnchoredNote[];
  /** `[index among the Chinese words, form]` where a word's traditional form in this block differs from its form alone. */
  traditional?: [number, string][];
}

export interface TextAnnotation {
  /** By block id; only blocks with text. */
  blocks: Record<string, BlockAnnotation>;
  /** Every note in document order, numbered from 1. */
  notes: NoteView[];
  /** The entry of every Chinese word of the text, once per distinct word. */
  dictionary: Record<string, DictionaryEntry>;
  /** The glossary entries of the terms that occur in the text. */
  glossary: Record<string, TermEntry>;
  /** Simplified word → traditional form (opencc-js, same length), for the words whose forms differ. */
  traditional: Record<string, string>;
  /** Milliseconds spent: segmenting, and the slowest block. */
  timing: { total: number; slowestBlock: number };
}

/**
 * What a block's annotations take in memory per character of its Chinese (tokens with pinyin,
 * terms, notes): about 200 bytes, measured on 三国演义 by annotating every section in one process
 * and comparing heaps after a full GC.
 */
export const ANNOTATION_BYTES_PER_CHAR = 200;
/** What a block's annotation costs however short it is (its objects and key): an estimate, so that a text of one-character lines is not weighed as nothing. */
export const ANNOTATION_BYTES_PER_BLOCK = 1_000;

/**
 * Annotations of single blocks, keyed by what they are computed from (the block's Chinese, its
 * notes and the word lists), so an edit re-annotates only the blocks it changed. Bounded in
 * bytes, a share of the heap (CACHE_BOUNDS.annotationsHeapShare; each block weighed at
 * ANNOTATION_BYTES_PER_CHAR), least recently used first out: walking the sections of several
 * novels keeps the most recent ones. On globalThis: routes and instrumentation are separate
 * bundles in one process.
 */
interface Cache {
  blocks: WeightedLru<string, BlockAnnotation>;
  /** Whole results per loaded text (dropped with it), by block subset and sources. */
  results: WeakMap<TextView, Map<string, Promise<TextAnnotation>>>;
}
const CACHE_KEY = Symbol.for('bilingual-reader.annotations');

function cache(): Cache {
  const global = globalThis as typeof globalThis & { [CACHE_KEY]?: Cache };
  global[CACHE_KEY] ??= {
    blocks: new WeightedLru(() => heapShareBytes(CACHE_BOUNDS.annotationsHeapShare)),
    results: new WeakMap(),
  };
  return global[CACHE_KEY];
}

function cachedBlock(key: string, chars: number, make: () => BlockAnnotation): BlockAnnotation {
  const { blocks } = cache();
  const hit = blocks.get(key);
  if (hit) return hit;
  const annotation = make();
  blocks.set(key, annotation, ANNOTATION_BYTES_PER_BLOCK + chars * ANNOTATION_BYTES_PER_CHAR);
  return annotation;
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

interface Sources {
  /** The shared glossary merged with the text's own (see mergeGlossaries). */
  glossary: TermEntry[];
  notes: NoteSource[];
  /** The shared word list, the text's own list and the glossary's terms. */
  words: string[];
}

async function readSources(slug: string): Promise<Sources> {
  const [sharedGlossary, textGlossary, notes, shared, own] = await Promise.all([
    readGlossary(ANNOTATION_LANGUAGE),
    readTextGlossary(slug, ANNOTATION_LANGUAGE),
    readNotes(slug, ANNOTATION_LANGUAGE),
    readWordListFile('_shared.terms'),
    readWordListFile(`${slug}.terms`),
  ]);
  const glossary = mergeGlossaries(sharedGlossary, textGlossary);
  const words = [...new Set([...parseWordList(shared), ...parseWordList(own), ...glossary.map((entry) => entry.term)])];
  return { glossary, notes, words };
}

/**
 * Annotates one block's Chinese: its tokens with offsets and pinyin (read on the whole block,
 * so polyphones get their reading in context), the glossary terms in it and its notes.
 * `annotateBlock('他谈到了自动驾驶', …)` → tokens 他 / 谈到 / 了 / 自动驾驶 with `pinyin: 'zì dòng jià shǐ'` on the last.
 */
export function annotateBlock(
  zh: string,
  options: { words: readonly string[]; glossary: readonly TermEntry[]; notes?: readonly AnchoredNote[] },
): BlockAnnotation {
  const readings = pinyinByOffset(zh);
  const tokens = segmentWords(zh, options.words).map((token): ReadToken => {
    if (!token.chinese) return token;
    const pinyin = readingOf(readings, token.start, token.end);
    return pinyin ? { ...token, pinyin } : token;
  });
  return { tokens, terms: findTerms(zh, options.glossary), notes: [...(options.notes ?? [])] };
}

/** Every note of the text in document order, numbered from 1; notes of removed blocks last, detached. */
function numberNotes(
  text: TextView,
  noteSources: readonly NoteSource[],
): { notes: NoteView[]; anchored: Map<string, AnchoredNote[]> } {
  const byBlock = new Map<string, NoteSource[]>();
  for (const note of noteSources) byBlock.set(note.block, [...(byBlock.get(note.block) ?? []), note]);
  const notes: NoteView[] = [];
  const anchored = new Map<string, AnchoredNote[]>();
  const live = new Set<string>();
  for (const block of text.blocks) {
    if (!isGlossable(block.type)) continue;
    live.add(block.id);
    const sources = byBlock.get(block.id);
    if (!sources) continue;
    const placed = sources.map((note) => anchorNote(note, block.text, block.en));
    anchored.set(block.id, placed);
    for (const note of [...placed].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity))) {
      notes.push({
        id: note.id,
        number: notes.length + 1,
        block: note.block,
        quote: note.quote,
        body: note.body,
        detached: note.detached,
      });
    }
  }
  for (const note of noteSources.filter((n) => !live.has(n.block))) {
    notes.push({ id: note.id, number: notes.length + 1, block: note.block, quote: note.quote, body: note.body, detached: true });
  }
  return { notes, anchored };
}

/**
 * Blocks longer than this many characters are not annotated (no pinyin, dictionary or terms):
 * a text whose line breaks were lost can hold a paragraph of 100,000 characters, whose
 * annotations would make a page of many megabytes and take the server's memory.
 */
export const MAX_ANNOTATED_CHARS = 20_000;

/** The longest stretch annotating runs before giving the event loop a turn. */
export const ANNOTATION_TURN_MS = 50;

async function compute(
  text: TextView,
  { glossary, notes: noteSources, words }: Sources,
  only: ReadonlySet<string> | undefined,
  onProgress?: (done: number, total: number) => void,
): Promise<TextAnnotation> {
  await loadDictionary();
  // Load the segmenter for this word list before timing blocks (0.5–0.9 s, once per process).
  annotateBlock('中文', { words, glossary });

  const blocks: Record<string, BlockAnnotation> = {};
  const dictionary: Record<string, DictionaryEntry> = {};
  const usedTerms: Record<string, TermEntry> = {};
  const traditional: Record<string, string> = {};
  const glossaryByTerm = new Map(glossary.map((entry) => [entry.term, entry]));
  const { notes, anchored: anchoredByBlock } = numberNotes(text, noteSources);
  const listsKey = digest([words, glossary]);
  let total = 0;
  let slowestBlock = 0;
  let done = 0;
  let turnStarted = performance.now();

  for (const block of text.blocks) {
    onProgress?.(done++, text.blocks.length);
    // A novel takes seconds: other requests get the event loop every ANNOTATION_TURN_MS.
    if (performance.now() - turnStarted > ANNOTATION_TURN_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      turnStarted = performance.now();
    }
    if (!isGlossable(block.type) || (only && !only.has(block.id))) continue;
    // A paragraph the size of a chapter is shown as plain text: annotated, it would weigh megabytes.
    if (block.text.length > MAX_ANNOTATED_CHARS) continue;
    const anchored = anchoredByBlock.get(block.id) ?? [];
    const started = performance.now();
    const annotation = cachedBlock(digest([listsKey, block.text, anchored]), block.text.length, () =>
      annotateBlock(block.text, { words, glossary, notes: anchored }),
    );
    const spent = performance.now() - started;
    total += spent;
    slowestBlock = Math.max(slowestBlock, spent);
    const forms = traditionalForms(
      block.text,
      annotation.tokens.filter((t) => t.chinese).map((t) => [t.start, t.end] as const),
    );
    for (const [word, form] of forms.words) traditional[word] = form;
    blocks[block.id] = forms.exceptions.length > 0 ? { ...annotation, traditional: forms.exceptions } : annotation;

    for (const token of annotation.tokens) {
      if (!token.chinese || Object.hasOwn(dictionary, token.text)) continue;
      const entry = lookupWordSync(token.text, token.pinyin);
      if (entry) dictionary[token.text] = entry;
    }
    for (const match of annotation.terms) {
      const entry = glossaryByTerm.get(match.term);
      if (entry) usedTerms[match.term] = entry;
    }
  }
  return { blocks, notes, dictionary, glossary: usedTerms, traditional, timing: { total, slowestBlock } };
}

/**
 * The annotations of a text, or of some of its blocks (`blockIds`): each block is annotated at
 * most once per version of its Chinese, its notes and the word lists; notes are numbered over
 * the whole text either way.
 */
export async function annotateText(
  text: TextView,
  blockIds?: readonly string[],
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<TextAnnotation> {
  const sources = await readSources(text.slug);
  // With a progress callback (the command line), compute afresh so every step is reported.
  if (options.onProgress) return compute(text, sources, blockIds ? new Set(blockIds) : undefined, options.onProgress);
  const only = blockIds ? new Set(blockIds) : undefined;
  const key = digest([blockIds ?? null, sources]);
  const { results } = cache();
  let perText = results.get(text);
  if (!perText) results.set(text, (perText = new Map()));
  let entry = perText.get(key);
  if (!entry) {
    entry = compute(text, sources, only);
    const entries = perText;
    entries.set(key, entry);
    entry.catch(() => entries.delete(key));
    // Only the latest few subsets of one text are kept whole; their blocks stay in the block cache.
    while (entries.size > 4) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }
  return entry;
}

/** The compact form of a block's annotations that a reading row ships (see ZhAnnotations). */
export function rowAnnotations(annotation: BlockAnnotation): RowAnnotations {
  const attached = annotation.notes.filter((n) => !n.detached);
  return {
    zh: {
      words: annotation.tokens.filter((t) => t.chinese).map((t) => [t.start, t.end, t.pinyin ?? '']),
      terms: annotation.terms.map((t) => [t.start, t.end]),
      notes: attached.flatMap((n) => (n.end === undefined ? [] : [[n.end, n.id] as [number, string]])),
      ...(annotation.traditional ? { traditional: annotation.traditional } : {}),
    },
    en: attached.map((n) => [n.enAt ?? Number.MAX_SAFE_INTEGER, n.id]),
    detached: annotation.notes.filter((n) => n.detached).map((n) => n.id),
  };
}

/** How many senses a popover shows for a word, and for each character of a word not in the dictionary. */
export const POPOVER_SENSES = 4;
export const POPOVER_PART_SENSES = 2;

/**
 * An entry cut to what the popover shows. Its traditional form goes into the lexicon's own map
 * (the form the page shows in traditional characters), so it is left out here.
 */
function forPopover(entry: DictionaryEntry): DictionaryEntry {
  const { traditional: _shownFromLexicon, ...rest } = entry;
  const senses = rest.senses.slice(0, POPOVER_SENSES);
  const parts = rest.parts?.map((part) => ({ ...part, senses: part.senses.slice(0, POPOVER_PART_SENSES) }));
  return { ...rest, senses, ...(parts ? { parts } : {}) };
}

/**
 * The dictionary, glossary and notes a page needs for the given blocks, and nothing more, with the
 * traditional forms of the words and of the other Chinese a popover shows (see PageLexicon).
 */
export function lexiconFor(annotation: TextAnnotation, blockIds: readonly string[]): PageLexicon {
  const words: PageLexicon['words'] = {};
  const terms: PageLexicon['terms'] = {};
  const traditional: Record<string, string> = {};
  const inPopovers: Record<string, string> = {};
  const shownAlone = (chinese: string) => {
    const form = toTraditional(chinese);
    if (form !== chinese) inPopovers[chinese] = form;
  };
  const ids = new Set(blockIds);
  for (const id of blockIds) {
    const block = annotation.blocks[id];
    if (!block) continue;
    for (const token of block.tokens) {
      const entry = annotation.dictionary[token.text];
      if (token.chinese && entry && !words[token.text]) words[token.text] = forPopover(entry);
      const form = annotation.traditional[token.text];
      if (token.chinese && form) traditional[token.text] = form;
    }
  }
  for (const entry of Object.values(words)) for (const part of entry.parts ?? []) shownAlone(part.char);
  for (const id of blockIds) {
    for (const match of annotation.blocks[id]?.terms ?? []) {
      const entry = annotation.glossary[match.term];
      if (!entry) continue;
      terms[match.term] = entry;
      shownAlone(entry.term);
    }
  }
  const notes = Object.fromEntries(annotation.notes.filter((n) => ids.has(n.block)).map((n) => [n.id, n]));
  return { words, terms, notes, traditional, ...(Object.keys(inPopovers).length > 0 ? { popoverTraditional: inPopovers } : {}) };
}
