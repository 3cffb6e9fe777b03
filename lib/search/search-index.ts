import {
  engineTokens,
  glossToken,
  indexBlock,
  syllablePair,
  type IndexedBlock,
  type ReadingsOf,
  type SearchableBlock,
} from './document';
import type { SearchEngine } from './engine';
import { commonReadings, hitOf, type SearchHit } from './hits';
import { holdsWholePhrase, PHRASE_BONUS, scopeLanguages, termOccurs, termStems, type SearchScope } from './match';
import { splitSyllables, splitTones, tonedSyllable } from './pinyin-match';
import type { QueryTerm, SearchField } from './query';

export interface SearchPage {
  /** How many blocks match in all. */
  total: number;
  results: SearchHit[];
  /** The cursor of the next page; `null` on the last. */
  next: string | null;
}

export interface SearchOptions {
  /** Only this text. */
  text?: string;
  /** Only blocks with one of these statuses. */
  statuses?: readonly string[];
  /** Only this field (Chinese, the glosses or pinyin). */
  field?: SearchField;
  /** The target languages whose glosses are searched (English alone when absent). */
  langs?: readonly string[];
  limit: number;
  /** How many results to skip (the decoded cursor). */
  offset: number;
}

interface Candidate {
  /** How much the kind of match counts (EXACT_WEIGHT, PINYIN_WEIGHT). */
  weight: number;
  /** The engine's own score, at most 1: it orders matches of one kind. */
  relevance: number;
  exact: boolean;
}

/** How much a match counts by kind; the engine's own score orders matches of one kind. */
const EXACT_WEIGHT = 3;
const PINYIN_WEIGHT = 1;

export interface TextTitle {
  zh: string;
  en?: string;
}

/** What changed in the index when a text was set. */
export interface IndexChange {
  added: number;
  updated: number;
  removed: number;
  kept: number;
}

/**
 * The search index of a library: blocks by text, kept in a SearchEngine for finding candidates
 * and matched exactly here. Texts are set and removed one at a time, and only the blocks whose
 * Chinese or English changed are indexed again.
 */
/** What one block counts for, besides its characters, between the turns setTextGradually gives the event loop. */
const BLOCK_CHARS = 40;

export class SearchIndex {
  private readonly texts = new Map<string, Map<string, IndexedBlock>>();
  private readonly titles = new Map<string, TextTitle>();
  private readonly byKey = new Map<number, IndexedBlock>();
  /** Every syllable seen, for splitting pinyin written without spaces. */
  private readonly syllables = new Set<string>();
  private nextKey = 1;

  constructor(
    private readonly engine: SearchEngine,
    private readonly readingsOf: ReadingsOf,
  ) {}

  /** How many blocks are indexed. */
  get size(): number {
    return this.byKey.size;
  }

  /** The slugs of the indexed texts. */
  slugs(): string[] {
    return [...this.texts.keys()].sort();
  }

  title(slug: string): TextTitle | undefined {
    return this.titles.get(slug);
  }

