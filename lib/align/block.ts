import {
  alignParagraph,
  realignParagraph,
  sentenceHash,
  type ParagraphOptions,
  type StoredAlignment,
  type StoredLink,
} from './stored';

/**
 * One block's stored alignment as the store keeps it, and what the API shows and accepts of it.
 * Pure: the store reads and writes these entries, lib/library decides when to align.
 */

/** A block's alignment with the hashes of the two whole texts it was made from, so an unchanged block is not split again. */
export interface AlignmentEntry {
  zhHash: string;
  glossHash: string;
  alignment: StoredAlignment;
}

/** What `alignBlock` did: `'kept'` (texts unchanged), `'realigned'` (an edit, stored links reused) or `'aligned'` (new). */
export type AlignAction = 'kept' | 'realigned' | 'aligned';

/**
 * The entry for a block's current texts, from the stored one: the same entry when neither text
 * changed, else realigned keeping the links of unchanged sentences (manual links of changed
 * sentences marked stale). `alignBlock(undefined, '他来了。', 'He came.')` → one 0–0 link, `'aligned'`.
 */
export function alignBlock(
  previous: AlignmentEntry | undefined,
  zhText: string,
  glossText: string,
  options: ParagraphOptions = {},
): { entry: AlignmentEntry; action: AlignAction } {
  const zhHash = sentenceHash(zhText);
  const glossHash = sentenceHash(glossText);
  if (previous && previous.zhHash === zhHash && previous.glossHash === glossHash) return { entry: previous, action: 'kept' };
  if (!previous)
    return { entry: { zhHash, glossHash, alignment: alignParagraph(zhText, glossText, options) }, action: 'aligned' };
  const { alignment } = realignParagraph(previous.alignment, zhText, glossText, options);
  return { entry: { zhHash, glossHash, alignment }, action: 'realigned' };
}

/** The revision of a block's alignment: changes with its sentences and links. `alignmentRevision(entry)` → 8 hex digits. */
export function alignmentRevision(entry: AlignmentEntry): string {
  const { zh, en, links } = entry.alignment;
  return sentenceHash(JSON.stringify([zh.map((s) => s.hash), en.map((s) => s.hash), links]));
}

/** A link as the API shows it: indexes into `zh` and `gloss`. */
export interface LinkView {
  zh: number[];
  gloss: number[];
  manual: boolean;
  confidence: number;
  /** A manual link one of whose sentences changed since it was made. */
  stale?: true;
  /** The aligner was unsure of this link. */
  unsure?: true;
}

/** A block as `GET /api/texts/<slug>/alignment` shows it: sentence offsets (UTF-16) and links. */
export interface BlockAlignmentView {
  id: string;
  revision: string;
  zh: [number, number][];
  gloss: [number, number][];
  links: LinkView[];
}

/** The API's view of a block's entry. `blockView('a1b2c3', entry)` → `{ id: 'a1b2c3', zh: [[0, 4]], gloss: [[0, 8]], links: [...] }`. */
export function blockView(id: string, entry: AlignmentEntry): BlockAlignmentView {
  const { zh, en, links } = entry.alignment;
  return {
    id,
    revision: alignmentRevision(entry),
    zh: zh.map((s) => [s.start, s.end]),
    gloss: en.map((s) => [s.start, s.end]),
    links: links.map((link) => ({
      zh: link.zh,
      gloss: link.en,
      manual: link.manual === true,
      confidence: link.manual ? 1 : (link.confidence ?? 1),
      ...(link.stale ? { stale: true as const } : {}),
      ...(link.unsure ? { unsure: true as const } : {}),
    })),
  };
}

/**
 * A link as an editor sends it: `manual` defaults to true (a person drew it). `stale: false`
 * confirms a manual link marked stale; without it (or with `stale: true`) a manual link sent back
 * where a stale one is stays stale, so sending a block's links again never confirms one by accident.
 */
export interface LinkInput {
  zh: number[];
  gloss: number[];
  manual?: boolean;
  stale?: boolean;
}

/** A link as checked, ready to merge with the stored ones (see withLinks): `stale: false` is a confirmation. */
export interface EditorLink {
  zh: number[];
  en: number[];
  manual?: true;
  stale?: boolean;
}

export type LinksCheck = { ok: true; links: EditorLink[] } | { ok: false; error: string };

function consecutive(indexes: readonly number[]): boolean {
  return indexes.every((value, k) => k === 0 || value === (indexes[k - 1] ?? Number.NaN) + 1);
}

