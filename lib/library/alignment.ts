import 'server-only';
import {
  alignBlock,
  alignmentRevision,
  blockView,
  checkLinks,
  withLinks,
  type AlignmentEntry,
  type BlockAlignmentView,
  type LinkInput,
} from '@/lib/align/block';
import { realignParagraph, sentenceHash } from '@/lib/align/stored';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { alignmentJournalSize, readAlignments, writeAlignments } from '@/lib/store/alignments';
import type { AlignmentChange } from '@/lib/store/alignment-journal';
import { textLanguages } from '@/lib/store/languages';
import { findSource, listSources } from '@/lib/store/sources';
import { isGlossable } from '@/lib/text/types';
import { readTextFiles } from './text-files';
import { alignmentLock, recordAlignmentChanges } from './alignment-fold';
import { processState } from '@/lib/process-state';

/**
 * When sentence alignments are made and kept: a block is aligned when its alignment is asked for
 * (the reader, the API) or in the background after start and after imports, and aligned again
 * only when its Chinese or its gloss changed since (then only that block, keeping the links of
 * unchanged sentences). Links an editor sends replace a block's links, as fixed anchors.
 * The aligner runs without a lexicon here (lengths, numbers, names, marks): nearly as right on
 * real translations (see docs/alignment.md) and needs no dictionary or segmenter.
 */

/** Other requests get the event loop at least this often while a long text is aligned. */
export const ALIGNMENT_TURN_MS = 20;

export type AlignmentFailure = { ok: false; kind: 'not-found' | 'broken' | 'invalid'; error: string };

export type AlignmentResult = { ok: true; blocks: BlockAlignmentView[] } | AlignmentFailure;

export type SaveLinksResult =
  | { ok: true; block: BlockAlignmentView }
  | AlignmentFailure
  | { ok: false; kind: 'conflict'; error: string; current: BlockAlignmentView };

interface BlockTexts {
  id: string;
  zh: string;
  gloss: string;
  heading: boolean;
}

/** The blocks of a text that have a gloss in `lang`, in order; a failure when the text cannot be read. */
async function glossedBlocks(slug: string, lang: TargetLanguage): Promise<BlockTexts[] | AlignmentFailure> {
  const source = await findSource(slug);
  if (!source) return { ok: false, kind: 'not-found', error: 'No such text' };
  const files = await readTextFiles(source, lang);
  if (!files.ok) return { ok: false, kind: 'broken', error: `${slug} cannot be read, so it cannot be aligned` };
  const blocks: BlockTexts[] = [];
  for (const block of files.ids.blocks) {
    if (!isGlossable(block.type)) continue;
    const gloss = files.current(block.id).gloss;
    if (gloss === undefined || gloss.trim() === '') continue;
    blocks.push({ id: block.id, zh: block.text, gloss, heading: block.type === 'heading' });
  }
  return blocks;
}

/**
 * Brings the stored alignments of `blocks` up to date, yielding the event loop every
 * ALIGNMENT_TURN_MS. The blocks aligned again are appended to the alignment journal (a save: one
 * line); with `whole` (after start, after an import) the file is rewritten instead when anything
 * changed or a journal is waiting, and entries of blocks that no longer exist (or lost their
 * gloss) are dropped. Call under the alignment lock.
 */
async function updateEntries(
  slug: string,
  lang: TargetLanguage,
  blocks: readonly BlockTexts[],
  whole: boolean,
): Promise<{ entries: Map<string, AlignmentEntry>; aligned: number }> {
  const stored = await readAlignments(slug, lang);
  const entries = whole ? new Map<string, AlignmentEntry>() : stored;
  let aligned = 0;
  const changes: AlignmentChange[] = [];
  let turnStarted = performance.now();
  for (const block of blocks) {
    if (performance.now() - turnStarted > ALIGNMENT_TURN_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      turnStarted = performance.now();
    }
    const { entry, action } = alignBlock(stored.get(block.id), block.zh, block.gloss, { heading: block.heading });
    if (action !== 'kept') {
      aligned += 1;
      changes.push([block.id, entry]);
    }
    entries.set(block.id, entry);
  }
  if (!whole) await recordAlignmentChanges(slug, lang, changes);
  else if (aligned > 0 || [...stored.keys()].some((id) => !entries.has(id)) || (await alignmentJournalSize(slug, lang)) > 0)
    await writeAlignments(slug, lang, entries);
  return { entries, aligned };
}

