import 'server-only';
import { createHash } from 'node:crypto';
import { CACHE_BOUNDS, heapShareBytes } from '@/lib/cache-bounds';
import { WeightedLru } from '@/lib/weighted-lru';
import type { TextView } from './load';
import { readGlossary, readNotes, readTextGlossary, readWordListFile } from '@/lib/store/annotations';
import { isGlossable } from '@/lib/text/types';
import { loadDictionary, lookupWordSync } from '@/lib/annotate/dictionary';
import { findTerms, mergeGlossaries, type TermMatch } from '@/lib/annotate/glossary';
import { type AnchoredNote } from '@/lib/annotate/notes';
import { numberNotes } from './number-notes';
import { pinyinByOffset, readingOf } from '@/lib/annotate/pinyin';
import { forgetWordList, segmentWords } from '@/lib/annotate/segment';
import { alignedSimplified, scriptOf } from '@/lib/annotate/source-script';
import { simplifiedForms, traditionalForms } from '@/lib/annotate/traditional';
import type { ChineseScript, DictionaryEntry, NoteSource, ReadToken, TermEntry } from '@/lib/annotate/types';
import type { NoteView } from '@/lib/annotate/view';
import { parseWordList } from '@/lib/annotate/word-list';
import { processState } from '@/lib/process-state';

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
  /** The same for the simplified forms of a traditional text's words. */
  simplified?: [number, string][];
  /** A traditional block in simplified characters, character for character (see alignedSimplified). */
  simplifiedText?: string;
}

export interface TextAnnotation {
  /** The script the text is written in (see sourceScript). */
  script: ChineseScript;
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
  /** For a traditional text: word → simplified form (same length), for the words whose forms differ. */
  simplified: Record<string, string>;
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
 * novels keeps the most recent ones. Kept once per process (lib/process-state.ts).
 */
interface Cache {
  blocks: WeightedLru<string, BlockAnnotation>;
  /** The script of each loaded text, measured once. */
  scripts: WeakMap<TextView, ChineseScript>;
  /** Whole results per loaded text (dropped with it), by block subset and sources. */
  results: WeakMap<TextView, WeightedLru<string, Promise<TextAnnotation>>>;
}

/** Whole results kept per text: the reading page, a section or two, a paragraph page. */
const KEPT_RESULTS_PER_TEXT = 4;

function cache(): Cache {
  return processState<Cache>('annotations', () => ({
    blocks: new WeightedLru(() => heapShareBytes(CACHE_BOUNDS.annotationsHeapShare)),
    scripts: new WeakMap(),
    results: new WeakMap(),
  }));
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
 * Lets go of the segmenter made for a text's word lists as they are now: call it just before
 * the text's word list changes, so that the next page makes one for the new list instead of
 * keeping both (each holds about 120 MB). The traditional variant's segmenter is left to the cache.
 */
export async function forgetTextWords(slug: string): Promise<void> {
  forgetWordList((await readSources(slug)).words);
}

/**
 * The script a text is written in, measured once per loaded text on its Chinese (see scriptOf):
 * 儒林外史 in traditional characters → `'trad'`.
 */
export function sourceScript(text: TextView): ChineseScript {
  const { scripts } = cache();
  let script = scripts.get(text);
  if (!script) {
    script = scriptOf(text.blocks.map((block) => block.text).join('\n'));
    scripts.set(text, script);
  }
  return script;
}

/**
 * Annotates one block's Chinese: its tokens with offsets and pinyin (read on the whole block,
 * so polyphones get their reading in context), the glossary terms in it and its notes.
 * `annotateBlock('他谈到了自动驾驶', …)` → tokens 他 / 谈到 / 了 / 自动驾驶 with `pinyin: 'zì dòng jià shǐ'` on the last.
 * A traditional block (`script: 'trad'`) is segmented and read through its simplified form, character
 * for character, and its tokens keep the text as written: `'母親說'` → 母親 (mǔ qīn) / 說 (shuō).
 */
export function annotateBlock(
  zh: string,
  options: {
    words: readonly string[];
    glossary: readonly TermEntry[];
    notes?: readonly AnchoredNote[];
    script?: ChineseScript;
  },
): BlockAnnotation {
  const traditional = options.script === 'trad';
  // segmentit and pinyin-pro know simplified Chinese: a traditional block goes through its simplified twin.
  const read = traditional ? alignedSimplified(zh) : zh;
  const words = traditional ? options.words.map(alignedSimplified) : options.words;
  const readings = pinyinByOffset(read);
  const tokens = segmentWords(read, words).map((token): ReadToken => {
    const asWritten = traditional ? { ...token, text: zh.slice(token.start, token.end) } : token;
    if (!token.chinese) return asWritten;
    const pinyin = readingOf(readings, token.start, token.end);
    return pinyin ? { ...asWritten, pinyin } : asWritten;
  });
  return {
    tokens,
    terms: findTerms(zh, options.glossary),
    notes: [...(options.notes ?? [])],
    ...(traditional && read !== zh ? { simplifiedText: read } : {}),
  };
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
  const script = sourceScript(text);
  annotateBlock('中文', { words, glossary, script });

  const blocks: Record<string, BlockAnnotation> = {};
  const dictionary: Record<string, DictionaryEntry> = {};
  const usedTerms: Record<string, TermEntry> = {};
  const traditional: Record<string, string> = {};
  const simplified: Record<string, string> = {};
  const glossaryByTerm = new Map(glossary.map((entry) => [entry.term, entry]));
  const { notes, anchored: anchoredByBlock } = numberNotes(text, noteSources);
  const listsKey = digest([words, glossary, script]);
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
      annotateBlock(block.text, { words, glossary, notes: anchored, script }),
    );
    const spent = performance.now() - started;
    total += spent;
    slowestBlock = Math.max(slowestBlock, spent);
    // The other script's forms: traditional for a simplified text, simplified for a traditional one.
    const spans = annotation.tokens.filter((t) => t.chinese).map((t) => [t.start, t.end] as const);
    const forms =
      script === 'trad'
        ? simplifiedForms(block.text, spans, annotation.simplifiedText ?? block.text)
        : traditionalForms(block.text, spans);
    for (const [word, form] of forms.words) (script === 'trad' ? simplified : traditional)[word] = form;
    const exceptions =
      forms.exceptions.length === 0
        ? {}
        : script === 'trad'
          ? { simplified: forms.exceptions }
          : { traditional: forms.exceptions };
    blocks[block.id] = { ...annotation, ...exceptions };

    for (const token of annotation.tokens) {
      if (!token.chinese || Object.hasOwn(dictionary, token.text)) continue;
      const read = script === 'trad' ? (annotation.simplifiedText ?? block.text).slice(token.start, token.end) : undefined;
      const entry = lookupWordSync(token.text, token.pinyin, read);
      if (entry) dictionary[token.text] = entry;
    }
    for (const match of annotation.terms) {
      const entry = glossaryByTerm.get(match.term);
      if (entry) usedTerms[match.term] = entry;
    }
  }
  return { script, blocks, notes, dictionary, glossary: usedTerms, traditional, simplified, timing: { total, slowestBlock } };
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
  // Only the latest few subsets of one text are kept whole; their blocks stay in the block cache.
  if (!perText) results.set(text, (perText = WeightedLru.ofCount(KEPT_RESULTS_PER_TEXT)));
  let entry = perText.get(key);
  if (!entry) {
    entry = compute(text, sources, only);
    const entries = perText;
    entries.set(key, entry);
    entry.catch(() => entries.delete(key));
  }
  return entry;
}
