import { candidateId, hashText } from './hash';
import { containment, gramContainment, grams, gramSimilarity, similarity, type Grams } from './similarity';
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

export { containment, similarity };

/**
 * Up to this many pairs, every edited block is compared with every block that lost its match;
 * past it, only with those that could be alike (see candidateFinder): a book edited all over
 * (re-encoded, its punctuation changed) must not take minutes.
 */
export const ALL_PAIRS = 250_000;

/** Past this many pairs of one repeated text, its occurrences are paired by rank, within REPEAT_WINDOW. */
const REPEATS_COMPARED = 256;
const REPEAT_WINDOW = 4;

/**
 * Finds, among many blocks, the few that could be like a given one: those sharing its rarest
 * bigrams (at most RARE_GRAMS of them, each shared by at most RARE_LIMIT blocks; two of them
 * when there are four or more). A block alike enough to be the same one edited shares most of
 * its bigrams, the rare ones among them, so the search misses little and never compares every
 * pair; what it misses gets a new id, never another block's.
 */
const RARE_GRAMS = 8;
const RARE_LIMIT = 64;

function candidateFinder(indices: readonly number[], gramsOf: (i: number) => Grams): (query: Grams) => number[] {
  const postings = new Map<string, number[]>();
  for (const i of indices) {
    for (const gram of gramsOf(i).counts.keys()) {
      const list = postings.get(gram);
      if (list) list.push(i);
      else postings.set(gram, [i]);
    }
  }
  return (query) => {
    const lists = [...query.counts.keys()]
      .map((gram) => postings.get(gram))
      .filter((list): list is number[] => list !== undefined)
      .sort((x, y) => x.length - y.length);
    const rare = lists.filter((list) => list.length <= RARE_LIMIT).slice(0, RARE_GRAMS);
    // A block made only of common bigrams: its two rarest, however common.
    const chosen = rare.length > 0 ? rare : lists.slice(0, 2);
    // With several rare bigrams, a block alike enough shares more than one of them.
    const needed = chosen.length >= 4 ? 2 : 1;
    const hits = new Map<number, number>();
    for (const list of chosen) for (const i of list) hits.set(i, (hits.get(i) ?? 0) + 1);
    return [...hits].flatMap(([i, count]) => (count >= needed ? [i] : []));
  };
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
  old.forEach((entry, i) => {
    const list = oldByHash.get(entry.hash);
    if (list) list.push(i);
    else oldByHash.set(entry.hash, [i]);
  });
  // A text repeated many times (a refrain, a separator line) is paired by its occurrences in
  // order, each with the few old ones around the same rank, not every one with every one.
  const rank = new Map<string, number>();
  const newCount = new Map<string, number>();
  for (const hash of hashes) newCount.set(hash, (newCount.get(hash) ?? 0) + 1);
  const exact: Candidate[] = [];
  hashes.forEach((hash, n) => {
    const olds = oldByHash.get(hash) ?? [];
    const j = rank.get(hash) ?? 0;
    rank.set(hash, j + 1);
    const many = olds.length * (newCount.get(hash) ?? 0) > REPEATS_COMPARED;
    for (const o of many ? olds.slice(Math.max(0, j - REPEAT_WINDOW), j + REPEAT_WINDOW + 1) : olds) {
      const score = Number(old[o - 1]?.hash === hashes[n - 1]) + Number(old[o + 1]?.hash === hashes[n + 1]);
      exact.push({ oldIndex: o, newIndex: n, score, distance: distance(o, n) });
    }
  });
  takeGreedy(exact, pairs, usedOld);

  // 2. Edited text: pair what is left by similarity; every pair, or (many left on both sides)
  // each with the blocks sharing its rare bigrams.
  const newGrams = new Map<number, Grams>();
  const gramsOfNew = (n: number) => {
    let found = newGrams.get(n);
    if (!found) newGrams.set(n, (found = grams(source[n]?.text ?? '')));
    return found;
  };
  const oldGrams = new Map<number, Grams>();
  const gramsOfOld = (o: number) => {
    let found = oldGrams.get(o);
    if (!found) oldGrams.set(o, (found = grams(old[o]?.zh ?? '')));
    return found;
  };
  const freeNew = source.flatMap((block, n) => (pairs.has(n) || !block.text ? [] : [n]));
  const freeOld = old.flatMap((entry, o) => (usedOld.has(o) || !entry.zh ? [] : [o]));
  const everyPair = freeNew.length * freeOld.length <= ALL_PAIRS;
  const findOld = everyPair ? () => freeOld : candidateFinder(freeOld, gramsOfOld);
  const similar: Candidate[] = [];
  for (const n of freeNew) {
    for (const o of findOld(gramsOfNew(n))) {
      const [a, b] = [gramsOfOld(o), gramsOfNew(n)];
      // Dice cannot reach EDIT_SIMILARITY (0.5) when one has over three times the other's bigrams.
      if (a.total > 3 * b.total || b.total > 3 * a.total) continue;
      const score = gramSimilarity(a, b);
      if (score >= EDIT_SIMILARITY) similar.push({ oldIndex: o, newIndex: n, score, distance: distance(o, n) });
    }
  }
  takeGreedy(similar, pairs, usedOld);

  // 3. Everything else is new, unless a retired block's exact text came back.
  const retiredPool = [...ledger.retired];
  const issued = new Set([...old.map((e) => e.id), ...ledger.retired.map((e) => e.id)]);
  const attempts = new Map<string, number>();
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
    // A text given ids before (a repeated line) goes on from its last attempt, not from the first.
    let attempt = attempts.get(block.text) ?? 0;
    let id = candidateId(block.text, attempt);
    while (issued.has(id)) id = candidateId(block.text, (attempt += 1));
    attempts.set(block.text, attempt + 1);
    issued.add(id);
    added.push(id);
    return { ...block, id, hash };
  });

  // 4. Old blocks without a match are retired; find where their text went, if anywhere: in any
  // block, or (many of both) in those sharing its rare bigrams.
  const gone = old.flatMap((entry, o) => (usedOld.has(o) ? [] : [o]));
  const withText = blocks.flatMap((block, n) => (block.text ? [n] : []));
  const findNew = gone.length * withText.length <= ALL_PAIRS ? () => withText : candidateFinder(withText, gramsOfNew);
  const newlyRetired: RetiredEntry[] = gone.map((o) => {
    const entry = old[o] as LedgerEntry;
    let best: { id: string; share: number } | undefined;
    if (entry.zh) {
      for (const n of findNew(gramsOfOld(o))) {
        const block = blocks[n];
        if (!block) continue;
        const share = gramContainment(gramsOfOld(o), gramsOfNew(n));
        if (share >= MERGE_CONTAINMENT && (!best || share > best.share)) best = { id: block.id, share };
      }
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
