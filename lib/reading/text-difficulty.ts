import 'server-only';
import { createHash } from 'node:crypto';
import { textDifficulty, type Difficulty } from '@/lib/learn/difficulty';
import { readingLevel } from '@/lib/learn/hsk';
import { readHskData } from '@/lib/store/hsk-data';
import { WeightedLru } from '@/lib/weighted-lru';
import { annotateText, annotationsEnabled } from '@/lib/library/annotate-text';
import type { TextView } from '@/lib/library/load';
import { textSections } from './sections';
import { processState } from '@/lib/process-state';

/**
 * How hard a text (or one of its sections) is for readers of each HSK level, from its annotated
 * words. Results are kept by the fingerprint of the Chinese they were measured on, so an edit of
 * the Chinese measures again and an edit of the English does not.
 */

/** A measurement is a few hundred bytes; a thousand of them is nothing. */
const KEPT_BYTES = 1_000 * 400;
interface Store {
  done: WeightedLru<string, Difficulty>;
  running: Map<string, Promise<Difficulty>>;
  /** Background measurements run one at a time, in this chain; `queued` holds their keys. */
  chain: Promise<void>;
  queued: Set<string>;
}

function store(): Store {
  return processState<Store>('text-difficulty', () => ({
    done: new WeightedLru(() => KEPT_BYTES),
    running: new Map(),
    chain: Promise.resolve(),
    queued: new Set(),
  }));
}

/** The fingerprint of the Chinese of some blocks: what a difficulty is computed from. */
function fingerprintOf(text: TextView, blockIds: readonly string[]): string {
  const ids = new Set(blockIds);
  const hash = createHash('sha256').update(text.slug);
  for (const block of text.blocks) if (ids.has(block.id)) hash.update('\0').update(block.text);
  return hash.digest('base64url');
}

/** The block ids measured: a section's, or the whole text's. */
function blocksOf(text: TextView, sectionName?: string): string[][] | undefined {
  const sections = textSections(text);
  const chosen = sectionName === undefined ? sections : sections.filter((s) => s.name === sectionName);
  if (chosen.length === 0) return sectionName === undefined ? [] : undefined;
  return chosen.map((s) => text.blocks.slice(s.start, s.end).map((b) => b.id));
}

async function measure(text: TextView, parts: string[][]): Promise<Difficulty> {
  const hsk = await readHskData();
  const levels: (number | null)[] = [];
  // Section by section, so a novel never holds its whole annotation in memory at once.
  for (const blockIds of parts) {
    const annotation = await annotateText(text, blockIds);
    for (const id of blockIds) {
      const block = annotation.blocks[id];
      if (!block) continue;
      const simplifiedText = annotation.script === 'trad' ? block.simplifiedText : undefined;
      for (const token of block.tokens) {
        if (!token.chinese) continue;
        levels.push(readingLevel(hsk, token.text, simplifiedText?.slice(token.start, token.end)));
      }
    }
  }
  return textDifficulty(levels);
}

/**
 * The difficulty of a text, or of the section named `sectionName`; undefined when no section is
 * so named. Measured once per version of the Chinese; concurrent calls share one measurement.
 */
export async function getTextDifficulty(text: TextView, sectionName?: string): Promise<Difficulty | undefined> {
  const parts = blocksOf(text, sectionName);
  if (!parts) return undefined;
  const key = fingerprintOf(text, parts.flat());
  const { done, running } = store();
  const known = done.get(key);
  if (known) return known;
  let pending = running.get(key);
  if (!pending) {
    pending = measure(text, parts).then((difficulty) => {
      done.set(key, difficulty, 400);
      return difficulty;
    });
    running.set(key, pending);
    void pending.finally(() => running.delete(key)).catch(() => undefined);
  }
  return pending;
}

/**
 * The longest text measured in the background for the library page, in characters of Chinese
 * (the bundled article has 4,235; a novel 600,000 and more). Measuring means annotating the whole
 * text: for a novel, minutes of a core and the annotation cache filled with its blocks, started by
 * anyone who opens the library. Longer texts are measured when asked for
 * (`GET /api/texts/<slug>/difficulty`), and their cards show the figure once it is known.
 */
export const BACKGROUND_MAX_CHARS = 100_000;

/**
 * The whole text's difficulty if it has been measured for this version of its Chinese; otherwise
 * undefined at once, with the measurement started in the background for a text of at most
 * BACKGROUND_MAX_CHARS (the library page never waits for a text to be annotated).
 */
export function peekTextDifficulty(text: TextView): Difficulty | undefined {
  if (!annotationsEnabled()) return undefined;
  if (text.blocks.reduce((sum, block) => sum + block.text.length, 0) > BACKGROUND_MAX_CHARS) {
    return store().done.get(fingerprintOf(text, (blocksOf(text) ?? []).flat()));
  }
  const key = fingerprintOf(text, (blocksOf(text) ?? []).flat());
  const state = store();
  const known = state.done.get(key);
  if (known || state.queued.has(key)) return known;
  state.queued.add(key);
  state.chain = state.chain
    .then(() => getTextDifficulty(text))
    .then(
      () => undefined,
      (error: unknown) => console.error(`The difficulty of ${text.slug} could not be measured:`, error),
    )
    .finally(() => state.queued.delete(key));
  return undefined;
}
