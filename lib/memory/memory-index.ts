import { glossWords } from './gloss-words';
import { characterBigrams } from './similarity';

/** One translated paragraph as the memory holds it. */
export interface MemoryUnit {
  /** A text's slug, or `tmx:<name>` for an imported memory. */
  slug: string;
  /** The paragraph's id (or the unit's number in an imported memory). */
  id: string;
  zh: string;
  gloss: string;
  status: 'draft' | 'reviewed';
}

/**
 * What the translation memory needs from its store: add a paragraph, remove a text, and find the
 * paragraphs that share character bigrams with a query. The in-memory implementation below is
 * the only one today; it moves into the database together with the search index.
 */
export interface MemoryIndex {
  /** Puts a paragraph in (replacing the one with the same slug and id). */
  addUnit(unit: MemoryUnit): void;
  /** Takes one paragraph out. */
  removeUnit(slug: string, id: string): void;
  /** Takes every paragraph of a text (or an imported memory) out. */
  removeText(slug: string): void;
  /** The paragraphs of a text, by id. */
  unitsOf(slug: string): ReadonlyMap<string, MemoryUnit>;
  /**
   * The paragraphs sharing at least `minShared` of these bigrams (of the rarest MAX_BIGRAMS_COUNTED
   * that some paragraph has, when there are more), with how many they share, most shared first,
   * at most `limit`; `counted` is how many of the bigrams were looked at, those no paragraph has
   * included (every paragraph lacks them).
   */
  candidates(
    bigrams: readonly string[],
    minShared: number,
    limit: number,
  ): { counted: number; found: { unit: MemoryUnit; shared: number }[] };
  /**
   * The paragraphs whose translation holds, for each entry, at least one of its words (see
   * glossWords: lower-cased runs of letters and digits), in the order they were added.
   */
  unitsWithWords(words: readonly (readonly string[])[]): MemoryUnit[];
  /** Every paragraph (for concordance's scan of a single character). */
  units(): Iterable<MemoryUnit>;
  /** How many paragraphs, and how many characters of Chinese and gloss, it holds. */
  size(): { units: number; chars: number };
}

/** How many of a query's bigrams (its rarest) are counted when looking for candidates. */
export const MAX_BIGRAMS_COUNTED = 48;

/**
 * The memory in this process: paragraphs in an array, and for every character bigram the list of
 * the paragraphs that have it (removed paragraphs leave holes, compacted when they pile up).
 * `addUnit({ slug: 'a', id: 'b1', zh: '特斯拉', gloss: 'Tesla', status: 'draft' })` then
 * `candidates(['特斯'], 1, 5)` → that paragraph, sharing 1.
 */
export class InMemoryMemoryIndex implements MemoryIndex {
  private slots: (MemoryUnit | undefined)[] = [];
  private postings = new Map<string, number[]>();
  /** For every word of the translations, the paragraphs that have it (slots, ascending). */
  private words = new Map<string, number[]>();
  private marks = new Uint32Array(0);
  private mark = 0;
  private readonly bySlug = new Map<string, Map<string, number>>();
  private holes = 0;
  private chars = 0;
  private counts = new Uint16Array(0);

  addUnit(unit: MemoryUnit): void {
    this.removeUnit(unit.slug, unit.id);
    const slot = this.slots.length;
    this.slots.push(unit);
    let ids = this.bySlug.get(unit.slug);
    if (!ids) this.bySlug.set(unit.slug, (ids = new Map()));
    ids.set(unit.id, slot);
    this.chars += unit.zh.length + unit.gloss.length;
    for (const bigram of characterBigrams(unit.zh)) {
      const list = this.postings.get(bigram);
      if (list) list.push(slot);
      else this.postings.set(bigram, [slot]);
    }
    for (const word of glossWords(unit.gloss)) {
      const list = this.words.get(word);
      if (list) list.push(slot);
      else this.words.set(word, [slot]);
    }
  }

  removeUnit(slug: string, id: string): void {
    const ids = this.bySlug.get(slug);
    const slot = ids?.get(id);
    if (slot === undefined || !ids) return;
    const unit = this.slots[slot];
    if (unit) this.chars -= unit.zh.length + unit.gloss.length;
    this.slots[slot] = undefined;
    ids.delete(id);
    if (ids.size === 0) this.bySlug.delete(slug);
    this.holes += 1;
    if (this.holes > 1_000 && this.holes > this.slots.length / 2) this.compact();
  }

