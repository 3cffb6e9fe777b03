import { chineseFeatures, englishFeatures, sharedAnchors, type EnFeatures, type Lexicon, type ZhFeatures } from './features';
import { DEFAULT_LENGTH_MODEL, lengthCost, zhUnits, type LengthModel } from './length';
import type { AlignedLink, SentenceLink } from './types';

/**
 * Sentence alignment inside one paragraph pair: dynamic programming over beads (1-1, 1-2, 2-1,
 * 1-0, 0-1), each scored as −log probability: the bead's prior (Gale and Church's), its
 * length score, minus the anchors it keeps together. Given links (fixed anchors) are kept as
 * they are, and the aligner runs only in the gaps between them.
 */

export interface AlignOptions {
  /** Lexical items of a Chinese sentence (dictionary senses, glossary renderings); none by default. */
  lexicon?: Lexicon;
  /** Links to keep as they are: in order on both sides, not overlapping. */
  anchors?: readonly SentenceLink[];
  lengthModel?: LengthModel;
  /** Links below this confidence are marked unsure (default 0.8). */
  unsureBelow?: number;
}

type Bead = readonly [zh: number, en: number];
// Gale and Church's priors: 1-1 0.89, 1-0 and 0-1 0.0099 together, 2-1 and 1-2 0.089 together. Their
// 2-2 bead (0.011) is left out: a link of two sentences on each side is two 1-1 links far more
// often, and with anchors a 2-2 bead wins on words the two pairs merely share.
const BEADS: readonly { bead: Bead; cost: number }[] = [
  { bead: [1, 1], cost: -Math.log(0.89) },
  { bead: [1, 2], cost: -Math.log(0.0445) },
  { bead: [2, 1], cost: -Math.log(0.0445) },
  { bead: [1, 0], cost: -Math.log(0.00495) },
  { bead: [0, 1], cost: -Math.log(0.00495) },
];
// What an anchor kept inside a bead is worth, in nats, shared among the English sentences that show it.
const ANCHOR_WEIGHT = 2;
const UNSURE_BELOW = 0.8;

/**
 * Aligns the sentences of a paragraph and its translation.
 * `alignSentences(['他来了。', '他走了。'], ['He came.', 'He left.'])` → `[{ zh: [0], en: [0], … }, { zh: [1], en: [1], … }]`;
 * `([], [])` → `[]`.
 */
export function alignSentences(zh: readonly string[], en: readonly string[], options: AlignOptions = {}): AlignedLink[] {
  const model = options.lengthModel ?? DEFAULT_LENGTH_MODEL;
  const zhFeatures = zh.map((text) => chineseFeatures(text, options.lexicon));
  const enFeatures = en.map((text) => englishFeatures(text));
  const unsureBelow = options.unsureBelow ?? UNSURE_BELOW;
  const alignGap = (zhFrom: number, zhTo: number, enFrom: number, enTo: number) =>
    alignRange(zhFeatures, enFeatures, model, { zhFrom, zhTo, enFrom, enTo }, unsureBelow);
  const links: AlignedLink[] = [];
  let zhAt = 0;
  let enAt = 0;
  for (const anchor of usableAnchors(options.anchors ?? [], zh.length, en.length)) {
    const zhStart = anchor.zh[0] ?? zhAt;
    const enStart = anchor.en[0] ?? enAt;
    links.push(...alignGap(zhAt, zhStart, enAt, enStart));
    links.push({ zh: [...anchor.zh], en: [...anchor.en], confidence: 1, manual: true });
    zhAt = zhStart + anchor.zh.length;
    enAt = enStart + anchor.en.length;
  }
  links.push(...alignGap(zhAt, zh.length, enAt, en.length));
  return links;
}

interface Range {
  zhFrom: number;
  zhTo: number;
  enFrom: number;
  enTo: number;
}