/**
 * The sentence alignment of a text's blocks in `lang` (all of them, or the one `id` names), as
 * `GET /api/texts/<slug>/alignment` gives it; blocks without a gloss have none.
 * `getAlignment({ slug: 'karpathy-no-priors', lang: 'en', id: 'a1b2c3' })` → `{ ok: true, blocks: [{ id, zh, gloss, links }] }`.
 */
export async function getAlignment(input: { slug: string; lang: TargetLanguage; id?: string }): Promise<AlignmentResult> {
  const blocks = await glossedBlocks(input.slug, input.lang);
  if (!Array.isArray(blocks)) return blocks;
  const chosen = input.id === undefined ? blocks : blocks.filter((b) => b.id === input.id);
  const { entries } = await alignmentLock(input.slug, input.lang, () =>
    updateEntries(input.slug, input.lang, chosen, input.id === undefined),
  );
  return {
    ok: true,
    blocks: chosen.flatMap((b) => {
      const entry = entries.get(b.id);
      return entry ? [blockView(b.id, entry)] : [];
    }),
  };
}

/**
 * The stored alignments of some blocks of a text in `lang`, brought up to date (only those
 * blocks), by id: what a reading page shows of its own rows. Blocks without a gloss have none.
 * `getBlockAlignments('karpathy-no-priors', 'en', ['a1b2c3'])` → `Map { 'a1b2c3' => entry }`.
 */
export async function getBlockAlignments(
  slug: string,
  lang: TargetLanguage,
  ids: readonly string[],
): Promise<Map<string, BlockAlignmentView> | AlignmentFailure> {
  const blocks = await glossedBlocks(slug, lang);
  if (!Array.isArray(blocks)) return blocks;
  const wanted = new Set(ids);
  const chosen = blocks.filter((b) => wanted.has(b.id));
  const { entries } = await alignmentLock(slug, lang, () => updateEntries(slug, lang, chosen, false));
  const views = new Map<string, BlockAlignmentView>();
  for (const block of chosen) {
    const entry = entries.get(block.id);
    if (entry) views.set(block.id, blockView(block.id, entry));
  }
  return views;
}

/**
 * The stored alignments of blocks whose texts are unchanged since they were aligned, by id,
 * without waiting for the text's alignment lock (the file is replaced atomically): what a page
 * can show at once while a long text is being aligned. `storedBlockAlignments('karpathy-no-priors',
 * 'en', [{ id: 'a1b2c3', zh: '他来了。', gloss: 'He came.' }])` → `Map { 'a1b2c3' => view }`, or empty.
 */
export async function storedBlockAlignments(
  slug: string,
  lang: TargetLanguage,
  blocks: readonly { id: string; zh: string; gloss: string }[],
): Promise<Map<string, BlockAlignmentView>> {
  const stored = await readAlignments(slug, lang);
  const views = new Map<string, BlockAlignmentView>();
  for (const block of blocks) {
    const entry = stored.get(block.id);
    if (entry && entry.zhHash === sentenceHash(block.zh) && entry.glossHash === sentenceHash(block.gloss))
      views.set(block.id, blockView(block.id, entry));
  }
  return views;
}

/**
 * Aligns one block again after its gloss was saved, in the background (under the text's
 * alignment lock, after any alignment already running); failures go to the server log.
 * `realignBlockInBackground('karpathy-no-priors', 'en', 'a1b2c3')`.
 */
export function realignBlockInBackground(slug: string, lang: TargetLanguage, id: string): void {
  // One pass at a time per text and language: saves made meanwhile are gathered and aligned
  // together by the next pass, so a burst of saves never piles up passes (or memory).
  const key = `${slug}\u0000${lang}`;
  let queued = realigning.get(key);
  if (!queued) realigning.set(key, (queued = new Set()));
  const running = queued.size > 0 || passes.has(key);
  queued.add(id);
  if (running) return;
  passes.add(key);
  void (async () => {
    try {
      for (let ids = [...queued]; ids.length > 0; ids = [...queued]) {
        queued.clear();
        try {
          const result = await getBlockAlignments(slug, lang, ids);
          if (!(result instanceof Map)) console.error(`Could not align ${slug}/${ids.join(',')}: ${result.error}`);
        } catch (error) {
          console.error(`Could not align ${slug}/${ids.join(',')}:`, error);
        }
      }
    } finally {
      passes.delete(key);
      realigning.delete(key);
    }
  })();
}

