import { createHash } from 'node:crypto';
import type { BlockView, TextView } from '@/lib/library/load';
import { textSections } from './sections';

/** The page of a text a digest is for: a section (0 is the text's own URL) or a paragraph. */
export type DigestedPage = { kind: 'section'; index: number } | { kind: 'paragraph'; id: string };

function blockPart(block: BlockView): string {
  const part = [block.id, block.en ?? null, block.status ?? null, block.staleFrom ?? null];
  // A conflict's mark is shown on the page; without one the digest stays what it was.
  if (block.conflict) part.push(block.conflict.versions.map((v) => v.revision).join(','));
  return JSON.stringify(part);
}

/**
 * What a reading page shows of a text's English, as one hash: the title, the progress counts,
 * the problems noted with the text's files, and the glosses and statuses of the page's own
 * blocks. A page whose digest is unchanged shows the same English, so a save in one section of
 * a book leaves the cached pages of the others in place (when it leaves the counts as they
 * were). The Chinese, the ids and the sections are not in it: the page cache follows those
 * through the files they come from. Undefined for a section or paragraph the text does not have.
 * `pageDigest(text, { kind: 'section', index: 3 })` → `'5c1e…'`.
 */
export function pageDigest(text: TextView, page: DigestedPage): string | undefined {
  let blocks: BlockView[];
  if (page.kind === 'paragraph') {
    const block = text.blocks.find((b) => b.id === page.id);
    if (!block) return undefined;
    blocks = [block];
  } else {
    const sections = textSections(text);
    if (sections.length <= 1 && page.index === 0) blocks = text.blocks;
    else {
      const section = sections[page.index];
      if (!section) return undefined;
      blocks = text.blocks.slice(section.start, section.end);
    }
  }
  const whole = JSON.stringify([
    text.title.en ?? null,
    text.title.status,
    text.progress.glossed,
    text.progress.total,
    text.glossError ?? null,
    text.stateError ?? null,
    text.ledgerOutOfDate,
    text.problems,
  ]);
  const hash = createHash('sha256').update(whole);
  // The title's conflict mark, as a block's: without one the digest stays what it was.
  if (text.title.conflict) hash.update(`\ntitle conflict ${text.title.conflict.versions.map((v) => v.revision).join(',')}`);
  for (const block of blocks) hash.update(`\n${blockPart(block)}`);
  return hash.digest('hex');
}
