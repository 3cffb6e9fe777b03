import 'server-only';
import { CACHE_BOUNDS, heapShareBytes } from '@/lib/cache-bounds';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { loadText } from '@/lib/library/load';
import { textFingerprint } from '@/lib/store/fingerprint';
import { listMemoryNames, memoriesIdentity, readMemory } from '@/lib/store/memories';
import { listSources } from '@/lib/store/sources';
import { plainText } from '@/lib/text/inline';
import { isGlossable } from '@/lib/text/types';
import { InMemoryMemoryIndex, type MemoryIndex, type MemoryUnit } from './memory-index';
import { processState } from '@/lib/process-state';

/**
 * The translation memory of this server process, one index per target language: every translated
 * paragraph of every text, and the pairs of every imported memory. Like the search index it is
 * brought up to date before every look-up by comparing each text's files with what was indexed
 * (so a save is a match source as soon as it returns, a text added or removed is seen without a
 * restart), and only changed paragraphs are indexed again. It moves into the database together
 * with the search index.
 */
interface LanguageMemory {
  index: MemoryIndex;
  fingerprints: Map<string, string>;
  memories: string;
  queue: Promise<unknown>;
  /** Texts and memories left out, and why (too large for the memory's share of the heap). */
  leftOut: Map<string, string>;
  /** What each text's units were made from, by slug and paragraph id. */
  sources: Map<string, Map<string, UnitSource>>;
  /** Who saved an imported pair and when, by `slug/id` (texts carry theirs in their history). */
  origins: Map<string, { by?: string; date?: string; name: string }>;
}

/** A paragraph's Chinese and translation as the text has them (with markup), and the unit made of them. */
interface UnitSource {
  text: string;
  en: string;
  unit: MemoryUnit;
}

/** About what the memory holds per character of Chinese and translation (bigram lists, strings); measured by `npm run bench`. */
export const MEMORY_BYTES_PER_CHAR = 40;

function states(): Map<TargetLanguage, LanguageMemory> {
  return processState<Map<TargetLanguage, LanguageMemory>>('memory', () => new Map());
}

function stateOf(lang: TargetLanguage): LanguageMemory {
  const all = states();
  let state = all.get(lang);
  if (!state) {
    state = {
      index: new InMemoryMemoryIndex(),
      fingerprints: new Map(),
      memories: '',
      queue: Promise.resolve(),
      leftOut: new Map(),
      sources: new Map(),
      origins: new Map(),
    };
    all.set(lang, state);
  }
  return state;
}

/** The slug under which an imported memory's pairs are indexed. */
export function memorySlug(name: string): string {
  return `tmx:${name}`;
}

/** Whether adding this many characters keeps the memory within its share of the heap. */
function fits(index: MemoryIndex, added: number): boolean {
  return (index.size().chars + added) * MEMORY_BYTES_PER_CHAR <= heapShareBytes(CACHE_BOUNDS.memoryIndexHeapShare);
}

/** How many characters of Chinese and translation these paragraphs hold. */
function charsOf(units: ReadonlyMap<string, MemoryUnit>): number {
  let chars = 0;
  for (const unit of units.values()) chars += unit.zh.length + unit.gloss.length;
  return chars;
}

/** Replaces what the index holds for one text by these units, touching only the paragraphs that changed. */
function setUnits(index: MemoryIndex, slug: string, units: readonly MemoryUnit[], before: ReadonlyMap<string, MemoryUnit>): void {
  const ids = new Set<string>();
  for (const unit of units) {
    ids.add(unit.id);
    const old = before.get(unit.id);
    if (old === unit) continue;
    if (old && old.zh === unit.zh && old.gloss === unit.gloss && old.status === unit.status) continue;
    index.addUnit(unit);
  }
  for (const id of before.keys()) if (!ids.has(id)) index.removeUnit(slug, id);
}