// The largest table aligned in one piece (sentences on one side × the other): about 200 × 200.
const MAX_CELLS = 40_000;
// A large stretch is aligned in windows of this many Chinese sentences, each free to end anywhere
// in its English; the links of a window's first half are kept, and the next window starts after them.
const WINDOW = 160;
// English sentences a window takes beyond the number its Chinese length predicts.
const WINDOW_SLACK = 24;

/**
 * Aligns one stretch between fixed links. A stretch too large for one table (a block whose line
 * breaks were lost) is aligned window by window along its length, keeping only the links of each
 * window's first half, where the window's forced end cannot reach: time and memory stay linear.
 */
function alignRange(
  zh: readonly ZhFeatures[],
  en: readonly EnFeatures[],
  model: LengthModel,
  range: Range,
  unsureBelow: number,
): AlignedLink[] {
  const { zhFrom, zhTo, enFrom, enTo } = range;
  if ((zhTo - zhFrom) * (enTo - enFrom) <= MAX_CELLS || zhTo - zhFrom <= WINDOW)
    return alignTable(zh, en, model, range, unsureBelow);
  const links: AlignedLink[] = [];
  let zhAt = zhFrom;
  let enAt = enFrom;
  while (zhTo - zhAt > WINDOW) {
    const zhEnd = zhAt + WINDOW;
    let expected = zh.slice(zhAt, zhEnd).reduce((sum, f) => sum + model.ratio * zhUnits(f, model), 0);
    let enEnd = enAt;
    while (enEnd < enTo && expected > 0) expected -= en[enEnd++]?.letters ?? 0;
    enEnd = Math.min(enEnd + WINDOW_SLACK, enTo);
    const window = alignTable(zh, en, model, { zhFrom: zhAt, zhTo: zhEnd, enFrom: enAt, enTo: enEnd }, unsureBelow, true);
    const keepBefore = zhAt + WINDOW / 2;
    let kept = window.findIndex((link) => (link.zh[0] ?? zhAt) >= keepBefore);
    if (kept <= 0) kept = Math.max(1, window.length - 1);
    for (const link of window.slice(0, kept)) {
      links.push(link);
      zhAt = Math.max(zhAt, (link.zh.at(-1) ?? zhAt - 1) + 1);
      enAt = Math.max(enAt, (link.en.at(-1) ?? enAt - 1) + 1);
    }
  }
  links.push(...alignTable(zh, en, model, { zhFrom: zhAt, zhTo, enFrom: enAt, enTo }, unsureBelow));
  return links;
}

/** Aligns one stretch in one table: indexes and scores relative to it, links shifted back. */
function alignTable(
  zh: readonly ZhFeatures[],
  en: readonly EnFeatures[],
  model: LengthModel,
  range: Range,
  unsureBelow: number,
  openEnd = false,
): AlignedLink[] {
  const { zhFrom, zhTo, enFrom, enTo } = range;
  const scorer = new BeadScorer(zh.slice(zhFrom, zhTo), en.slice(enFrom, enTo), model);
  return alignGap(scorer, zhTo - zhFrom, enTo - enFrom, unsureBelow, openEnd).map((link) => ({
    ...link,
    zh: link.zh.map((i) => i + zhFrom),
    en: link.en.map((j) => j + enFrom),
  }));
}

/**
 * The anchors that can be kept: consecutive indexes inside the paragraph, in order on both
 * sides, not overlapping the one before; an anchor that breaks the order is left out.
 */
export function usableAnchors(anchors: readonly SentenceLink[], zhCount: number, enCount: number): SentenceLink[] {
  const consecutive = (indexes: readonly number[], count: number) =>
    indexes.every(
      (index, at) => Number.isInteger(index) && index >= 0 && index < count && (at === 0 || index === (indexes[at - 1] ?? 0) + 1),
    );
  const sorted = anchors
    .filter((a) => (a.zh.length > 0 || a.en.length > 0) && consecutive(a.zh, zhCount) && consecutive(a.en, enCount))
    .sort((a, b) => (a.zh[0] ?? a.en[0] ?? 0) - (b.zh[0] ?? b.en[0] ?? 0));
  const kept: SentenceLink[] = [];
  let zhNext = 0;
  let enNext = 0;
  for (const anchor of sorted) {
    if ((anchor.zh[0] ?? zhNext) < zhNext || (anchor.en[0] ?? enNext) < enNext) continue;
    // A link with one side empty needs a place on that side: the gap's end must not move back.
    kept.push(anchor);
    zhNext = (anchor.zh.at(-1) ?? zhNext - 1) + 1;
    enNext = (anchor.en.at(-1) ?? enNext - 1) + 1;
  }
  return kept;
}

