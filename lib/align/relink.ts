/**
 * An editor's change to a block's links, as the links to send with `PUT /api/texts/<slug>/alignment`:
 * the manual links (fixed anchors) in order, and every stretch between them as one automatic link
 * for the server to align again. Pure, for the browser.
 */

/** A link of the block as `GET` shows it (only what a change needs). */
export interface CurrentLink {
  zh: number[];
  gloss: number[];
  manual: boolean;
  /** A manual link one of whose sentences changed since it was made. */
  stale?: boolean;
}

/**
 * A link to send: `manual: false` stretches are aligned again around the manual ones. A stale
 * manual link is sent with `stale: true` and stays stale; `stale: false` confirms it.
 */
export interface SentLink {
  zh: number[];
  gloss: number[];
  manual: boolean;
  stale?: boolean;
}

/**
 * Link these sentences together (manual), let the aligner choose again for them (unlink), or
 * confirm the stale manual links that hold them (the person checked them: they are right still).
 */
export type LinkChange = { kind: 'link' | 'unlink' | 'confirm'; zh: number[]; gloss: number[] };

export type RelinkResult =
  { ok: true; links: SentLink[] } | { ok: false; reason: 'empty' | 'not-consecutive' | 'nothing-to-confirm' };

const consecutive = (indexes: readonly number[]) => indexes.every((v, k) => k === 0 || v === (indexes[k - 1] ?? NaN) + 1);
const overlaps = (a: readonly number[], b: readonly number[]) => a.some((i) => b.includes(i));
const first = (indexes: readonly number[]) => indexes[0] ?? -1;
const samePlace = (a: CurrentLink, b: CurrentLink) =>
  a.zh.join(',') === b.zh.join(',') && a.gloss.join(',') === b.gloss.join(',');

/** Whether two links keep the order on both sides (or share no side to compare). */
function inOrder(a: CurrentLink, b: CurrentLink): boolean {
  const zh = a.zh.length && b.zh.length ? Math.sign(first(a.zh) - first(b.zh)) : 0;
  const gloss = a.gloss.length && b.gloss.length ? Math.sign(first(a.gloss) - first(b.gloss)) : 0;
  return zh === 0 || gloss === 0 || zh === gloss;
}

/** Orders anchors that keep the order with each other: by Chinese where both have some, else by gloss. */
function compare(a: CurrentLink, b: CurrentLink): number {
  if (a.zh.length && b.zh.length) return first(a.zh) - first(b.zh);
  if (a.gloss.length && b.gloss.length) return first(a.gloss) - first(b.gloss);
  return a.zh.length ? -1 : 1;
}

/**
 * The links to send for `change` to a block of `zhCount` and `glossCount` sentences whose links
 * are `links`. Linking makes the chosen sentences one manual link and drops the manual links it
 * overlaps or crosses; unlinking turns the manual links that hold a chosen sentence back into
 * automatic ones; confirming clears the stale mark of the manual links that hold a chosen
 * sentence. Every other stale link is sent as stale, so it stays so.
 * `relink([], 2, 2, { kind: 'link', zh: [0, 1], gloss: [0] })` →
 * `[{ zh: [0, 1], gloss: [0], manual: true }, { zh: [], gloss: [1], manual: false }]`.
 */
export function relink(links: readonly CurrentLink[], zhCount: number, glossCount: number, change: LinkChange): RelinkResult {
  const zh = [...change.zh].sort((a, b) => a - b);
  const gloss = [...change.gloss].sort((a, b) => a - b);
  if (zh.length === 0 && gloss.length === 0) return { ok: false, reason: 'empty' };
  const holdsChosen = (link: CurrentLink) => overlaps(link.zh, zh) || overlaps(link.gloss, gloss);
  let anchors = links.filter((link) => link.manual);
  if (change.kind === 'confirm') {
    if (!anchors.some((link) => link.stale && holdsChosen(link))) return { ok: false, reason: 'nothing-to-confirm' };
    anchors = anchors.map((link) => (link.stale && holdsChosen(link) ? { ...link, stale: false } : link));
  } else {
    if (!consecutive(zh) || !consecutive(gloss)) return { ok: false, reason: 'not-consecutive' };
    const chosen: CurrentLink = { zh, gloss, manual: true };
    // Drawing exactly the sentences of a stale link is confirming it.
    if (anchors.some((link) => link.stale && samePlace(link, chosen))) chosen.stale = false;
    anchors = anchors.filter((link) => !holdsChosen(link) && (change.kind === 'unlink' || inOrder(link, chosen)));
    if (change.kind === 'link') anchors.push(chosen);
  }
  anchors.sort(compare);
  const out: SentLink[] = [];
  const next = { zh: 0, gloss: 0 };
  const gap = (zhTo: number, glossTo: number) => {
    const gapZh = Array.from({ length: Math.max(zhTo - next.zh, 0) }, (_, k) => next.zh + k);
    const gapGloss = Array.from({ length: Math.max(glossTo - next.gloss, 0) }, (_, k) => next.gloss + k);
    if (gapZh.length || gapGloss.length) out.push({ zh: gapZh, gloss: gapGloss, manual: false });
  };
  for (const anchor of anchors) {
    gap(anchor.zh.length ? first(anchor.zh) : next.zh, anchor.gloss.length ? first(anchor.gloss) : next.gloss);
    const stale = anchor.stale === undefined ? {} : { stale: anchor.stale };
    out.push({ zh: [...anchor.zh], gloss: [...anchor.gloss], manual: true, ...stale });
    if (anchor.zh.length) next.zh = (anchor.zh[anchor.zh.length - 1] ?? 0) + 1;
    if (anchor.gloss.length) next.gloss = (anchor.gloss[anchor.gloss.length - 1] ?? 0) + 1;
  }
  gap(zhCount, glossCount);
  return { ok: true, links: out };
}