async function refreshTexts(state: LanguageMemory, lang: TargetLanguage): Promise<void> {
  const { sources } = await listSources();
  const seen = new Set(sources.map((s) => s.slug));
  // Every look-up checks every text: the files are looked at all at once, not one text after another.
  const fingerprints = await Promise.all(sources.map((source) => textFingerprint(source, lang)));
  for (const [i, source] of sources.entries()) {
    const fingerprint = fingerprints[i]!;
    if (state.fingerprints.get(source.slug) === fingerprint) continue;
    const loaded = await loadText(source.slug, { lang });
    const before = state.sources.get(source.slug);
    const made = new Map<string, UnitSource>();
    const units: MemoryUnit[] = [];
    if (loaded?.ok) {
      for (const block of loaded.text.blocks) {
        if (!isGlossable(block.type) || !block.en?.trim()) continue;
        const status: MemoryUnit['status'] = block.status === 'reviewed' ? 'reviewed' : 'draft';
        const old = before?.get(block.id);
        // A paragraph whose source and translation are as they were keeps its unit.
        const unit =
          old && old.text === block.text && old.en === block.en && old.unit.status === status
            ? old.unit
            : { slug: source.slug, id: block.id, zh: plainText(block.text), gloss: plainText(block.en), status };
        made.set(block.id, { text: block.text, en: block.en, unit });
        units.push(unit);
      }
    }
    const chars = units.reduce((sum, u) => sum + u.zh.length + u.gloss.length, 0);
    // Only the paragraphs that changed are indexed again (a save changes one): the text's
    // paragraphs are not taken out first, or every save would index the whole text anew.
    const indexed = state.index.unitsOf(source.slug);
    if (fits(state.index, chars - charsOf(indexed))) {
      setUnits(state.index, source.slug, units, indexed);
      state.sources.set(source.slug, made);
      state.leftOut.delete(source.slug);
    } else {
      state.index.removeText(source.slug);
      state.sources.delete(source.slug);
      state.leftOut.set(source.slug, 'left out of the translation memory: the server has no room for it');
    }
    state.fingerprints.set(source.slug, fingerprint);
    // A novel takes a while: let other requests through between texts.
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const slug of [...state.fingerprints.keys()]) {
    if (seen.has(slug)) continue;
    state.index.removeText(slug);
    state.sources.delete(slug);
    state.fingerprints.delete(slug);
    state.leftOut.delete(slug);
  }
}

async function refreshMemories(state: LanguageMemory, lang: TargetLanguage): Promise<void> {
  const identity = await memoriesIdentity();
  if (identity === state.memories) return;
  for (const key of state.origins.keys()) state.index.removeText(key.slice(0, key.lastIndexOf('/')));
  state.origins.clear();
  for (const name of await listMemoryNames()) {
    const memory = await readMemory(name).catch(() => undefined);
    if (!memory || memory.lang !== lang) continue;
    const slug = memorySlug(name);
    const chars = memory.pairs.reduce((sum, p) => sum + p.zh.length + p.gloss.length, 0);
    if (!fits(state.index, chars)) {
      state.leftOut.set(slug, 'left out of the translation memory: the server has no room for it');
      continue;
    }
    memory.pairs.forEach((pair, i) => {
      const id = String(i + 1);
      state.index.addUnit({ slug, id, zh: pair.zh, gloss: pair.gloss, status: pair.status });
      state.origins.set(`${slug}/${id}`, {
        name,
        ...(pair.by ? { by: pair.by } : {}),
        ...(pair.date ? { date: pair.date } : {}),
      });
    });
  }
  state.memories = identity;
}

/**
 * The memory for a target language, brought up to date with the files (texts and imported
 * memories); concurrent callers share one pass. `currentMemory('en')` → the index with every English gloss.
 */
export async function currentMemory(lang: TargetLanguage): Promise<{
  index: MemoryIndex;
  leftOut: ReadonlyMap<string, string>;
  origin: (slug: string, id: string) => { by?: string; date?: string; name: string } | undefined;
}> {
  const state = stateOf(lang);
  const pass = state.queue.then(async () => {
    await refreshTexts(state, lang);
    await refreshMemories(state, lang);
  });
  state.queue = pass.catch(() => undefined);
  await pass;
  return { index: state.index, leftOut: state.leftOut, origin: (slug, id) => state.origins.get(`${slug}/${id}`) };
}

/** Forgets every language's memory, so the next look-up builds it anew (for the bench and tests). */
export function resetMemory(): void {
  states().clear();
}