/** Scores beads over one stretch of the paragraph; an anchor counts less when several English sentences of it show it. */
class BeadScorer {
  private readonly shared: string[][][];
  private readonly spread = new Map<string, number>();

  constructor(
    private readonly zh: readonly ZhFeatures[],
    private readonly en: readonly EnFeatures[],
    private readonly model: LengthModel,
  ) {
    this.shared = zh.map((z) => en.map((e) => sharedAnchors(z, e)));
    // How many English sentences show each anchor of each Chinese sentence.
    for (const [i, row] of this.shared.entries()) {
      const counts = new Map<string, number>();
      for (const anchors of row) for (const anchor of new Set(anchors)) counts.set(anchor, (counts.get(anchor) ?? 0) + 1);
      for (const [anchor, count] of counts) this.spread.set(`${i}\u0000${anchor}`, count);
    }
  }

  cost(zhFrom: number, zhCount: number, enFrom: number, enCount: number, prior: number): number {
    let zhLength = 0;
    for (let i = zhFrom; i < zhFrom + zhCount; i += 1) zhLength += zhUnits(this.zh[i] ?? { han: 0, latin: 0 }, this.model);
    let enLength = 0;
    for (let j = enFrom; j < enFrom + enCount; j += 1) enLength += this.en[j]?.letters ?? 0;
    let gain = 0;
    for (let i = zhFrom; i < zhFrom + zhCount; i += 1) {
      const found = new Set<string>();
      for (let j = enFrom; j < enFrom + enCount; j += 1) for (const anchor of this.shared[i]?.[j] ?? []) found.add(anchor);
      for (const anchor of found) gain += ANCHOR_WEIGHT / (this.spread.get(`${i}\u0000${anchor}`) ?? 1);
    }
    // A sentence left untranslated has no English to compare its length with: only its prior counts.
    const length = zhCount === 0 || enCount === 0 ? 0 : lengthCost(zhLength, enLength, this.model);
    return prior + length - gain;
  }
}

