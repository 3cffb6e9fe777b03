/**
 * When a text's changes are committed: batching decisions, pure. Each text with changes not yet
 * committed has a pending batch (the authors in order, the first and last change); it is due after
 * a quiet spell, or once the first change has waited long enough, or at once when asked.
 */
export interface PendingBatch {
  slug: string;
  authors: string[];
  first: number;
  last: number;
}

export type PendingBatches = ReadonlyMap<string, PendingBatch>;

/**
 * The batches after a change by `author` to `slug` at `now`.
 * `noteChange(new Map(), 'hong-lou', 'ann', 5)` → `{ 'hong-lou' → { authors: ['ann'], first: 5, last: 5 } }`.
 */
export function noteChange(pending: PendingBatches, slug: string, author: string, now: number): Map<string, PendingBatch> {
  const next = new Map(pending);
  const batch = pending.get(slug);
  next.set(
    slug,
    batch
      ? { ...batch, authors: batch.authors.includes(author) ? batch.authors : [...batch.authors, author], last: now }
      : { slug, authors: [author], first: now, last: now },
  );
  return next;
}

/** The batches to commit at `now`: quiet for `quietMs`, or waiting `atMostMs` since their first change. */
export function dueBatches(pending: PendingBatches, now: number, quietMs: number, atMostMs: number): PendingBatch[] {
  return [...pending.values()].filter((b) => now - b.last >= quietMs || now - b.first >= atMostMs);
}

/** Milliseconds until the next batch falls due; undefined when none is pending. */
export function nextDueIn(pending: PendingBatches, now: number, quietMs: number, atMostMs: number): number | undefined {
  let soonest: number | undefined;
  for (const b of pending.values()) {
    const due = Math.min(b.last + quietMs, b.first + atMostMs) - now;
    soonest = soonest === undefined ? due : Math.min(soonest, due);
  }
  return soonest === undefined ? undefined : Math.max(0, soonest);
}

/**
 * The commit message and author of a batch: the first author is the commit's author, the others
 * are named as co-authors, since one text's file holds every author's change at once.
 * `commitMessage({ slug: 'a', authors: ['ann', 'bo'] })` → `{ author: 'ann', message: 'a: 2 authors…' }`.
 */
export function commitMessage(batch: Pick<PendingBatch, 'slug' | 'authors'>): { author: string; message: string } {
  const author = batch.authors[0] ?? 'bilingual-reader';
  const others = batch.authors.slice(1);
  const subject = `${batch.slug}: changes by ${batch.authors.join(', ') || author}`;
  const trailers = others.map((name) => `Co-authored-by: ${name} <${emailOf(name)}>`);
  return { author, message: trailers.length ? `${subject}\n\n${trailers.join('\n')}\n` : `${subject}\n` };
}

/** The address git records for an editor: names are not addresses, so a local one is made up. `emailOf('Ann Lee')` → `'ann-lee@bilingual-reader.invalid'`. */
export function emailOf(name: string): string {
  const local =
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'editor';
  return `${local}@bilingual-reader.invalid`;
}
