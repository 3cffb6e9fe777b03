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
}

/** A link to send: `manual: false` stretches are aligned again around the manual ones. */
export interface SentLink {
  zh: number[];
  gloss: number[];
  manual: boolean;
}

/** Link these sentences together (manual), or let the aligner choose again for them (unlink). */
export type LinkChange = { kind: 'link' | 'unlink'; zh: number[]; gloss: number[] };

export type RelinkResult = { ok: true; links: SentLink[] } | { ok: false; reason: 'empty' | 'not-consecutive' };

const consecutive = (indexes: readonly number[]) => indexes.every((v, k) => k === 0 || v === (indexes[k - 1] ?? NaN) + 1);
const overlaps = (a: readonly number[], b: readonly number[]) => a.some((i) => b.includes(i));
const first = (indexes: readonly number[]) => indexes[0] ?? -1;

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
 * automatic ones. `relink([], 2, 2, { kind: 'link', zh: [0, 1], gloss: [0] })` →
 * `[{ zh: [0, 1], gloss: [0], manual: true }, { zh: [], gloss: [1], manual: false }]`.
 */
export function relink(links: readonly CurrentLink[], zhCount: number, glossCount: number, change: LinkChange): RelinkResult {
  const zh = [...change.zh].sort((a, b) => a - b);
  const gloss = [...change.gloss].sort((a, b) => a - b);
  if (zh.length === 0 && gloss.length === 0) return { ok: false, reason: 'empty' };
  if (!consecutive(zh) || !consecutive(gloss)) return { ok: false, reason: 'not-consecutive' };
  const chosen: CurrentLink = { zh, gloss, manual: true };
  let anchors = links.filter((link) => link.manual);
  if (change.kind === 'link') {
    anchors = anchors.filter((link) => !overlaps(link.zh, zh) && !overlaps(link.gloss, gloss) && inOrder(link, chosen));
    anchors.push(chosen);
  } else anchors = anchors.filter((link) => !overlaps(link.zh, zh) && !overlaps(link.gloss, gloss));
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
    out.push({ zh: [...anchor.zh], gloss: [...anchor.gloss], manual: true });
    if (anchor.zh.length) next.zh = (anchor.zh[anchor.zh.length - 1] ?? 0) + 1;
    if (anchor.gloss.length) next.gloss = (anchor.gloss[anchor.gloss.length - 1] ?? 0) + 1;
  }
  gap(zhCount, glossCount);
  return { ok: true, links: out };
}