/**
 * Checks the links an editor sends for a block of `zhCount` Chinese and `glossCount` gloss
 * sentences: each link names consecutive sentences of at least one side, in range; together the
 * links cover every sentence of each side exactly once, in order. Gives the links to store, or
 * the reason they cannot be. `checkLinks([{ zh: [0], gloss: [0, 1] }], 1, 2)` → ok, one manual link.
 */
export function checkLinks(links: readonly LinkInput[], zhCount: number, glossCount: number): LinksCheck {
  const next = { zh: 0, gloss: 0 };
  const stored: EditorLink[] = [];
  for (const [n, link] of links.entries()) {
    const where = `link ${n + 1}`;
    if (link.zh.length === 0 && link.gloss.length === 0) return { ok: false, error: `${where} names no sentence` };
    for (const side of ['zh', 'gloss'] as const) {
      const indexes = link[side];
      const count = side === 'zh' ? zhCount : glossCount;
      const name = side === 'zh' ? 'Chinese' : 'translated';
      const outside = indexes.find((i) => !Number.isInteger(i) || i < 0 || i >= count);
      if (outside !== undefined)
        return { ok: false, error: `${where} names ${name} sentence ${outside}, but the block has ${count} (0–${count - 1})` };
      if (!consecutive(indexes)) return { ok: false, error: `${where}: its ${name} sentences must be consecutive and in order` };
      const first = indexes[0];
      if (first !== undefined && first !== next[side])
        return {
          ok: false,
          error:
            first < next[side]
              ? `${where} overlaps an earlier link on ${name} sentence ${first}`
              : `${name} sentence ${next[side]} is in no link (links must cover every sentence, in order)`,
        };
      next[side] += indexes.length;
    }
    const manual = link.manual ?? true;
    const stale = link.stale === undefined ? {} : { stale: link.stale };
    stored.push(
      manual ? { zh: [...link.zh], en: [...link.gloss], manual: true, ...stale } : { zh: [...link.zh], en: [...link.gloss] },
    );
  }
  if (next.zh < zhCount)
    return { ok: false, error: `Chinese sentence ${next.zh} is in no link (links must cover every sentence)` };
  if (next.gloss < glossCount)
    return { ok: false, error: `translated sentence ${next.gloss} is in no link (links must cover every sentence)` };
  return { ok: true, links: stored };
}

/**
 * The entry with an editor's links in place of the stored ones; the sentences stay as they are.
 * A link not marked manual keeps the confidence the aligner gave the same link, if it gave one.
 * A manual link where a stale manual link was (the same sentences) stays stale unless it is sent
 * with `stale: false`, a person's confirmation; no other link is marked stale by what is sent.
 */
export function withLinks(entry: AlignmentEntry, links: readonly EditorLink[]): AlignmentEntry {
  const before = new Map(entry.alignment.links.map((link) => [`${link.zh.join(',')}|${link.en.join(',')}`, link]));
  const merged = links.map((link): StoredLink => {
    const same = before.get(`${link.zh.join(',')}|${link.en.join(',')}`);
    if (link.manual) {
      const stale = link.stale !== false && same?.manual === true && same.stale === true;
      return { zh: link.zh, en: link.en, manual: true, ...(stale ? { stale: true as const } : {}) };
    }
    return same && !same.manual ? same : { zh: link.zh, en: link.en };
  });
  return { ...entry, alignment: { ...entry.alignment, links: merged } };
}

/** One linked stretch of sentences of a block, as text: a translation-memory segment. */
export interface SentencePair {
  /** The link's place in the block, from 1. */
  index: number;
  zh: string;
  gloss: string;
}

/**
 * The sentence pairs of a block: each link with sentences on both sides that is not stale, as the
 * texts it joins (a one-sided link, a dropped or added sentence, pairs with nothing).
 * `sentencePairs('他来了。他走了。', 'He came. He left.', view)` → `[{ index: 1, zh: '他来了。', gloss: 'He came.' }, …]`.
 */
export function sentencePairs(zhText: string, glossText: string, view: BlockAlignmentView): SentencePair[] {
  const slice = (text: string, spans: readonly [number, number][], indexes: readonly number[]) => {
    const first = spans[indexes[0] ?? -1];
    const last = spans[indexes.at(-1) ?? -1];
    return first && last ? text.slice(first[0], last[1]) : '';
  };
  return view.links.flatMap((link, k) => {
    if (link.stale || link.zh.length === 0 || link.gloss.length === 0) return [];
    const zh = slice(zhText, view.zh, link.zh);
    const gloss = slice(glossText, view.gloss, link.gloss);
    return zh && gloss ? [{ index: k + 1, zh, gloss }] : [];
  });
}