/** The best alignment of all the scorer's sentences, with each link's confidence (indexes from 0). */
function alignGap(scorer: BeadScorer, n: number, m: number, unsureBelow: number, openEnd = false): AlignedLink[] {
  if (n <= 0 && m <= 0) return [];
  const width = m + 1;
  const cell = (i: number, j: number) => i * width + j;
  const costs = BEADS.map(({ bead: [di, dj], cost: prior }) => {
    const table = new Float64Array((n + 1) * width).fill(Infinity);
    for (let i = 0; i + di <= n; i += 1) {
      for (let j = 0; j + dj <= m; j += 1) table[cell(i, j)] = scorer.cost(i, di, j, dj, prior);
    }
    return table;
  });
  const forward = new Float64Array((n + 1) * width).fill(Infinity);
  const backward = new Float64Array((n + 1) * width).fill(Infinity);
  const choice = new Int8Array((n + 1) * width).fill(-1);
  forward[0] = 0;
  for (let i = 0; i <= n; i += 1) {
    for (let j = 0; j <= m; j += 1) {
      const from = forward[cell(i, j)] ?? Infinity;
      if (from === Infinity) continue;
      BEADS.forEach(({ bead: [di, dj] }, b) => {
        if (i + di > n || j + dj > m) return;
        const total = from + (costs[b]?.[cell(i, j)] ?? Infinity);
        if (total < (forward[cell(i + di, j + dj)] ?? Infinity)) {
          forward[cell(i + di, j + dj)] = total;
          choice[cell(i + di, j + dj)] = b;
        }
      });
    }
  }
  // With an open end (a window of a long stretch) the alignment may stop anywhere in the English.
  for (let j = openEnd ? 0 : m; j <= m; j += 1) backward[cell(n, j)] = 0;
  let end = m;
  if (openEnd)
    for (let j = 0; j <= m; j += 1) if ((forward[cell(n, j)] ?? Infinity) < (forward[cell(n, end)] ?? Infinity)) end = j;
  for (let i = n; i >= 0; i -= 1) {
    for (let j = m; j >= 0; j -= 1) {
      BEADS.forEach(({ bead: [di, dj] }, b) => {
        if (i + di > n || j + dj > m) return;
        const total = (costs[b]?.[cell(i, j)] ?? Infinity) + (backward[cell(i + di, j + dj)] ?? Infinity);
        if (total < (backward[cell(i, j)] ?? Infinity)) backward[cell(i, j)] = total;
      });
    }
  }
  const path: { i: number; j: number; b: number }[] = [];
  for (let i = n, j = end; i > 0 || j > 0;) {
    const b = choice[cell(i, j)] ?? -1;
    const bead = BEADS[b]?.bead;
    if (!bead) break;
    i -= bead[0];
    j -= bead[1];
    path.unshift({ i, j, b });
  }
  const alternatives = bestAlternatives(costs, forward, backward, n, m);
  const best = forward[cell(n, end)] ?? 0;
  return path.map(({ i, j, b }) => {
    const [di, dj] = BEADS[b]?.bead ?? [0, 0];
    const own = beadId(b, i, j, width);
    let alternative = Infinity;
    for (let k = i; k < i + di; k += 1) alternative = Math.min(alternative, alternatives.zh[k]?.excluding(own) ?? Infinity);
    for (let k = j; k < j + dj; k += 1) alternative = Math.min(alternative, alternatives.en[k]?.excluding(own) ?? Infinity);
    const margin = alternative - best;
    const confidence = margin === Infinity ? 1 : 1 / (1 + Math.exp(-margin));
    const link: AlignedLink = {
      zh: range(i, di),
      en: range(j, dj),
      confidence: Math.round(confidence * 1000) / 1000,
    };
    if (confidence < unsureBelow) link.unsure = true;
    return link;
  });
}

/** For each sentence, the two best complete alignments through beads that cover it, with the beads' ids. */
class TwoBest {
  private firstTotal = Infinity;
  private firstId = -1;
  private second = Infinity;

  offer(total: number, id: number): void {
    if (total < this.firstTotal) {
      this.second = this.firstTotal;
      this.firstTotal = total;
      this.firstId = id;
    } else if (total < this.second) {
      this.second = total;
    }
  }

  excluding(id: number): number {
    return this.firstId === id ? this.second : this.firstTotal;
  }
}

/** A bead's number: its kind and its starting cell. */
function beadId(kind: number, i: number, j: number, width: number): number {
  return (i * width + j) * BEADS.length + kind;
}

function bestAlternatives(costs: readonly Float64Array[], forward: Float64Array, backward: Float64Array, n: number, m: number) {
  const zh = Array.from({ length: n }, () => new TwoBest());
  const en = Array.from({ length: m }, () => new TwoBest());
  const width = m + 1;
  for (let i = 0; i <= n; i += 1) {
    for (let j = 0; j <= m; j += 1) {
      BEADS.forEach(({ bead: [di, dj] }, b) => {
        if (i + di > n || j + dj > m) return;
        const total =
          (forward[i * width + j] ?? Infinity) +
          (costs[b]?.[i * width + j] ?? Infinity) +
          (backward[(i + di) * width + j + dj] ?? Infinity);
        if (total === Infinity) return;
        const id = beadId(b, i, j, width);
        for (let k = i; k < i + di; k += 1) zh[k]?.offer(total, id);
        for (let k = j; k < j + dj; k += 1) en[k]?.offer(total, id);
      });
    }
  }
  return { zh, en };
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => from + k);
}
