import 'server-only';
import type { AlignmentEntry } from '@/lib/align/block';
import { CACHE_BOUNDS, heapShareBytes } from '@/lib/cache-bounds';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { loadText } from '@/lib/library/load';
import { alignmentJournalPath } from '@/lib/store/alignment-journal';
import { alignmentPath, readAlignments } from '@/lib/store/alignments';
import { filesIdentity, textFingerprint } from '@/lib/store/fingerprint';
import { listSources } from '@/lib/store/sources';
import { isGlossable } from '@/lib/text/types';
import { InMemoryMemoryIndex, type MemoryIndex, type MemoryUnit } from './memory-index';
import { MEMORY_BYTES_PER_CHAR } from './library-memory';
import { sentenceUnits } from './sentence-units';
import { processState, peekProcessState } from '@/lib/process-state';

/**
 * The translation memory's sentence pairs, one index per target language: the one-to-one links,
 * neither stale nor unsure, of every text's stored alignment (lib/store/alignments.ts), cut from
 * the texts as they are. Like the paragraph index it is brought up to date before every look-up,
 * by comparing each text's files and its alignment files with what was indexed, and only the
 * blocks whose texts or alignment entry changed are indexed again. It reads stored alignments
 * only, never aligns: a block aligned since (a save is re-aligned in the background) is taken in
 * at the next look-up. Bounded by CACHE_BOUNDS.sentenceMemoryHeapShare.
 */
interface BlockSource {
  text: string;
  en: string;
  status: MemoryUnit['status'];
  entry: AlignmentEntry | undefined;
  units: MemoryUnit[];
}

interface SentenceMemory {
  index: MemoryIndex;
  identities: Map<string, string>;
  blocks: Map<string, Map<string, BlockSource>>;
  leftOut: Set<string>;
  queue: Promise<unknown>;
}

function stateOf(lang: TargetLanguage): SentenceMemory {
  const states = processState<Map<TargetLanguage, SentenceMemory>>('sentence-memory', () => new Map());
  let state = states.get(lang);
  if (!state) {
    state = {
      index: new InMemoryMemoryIndex(),
      identities: new Map(),
      blocks: new Map(),
      leftOut: new Set(),
      queue: Promise.resolve(),
    };
    states.set(lang, state);
  }
  return state;
}

const charsOf = (units: Iterable<MemoryUnit>) => {
  let chars = 0;
  for (const unit of units) chars += unit.zh.length + unit.gloss.length;
  return chars;
};

function fits(index: MemoryIndex, added: number): boolean {
  return (index.size().chars + added) * MEMORY_BYTES_PER_CHAR <= heapShareBytes(CACHE_BOUNDS.sentenceMemoryHeapShare);
}

function removeText(state: SentenceMemory, slug: string): void {
  state.index.removeText(slug);
  state.blocks.delete(slug);
}

/** Indexes a text's sentence pairs again, block by block where its texts or alignment entry changed. */
async function refreshText(state: SentenceMemory, slug: string, lang: TargetLanguage): Promise<void> {
  const loaded = await loadText(slug, { lang });
  const stored = await readAlignments(slug, lang).catch(() => new Map<string, AlignmentEntry>());
  const before = state.blocks.get(slug) ?? new Map<string, BlockSource>();
  const made = new Map<string, BlockSource>();
  if (loaded?.ok)
    for (const block of loaded.text.blocks) {
      if (!isGlossable(block.type) || !block.en?.trim()) continue;
      const status: MemoryUnit['status'] = block.status === 'reviewed' ? 'reviewed' : 'draft';
      const entry = stored.get(block.id);
      const old = before.get(block.id);
      const same = old && old.entry === entry && old.text === block.text && old.en === block.en && old.status === status;
      made.set(
        block.id,
        same
          ? old
          : {
              text: block.text,
              en: block.en,
              status,
              entry,
              units: sentenceUnits({ slug, block: block.id, zh: block.text, gloss: block.en, status }, entry),
            },
      );
    }
  const added = charsOf([...made.values()].flatMap((b) => b.units)) - charsOf([...before.values()].flatMap((b) => b.units));
  if (!fits(state.index, added)) {
    removeText(state, slug);
    state.leftOut.add(slug);
    return;
  }
  state.leftOut.delete(slug);
  for (const [id, old] of before) {
    if (made.get(id) === old) continue;
    for (const unit of old.units) state.index.removeUnit(slug, unit.id);
  }
  for (const [id, block] of made) if (before.get(id) !== block) for (const unit of block.units) state.index.addUnit(unit);
  state.blocks.set(slug, made);
}

async function refresh(state: SentenceMemory, lang: TargetLanguage): Promise<void> {
  const { sources } = await listSources();
  const identities = await Promise.all(
    sources.map(async (source) =>
      [
        await textFingerprint(source, lang),
        await filesIdentity([alignmentPath(source.slug, lang), alignmentJournalPath(source.slug, lang)]),
      ].join('#'),
    ),
  );
  for (const [i, source] of sources.entries()) {
    const identity = identities[i]!;
    if (state.identities.get(source.slug) === identity) continue;
    await refreshText(state, source.slug, lang);
    state.identities.set(source.slug, identity);
    // A novel takes a while: let other requests through between texts.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const seen = new Set(sources.map((s) => s.slug));
  for (const slug of [...state.identities.keys()]) {
    if (seen.has(slug)) continue;
    removeText(state, slug);
    state.identities.delete(slug);
    state.leftOut.delete(slug);
  }
}

/**
 * The sentence index for a target language, brought up to date with the files; concurrent callers
 * share one pass. `currentSentenceMemory('en')` → the index of every aligned English sentence pair.
 */
export async function currentSentenceMemory(lang: TargetLanguage): Promise<{ index: MemoryIndex; leftOut: ReadonlySet<string> }> {
  const state = stateOf(lang);
  const pass = state.queue.then(() => refresh(state, lang));
  state.queue = pass.catch(() => undefined);
  await pass;
  return { index: state.index, leftOut: state.leftOut };
}

/** Forgets every language's sentence index (for the bench and tests). */
export function resetSentenceMemory(): void {
  peekProcessState<Map<TargetLanguage, SentenceMemory>>('sentence-memory')?.clear();
}