  removeText(slug: string): void {
    for (const id of [...(this.bySlug.get(slug)?.keys() ?? [])]) this.removeUnit(slug, id);
  }

  unitsOf(slug: string): ReadonlyMap<string, MemoryUnit> {
    const out = new Map<string, MemoryUnit>();
    for (const [id, slot] of this.bySlug.get(slug) ?? []) {
      const unit = this.slots[slot];
      if (unit) out.set(id, unit);
    }
    return out;
  }

  candidates(
    bigrams: readonly string[],
    minShared: number,
    limit: number,
  ): { counted: number; found: { unit: MemoryUnit; shared: number }[] } {
    if (this.counts.length < this.slots.length) this.counts = new Uint16Array(Math.max(1024, this.slots.length * 2));
    const counts = this.counts;
    const touched: number[] = [];
    const distinct = [...new Set(bigrams)];
    // The rarest bigrams only: a near match shares most of them, and the commonest (的一, 我们) would
    // make every look-up read a large part of the library. Those no paragraph has cost nothing.
    const held = distinct
      .map((bigram) => this.postings.get(bigram))
      .filter((list): list is number[] => list !== undefined && list.length > 0);
    const lists = held.sort((a, b) => a.length - b.length).slice(0, MAX_BIGRAMS_COUNTED);
    const counted = distinct.length - held.length + lists.length;
    const usable = Math.min(minShared, counted);
    for (const list of lists) {
      for (const slot of list) {
        if (counts[slot] === 0) touched.push(slot);
        if (counts[slot]! < 65_535) counts[slot]! += 1;
      }
    }
    const found: { unit: MemoryUnit; shared: number }[] = [];
    for (const slot of touched) {
      const shared = counts[slot]!;
      counts[slot] = 0;
      const unit = this.slots[slot];
      if (unit && shared >= usable) found.push({ unit, shared });
    }
    found.sort((a, b) => b.shared - a.shared);
    return { counted, found: found.slice(0, limit) };
  }

  unitsWithWords(words: readonly (readonly string[])[]): MemoryUnit[] {
    // The rarest word first: every later one only narrows what it found.
    const lists = words
      .map((forms) => [...new Set(forms)].map((form) => this.words.get(form) ?? []))
      .map((postings) => ({ postings, size: postings.reduce((sum, list) => sum + list.length, 0) }))
      .sort((a, b) => a.size - b.size);
    const [first, ...rest] = lists;
    if (!first) return [];
    if (this.marks.length < this.slots.length) this.marks = new Uint32Array(Math.max(1024, this.slots.length * 2));
    let slots = this.markedSlots(first.postings);
    for (const { postings } of rest) {
      if (slots.length === 0) break;
      const mark = this.nextMark();
      for (const list of postings) for (const slot of list) this.marks[slot] = mark;
      slots = slots.filter((slot) => this.marks[slot] === mark);
    }
    const found: MemoryUnit[] = [];
    for (const slot of slots) {
      const unit = this.slots[slot];
      if (unit) found.push(unit);
    }
    return found;
  }

  *units(): Iterable<MemoryUnit> {
    for (const unit of this.slots) if (unit) yield unit;
  }

  size(): { units: number; chars: number } {
    return { units: this.slots.length - this.holes, chars: this.chars };
  }

  /** The slots of these lists, each once, ascending. */
  private markedSlots(lists: readonly number[][]): number[] {
    if (lists.length === 1) return lists[0]!;
    const mark = this.nextMark();
    const slots: number[] = [];
    for (const list of lists)
      for (const slot of list) {
        if (this.marks[slot] === mark) continue;
        this.marks[slot] = mark;
        slots.push(slot);
      }
    return slots.sort((a, b) => a - b);
  }

  private nextMark(): number {
    if (this.mark === 0xffff_ffff) {
      this.marks.fill(0);
      this.mark = 0;
    }
    return ++this.mark;
  }

  /** Rebuilds the arrays without the holes removals left. */
  private compact(): void {
    const live = this.slots.filter((unit): unit is MemoryUnit => unit !== undefined);
    this.slots = [];
    this.postings = new Map();
    this.words = new Map();
    this.bySlug.clear();
    this.holes = 0;
    this.chars = 0;
    for (const unit of live) this.addUnit(unit);
  }
}