  /**
   * Puts a text's blocks in the index, replacing what it held for that text.
   * `setText('a', { zh: '标题' }, [{ id: 'b1', type: 'paragraph', zh: '蒸馏', en: 'Distilling' }])` → `{ added: 1, … }`.
   */
  setText(slug: string, title: TextTitle, blocks: readonly SearchableBlock[]): IndexChange {
    const steps = this.settingText(slug, title, blocks);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * As setText, but gives the event loop a turn every `everyChars` characters indexed (a novel's
   * paragraphs run to thousands of characters: counting blocks, a server indexing one stalled
   * pages for seconds), so that it keeps answering other requests. The library's searches wait
   * for the pass (library-search.ts), so none sees the text half indexed.
   */
  async setTextGradually(
    slug: string,
    title: TextTitle,
    blocks: readonly SearchableBlock[],
    everyChars = 20_000,
  ): Promise<IndexChange> {
    const steps = this.settingText(slug, title, blocks, everyChars);
    let step = steps.next();
    while (!step.done) {
      await new Promise((resolve) => setImmediate(resolve));
      step = steps.next();
    }
    return step.value;
  }

  /**
   * The work of setText, pausing after about every `everyChars` characters prepared, and again as
   * many added to the engine. Each block counts BLOCK_CHARS more, so a text of one-character lines
   * pauses too (20,000 such blocks went by in one 1.8 s turn).
   */
  private *settingText(
    slug: string,
    title: TextTitle,
    blocks: readonly SearchableBlock[],
    everyChars = Infinity,
  ): Generator<void, IndexChange> {
    let since = 0;
    const paused = (indexed: IndexedBlock) => {
      since += BLOCK_CHARS + blockCharacters(indexed.block);
      if (since < everyChars) return false;
      since = 0;
      return true;
    };
    const before = this.texts.get(slug) ?? new Map<string, IndexedBlock>();
    const after = new Map<string, IndexedBlock>();
    const change: IndexChange = { added: 0, updated: 0, removed: 0, kept: 0 };
    const prepared: { indexed: IndexedBlock; old?: IndexedBlock }[] = [];
    let order = -1;
    for (const block of blocks) {
      order += 1;
      if (!block.zh.trim() || after.has(block.id)) continue;
      const old = before.get(block.id);
      if (old && old.block.zh === block.zh && (old.block.en ?? '') === (block.en ?? '') && sameGlosses(old.block, block)) {
        after.set(block.id, { ...old, block, order });
        change.kept += 1;
        continue;
      }
      const indexed = indexBlock({ key: this.nextKey++, slug, order, block }, this.readingsOf, old);
      prepared.push({ indexed, ...(old ? { old } : {}) });
      after.set(block.id, indexed);
      if (paused(indexed)) yield;
    }
    // Folding and pinyin are done; then the engine takes the tokens, in turns as well.
    for (const { indexed, old } of prepared) {
      if (paused(indexed)) yield;
      if (old) {
        this.engine.remove(old.key);
        this.byKey.delete(old.key);
        change.updated += 1;
      } else change.added += 1;
      this.engine.add({ key: indexed.key, ...engineTokens(indexed) });
      for (const syllable of indexed.syllables.syllables) this.syllables.add(syllable);
    }
    for (const indexed of after.values()) this.byKey.set(indexed.key, indexed);
    for (const [id, old] of before) {
      if (after.has(id)) continue;
      this.engine.remove(old.key);
      this.byKey.delete(old.key);
      change.removed += 1;
    }
    this.texts.set(slug, after);
    this.titles.set(slug, title);
    return change;
  }

  /** How many blocks of a text are in the index (0 when it is not in). */
  blockCount(slug: string): number {
    return this.texts.get(slug)?.size ?? 0;
  }

  /** How many characters of Chinese and English a text has in the index (0 when it is not in). */
  characters(slug: string): number {
    let sum = 0;
    for (const indexed of this.texts.get(slug)?.values() ?? []) sum += blockCharacters(indexed.block);
    return sum;
  }

  /** How many characters of Chinese and English the whole index holds. */
  totalCharacters(): number {
    let sum = 0;
    for (const slug of this.texts.keys()) sum += this.characters(slug);
    return sum;
  }

  /** Takes a text out of the index. */
  removeText(slug: string): void {
    for (const old of this.texts.get(slug)?.values() ?? []) {
      this.engine.remove(old.key);
      this.byKey.delete(old.key);
    }
    this.texts.delete(slug);
    this.titles.delete(slug);
  }

  /**
   * The blocks that may hold a term, from an engine look-up per way the term can match, each
   * with its weight (a character or word match counts more than a pinyin reading of a Latin
   * term) and whether the look-up alone proves the match (a single token, no tones to check).
   */
  private candidates(term: QueryTerm, scope: SearchScope): Map<number, Candidate> {
    const { field } = scope;
    const found = new Map<number, Candidate>();
    const add = (keys: Map<number, number>, weight: number, exact: boolean) => {
      for (const [key, score] of keys) {
        const seen = found.get(key);
        if (!seen) found.set(key, { weight, relevance: score, exact });
        else {
          if (weight > seen.weight || (weight === seen.weight && score > seen.relevance)) {
            seen.weight = weight;
            seen.relevance = score;
          }
          seen.exact ||= exact;
        }
      }
    };
    // Each target language's gloss: one word found by the engine is a match.
    if (!field || field === 'en') {
      for (const lang of scopeLanguages(scope)) {
        const stems = termStems(term, lang);
        if (stems.length > 0)
          add(
            this.engine.match(
              'en',
              stems.map((stem) => glossToken(lang, stem)),
            ),
            EXACT_WEIGHT,
            stems.length === 1,
          );
      }
    }
    if (term.han !== undefined) {
      const tokens = [...term.chars, ...term.words];
      if (!field || field === 'zh')
        add(this.engine.match('zh', tokens), EXACT_WEIGHT, tokens.length === 1 && term.han === term.chars[0]);
      return found;
    }
    const oneWord = term.words.length === 1;
    if (!field || field === 'zh') add(this.engine.match('zh', term.words), EXACT_WEIGHT, oneWord);
    if (term.pinyin && (!field || field === 'pinyin')) {
      for (const split of splitSyllables(term.pinyin, this.syllables)) {
        // Adjacent pairs, and each syllable's tone where one is asked: selective look-ups. One
        // syllable, or two without tones, are proven by the look-up itself.
        const tones = splitTones(term.pinyin, split);
        const pairs = split.slice(1).map((syllable, i) => syllablePair(split[i] ?? '', syllable));
        const toned = split.flatMap((syllable, i) => {
          const tone = tones[i];
          return tone === undefined ? [] : [tonedSyllable(syllable, tone)];
        });
        const tokens = [...(split.length === 1 && toned.length === 0 ? split : pairs), ...toned];
        const exact = split.length === 1 || (split.length === 2 && toned.length === 0);
        add(this.engine.match('py', tokens), PINYIN_WEIGHT, exact);
      }
    }
    return found;
  }

  private passes(indexed: IndexedBlock, options: SearchOptions): boolean {
    if (options.text && indexed.slug !== options.text) return false;
    if (options.statuses?.length && !options.statuses.includes(indexed.block.status ?? '')) return false;
    return true;
  }

  /**
   * The blocks that match every term, best first, one page of them. With no terms, every block
   * that passes the filters, in document order (an editor's work queue).
   */
  search(terms: readonly QueryTerm[], options: SearchOptions): SearchPage {
    const ranked: { indexed: IndexedBlock; score: number; relevance: number }[] = [];
    if (terms.length === 0) {
      for (const slug of this.slugs()) {
        for (const indexed of this.texts.get(slug)?.values() ?? []) {
          if (this.passes(indexed, options)) ranked.push({ indexed, score: 0, relevance: 0 });
        }
      }
    } else {
      // Start from the rarest term's candidates; a block must hold every term, checked exactly
      // unless the engine's look-up already proves it.
      const sets = terms
        .map((term) => ({ term, found: this.candidates(term, options) }))
        .sort((a, b) => a.found.size - b.found.size);
      for (const key of sets[0]?.found.keys() ?? []) {
        const indexed = this.byKey.get(key);
        if (!indexed || !this.passes(indexed, options)) continue;
        let score = 0;
        let relevance = 0;
        let holds = true;
        for (const { term, found } of sets) {
          const candidate = found.get(key);
          if (!candidate || (!candidate.exact && !termOccurs(indexed, term, options))) {
            holds = false;
            break;
          }
          score += candidate.weight;
          relevance += candidate.relevance;
        }
        if (!holds) continue;
        if (terms.length > 1 && holdsWholePhrase(indexed, terms, options)) score += PHRASE_BONUS;
        ranked.push({ indexed, score, relevance });
      }
    }
    const common = commonReadings(ranked, terms, options);
    ranked.sort(
      (a, b) =>
        b.score - a.score ||
        (common.get(b.indexed) ?? 0) - (common.get(a.indexed) ?? 0) ||
        b.relevance - a.relevance ||
        (a.indexed.slug < b.indexed.slug ? -1 : a.indexed.slug > b.indexed.slug ? 1 : 0) ||
        a.indexed.order - b.indexed.order,
    );
    const page = ranked.slice(options.offset, options.offset + options.limit);
    const end = options.offset + page.length;
    return {
      total: ranked.length,
      results: page.map(({ indexed }) => hitOf(indexed, terms, options)),
      next: end < ranked.length ? String(end) : null,
    };
  }
}

/** The characters of a block's Chinese and of its glosses in every language. */
export function blockCharacters(block: SearchableBlock): number {
  let sum = block.zh.length + (block.en?.length ?? 0);
  for (const gloss of Object.values(block.glosses ?? {})) sum += gloss.length;
  return sum;
}

/** Whether two versions of a block have the same glosses in the languages other than English. */
function sameGlosses(a: SearchableBlock, b: SearchableBlock): boolean {
  const left = a.glosses ?? {};
  const right = b.glosses ?? {};
  const langs = Object.keys(left);
  return langs.length === Object.keys(right).length && langs.every((lang) => left[lang] === right[lang]);
}