/** Paragraphs waiting for the next background pass, by text and language; and the passes running. */
const realigning = new Map<string, Set<string>>();
const passes = new Set<string>();

/**
 * Replaces one block's links with an editor's (`manual` unless said otherwise), when the block's
 * alignment is still at `baseRevision`; the sentences are the block's current ones. A link not
 * marked manual is aligned again around the manual ones, which the aligner keeps as anchors.
 */
export async function saveAlignmentLinks(input: {
  slug: string;
  lang: TargetLanguage;
  id: string;
  links: readonly LinkInput[];
  baseRevision: string;
}): Promise<SaveLinksResult> {
  const blocks = await glossedBlocks(input.slug, input.lang);
  if (!Array.isArray(blocks)) return blocks;
  const block = blocks.find((b) => b.id === input.id);
  if (!block) return { ok: false, kind: 'not-found', error: 'No translated paragraph with this id in this text' };
  return alignmentLock(input.slug, input.lang, async (): Promise<SaveLinksResult> => {
    const { entries } = await updateEntries(input.slug, input.lang, [block], false);
    const entry = entries.get(block.id);
    if (!entry) return { ok: false, kind: 'not-found', error: 'No translated paragraph with this id in this text' };
    if (alignmentRevision(entry) !== input.baseRevision)
      return {
        ok: false,
        kind: 'conflict',
        error: 'The alignment of this paragraph changed since it was read (an edit of its text, or another editor): look again',
        current: blockView(block.id, entry),
      };
    const checked = checkLinks(input.links, entry.alignment.zh.length, entry.alignment.en.length);
    if (!checked.ok) return { ok: false, kind: 'invalid', error: `Links refused: ${checked.error}` };
    let next = withLinks(entry, checked.links);
    // Automatic links the editor left are aligned again between the manual ones.
    if (checked.links.some((link) => !link.manual)) {
      const anchored = { ...next.alignment, links: next.alignment.links.filter((link) => link.manual) };
      next = { ...next, alignment: realignParagraph(anchored, block.zh, block.gloss, { heading: block.heading }).alignment };
    }
    await recordAlignmentChanges(input.slug, input.lang, [[block.id, next]]);
    return { ok: true, block: blockView(block.id, next) };
  });
}

interface Jobs {
  chain: Promise<void>;
  queued: Set<string>;
}

function jobs(): Jobs {
  return processState<Jobs>('alignment-jobs', () => ({ chain: Promise.resolve(), queued: new Set() }));
}

/**
 * Aligns a whole text in `lang` in the background, after the texts queued before it (one at a
 * time, yielding the event loop, so pages and saves go on); a text already queued is not queued
 * twice. Resolves with the number of blocks aligned, or the failure. Memory: one text's entries.
 */
export function scheduleAlignment(slug: string, lang: TargetLanguage): Promise<number | AlignmentFailure> {
  const state = jobs();
  const key = `${slug}\0${lang}`;
  const run = async (): Promise<number | AlignmentFailure> => {
    state.queued.delete(key);
    const blocks = await glossedBlocks(slug, lang);
    if (!Array.isArray(blocks)) return blocks;
    const { aligned } = await alignmentLock(slug, lang, () => updateEntries(slug, lang, blocks, true));
    return aligned;
  };
  if (state.queued.has(key)) return state.chain.then(() => 0);
  state.queued.add(key);
  const result = state.chain.then(run, run);
  state.chain = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

/**
 * Aligns a text in each of its languages in the background (after an import, say); failures go
 * to the server log, nothing waits for it. `alignTextInBackground('karpathy-no-priors')`.
 */
export function alignTextInBackground(slug: string): void {
  void textLanguages(slug)
    .then((langs) => Promise.all(langs.map((lang) => scheduleAlignment(slug, lang))))
    .then((results) => {
      for (const result of results) if (typeof result !== 'number') console.error(`Could not align ${slug}: ${result.error}`);
    })
    .catch((error: unknown) => console.error(`Could not align ${slug}:`, error));
}

/** Aligns every text of the library in the background, one at a time (at start). */
export async function alignLibraryInBackground(): Promise<void> {
  const { sources } = await listSources();
  for (const source of sources) alignTextInBackground(source.slug);
}
