import { isChapterHeading } from './chapter-heading';
import type { BlockType } from './types';

/** What finding a contents entry's chapter needs of a block. */
export interface ContentsBlock {
  id: string;
  type: BlockType;
  text: string;
}

/** Spaces of any width collapsed, so `第一回　說楔子` and `第一回 說楔子` are the same title. */
function titleKey(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

/**
 * For each entry of a book's own table of contents (a list item whose text is that of a chapter
 * heading of the text), the id of that heading: the first one after the entry, else the first
 * before it. `[{ id: 'a', type: 'list-item', text: '第一回 甲' }, { id: 'h', type: 'heading', text: '第一回　甲' }]`
 * → `Map { 'a' => 'h' }`.
 */
export function contentsTargets(blocks: readonly ContentsBlock[]): Map<string, string> {
  const headings = new Map<string, number[]>();
  blocks.forEach((block, index) => {
    if (block.type !== 'heading' || !isChapterHeading(block.text)) return;
    const key = titleKey(block.text);
    headings.set(key, [...(headings.get(key) ?? []), index]);
  });
  const targets = new Map<string, string>();
  blocks.forEach((block, index) => {
    if (block.type !== 'list-item') return;
    const places = headings.get(titleKey(block.text));
    if (!places) return;
    const at = places.find((place) => place > index) ?? places[0]!;
    targets.set(block.id, blocks[at]!.id);
  });
  return targets;
}
