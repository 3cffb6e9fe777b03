import { candidateId, hashText } from './hash';
import type { Block, SourceBlock } from './types';

/** One block as the id ledger remembers it. */
export interface LedgerEntry {
  id: string;
  hash: string;
  /** The text the block had when last synced; used to recognise it after an edit. */
  zh: string;
}

/** A block that is no longer in the text. Its id is never given to other text. */
export interface RetiredEntry extends LedgerEntry {
  /** The block this one was merged into, when that is known. */
  mergedInto?: string;
}

/** The persisted record of every id a text has issued: `content/<slug>.ids.json`. */
export interface IdLedger {
  blocks: LedgerEntry[];
  retired: RetiredEntry[];
}

export interface Reconciliation {
  blocks: Block[];
  ledger: IdLedger;
  /** Ids whose block text changed (their glosses are now stale). */
  edited: string[];
  added: string[];
  retired: string[];
  /** Retired ids that came back because their exact text reappeared. */
  revived: string[];
  /** Whether `ledger` differs from the ledger passed in. */
  changed: boolean;
}

export const emptyLedger: IdLedger = { blocks: [], retired: [] };

/** Two blocks count as one edited block when the Dice similarity of their character bigrams reaches this. */
export const EDIT_SIMILARITY = 0.5;
/** A removed block counts as merged into a block holding at least this share of its bigrams. */
export const MERGE_CONTAINMENT = 0.8;

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/\s+/g, '')];
  const counts = new Map<string, number>();
  if (chars.length === 1) counts.set(chars[0] ?? '', 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0);
  return shared;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/** Dice similarity of two texts' character bigrams, 0–1. `('今天天气好', '今天天气很好')` → about 0.67. */
export function similarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  const size = total(ga) + total(gb);
  return size === 0 ? 0 : (2 * overlap(ga, gb)) / size;
}

/** Share of `part`'s bigrams found in `whole`, 0–1. `('天气好', '今天天气好')` → 1. */
export function containment(part: string, whole: string): number {
  const gp = bigrams(part);
  const size = total(gp);
  return size === 0 ? 0 : overlap(gp, bigrams(whole)) / size;
}

interface Candidate {
  oldIndex: number;
  newIndex: number;
  score: number;
  distance: number;
}

/** Takes the best-scoring pairs greedily, each old and new index at most once. */
function takeGreedy(candidates: Candidate[], pairs: Map<number, number>, usedOld: Set<number>): void {
  candidates.sort((a, b) => b.score - a.score || a.distance - b.distance || a.oldIndex - b.oldIndex);
  for (const c of candidates) {
    if (pairs.has(c.newIndex) || usedOld.has(c.oldIndex)) continue;
    pairs.set(c.newIndex, c.oldIndex);
    usedOld.add(c.oldIndex);
  }
}

/**
 * Gives every block of a text its permanent id, using the ledger of ids issued before.
 * - A block whose text is unchanged keeps its id wherever it moves. Among identical blocks
 *   (a passage that appears twice), the one with the same neighbours and nearest position wins.
 * - A block whose text was edited keeps its id when it is still similar to a block that lost
 *   its match (EDIT_SIMILARITY); its gloss then reads as stale.
 * - A new block gets a new id derived from its text, never one issued before.
 * - A block that disappeared is retired, with `mergedInto` when another block now holds its text.
 * `reconcileIds([{ type: 'paragraph', text: '甲', line: 1 }], emptyLedger)` → one block with a new id.
 */
export function reconcileIds(source: SourceBlock[], ledger: IdLedger = emptyLedger): Reconciliation {
  const old = ledger.blocks;
  const hashes = source.map((block) => hashText(block.text));
  const pairs = new Map<number, number>(); // new index → old index
  const usedOld = new Set<number>();
  const relative = (index: number, length: number) => (length <= 1 ? 0 : index / (length - 1));
  const distance = (o: number, n: number) => Math.abs(relative(o, old.length) - relative(n, source.length));

  // 1. Unchanged text: pair equal hashes, preferring equal neighbours, then nearest position.
  const oldByHash = new Map<string, number[]>();
  old.forEach((entry, i) => oldByHash.set(entry.hash, [...(oldByHash.get(entry.hash) ?? []), i]));
  const exact: Candidate[] = [];
  hashes.forEach((hash, n) => {
    for (const o of oldByHash.get(hash) ?? []) {
      const score = Number(old[o - 1]?.hash === hashes[n - 1]) + Number(old[o + 1]?.hash === hashes[n + 1]);
      exact.push({ oldIndex: o, newIndex: n, score, distance: distance(o, n) });
    }
  });
  takeGreedy(exact, pairs, usedOld);

  // 2. Edited text: pair what is left by similarity.
  const similar: Candidate[] = [];
  source.forEach((block, n) => {
    if (pairs.has(n) || !block.text) return;
    old.forEach((entry, o) => {
      if (usedOld.has(o) || !entry.zh) return;
      const score = similarity(entry.zh, block.text);
      if (score >= EDIT_SIMILARITY) similar.push({ oldIndex: o, newIndex: n, score, distance: distance(o, n) });
    });
  });
  takeGreedy(similar, pairs, usedOld);

  // 3. Everything else is new, unless a retired block's exact text came back.
  const retiredPool = [...ledger.retired];
  const issued = new Set([...old.map((e) => e.id), ...ledger.retired.map((e) => e.id)]);
  const edited: string[] = [];
  const added: string[] = [];
  const revived: string[] = [];
  const blocks: Block[] = source.map((block, n) => {
    const hash = hashes[n] ?? hashText(block.text);
    const o = pairs.get(n);
    const match = o === undefined ? undefined : old[o];
    if (match) {
      if (match.hash !== hash) edited.push(match.id);
      return { ...block, id: match.id, hash };
    }
    const back = retiredPool.findIndex((entry) => entry.hash === hash);
    if (back >= 0) {
      const [entry] = retiredPool.splice(back, 1);
      if (entry) {
        revived.push(entry.id);
        return { ...block, id: entry.id, hash };
      }
    }
    let attempt = 0;
    let id = candidateId(block.text, attempt);
    while (issued.has(id)) id = candidateId(block.text, (attempt += 1));
    issued.add(id);
    added.push(id);
    return { ...block, id, hash };
  });

  // 4. Old blocks without a match are retired; find where their text went, if anywhere.
  const newlyRetired: RetiredEntry[] = old
    .filter((_, o) => !usedOld.has(o))
    .map((entry) => {
      let best: { id: string; share: number } | undefined;
      for (const block of blocks) {
        if (!entry.zh || !block.text) continue;
        const share = containment(entry.zh, block.text);
        if (share >= MERGE_CONTAINMENT && (!best || share > best.share)) best = { id: block.id, share };
      }
      return best ? { ...entry, mergedInto: best.id } : { ...entry };
    });

  const next: IdLedger = {
    blocks: blocks.map((b) => ({ id: b.id, hash: b.hash, zh: b.text })),
    retired: [...retiredPool, ...newlyRetired],
  };
  return {
    blocks,
    ledger: next,
    edited,
    added,
    retired: newlyRetired.map((e) => e.id),
    revived,
    changed: JSON.stringify(next) !== JSON.stringify(ledger),
  };
}
