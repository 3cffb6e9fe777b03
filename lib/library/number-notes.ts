import { anchorNote, type AnchoredNote } from '@/lib/annotate/notes';
import type { NoteSource } from '@/lib/annotate/types';
import type { NoteView } from '@/lib/annotate/view';
import { isGlossable, type BlockType } from '@/lib/text/types';

/** What numbering needs of a block: its id, kind, Chinese and gloss. */
export interface NotedBlock {
  id: string;
  type: BlockType;
  text: string;
  en?: string;
}

/**
 * Every note of the text in document order, numbered from 1; notes of removed blocks last,
 * detached. Pure. `numberNotes({ blocks: [{ id: 'a', type: 'paragraph', text: '其实特拉斯' }] }, [{ id: 'n1', block: 'a', quote: '特拉斯', occurrence: 1, body: 'Truss' }])`
 * → notes `[{ id: 'n1', number: 1, detached: false, … }]`.
 */
export function numberNotes(
  text: { blocks: readonly NotedBlock[] },
  noteSources: readonly NoteSource[],
): { notes: NoteView[]; anchored: Map<string, AnchoredNote[]> } {
  const byBlock = new Map<string, NoteSource[]>();
  for (const note of noteSources) byBlock.set(note.block, [...(byBlock.get(note.block) ?? []), note]);
  const notes: NoteView[] = [];
  const anchored = new Map<string, AnchoredNote[]>();
  const live = new Set<string>();
  for (const block of text.blocks) {
    if (!isGlossable(block.type)) continue;
    live.add(block.id);
    const sources = byBlock.get(block.id);
    if (!sources) continue;
    const placed = sources.map((note) => anchorNote(note, block.text, block.en));
    anchored.set(block.id, placed);
    for (const note of [...placed].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity))) {
      notes.push({
        id: note.id,
        number: notes.length + 1,
        block: note.block,
        quote: note.quote,
        body: note.body,
        detached: note.detached,
      });
    }
  }
  for (const note of noteSources.filter((n) => !live.has(n.block))) {
    notes.push({ id: note.id, number: notes.length + 1, block: note.block, quote: note.quote, body: note.body, detached: true });
  }
  return { notes, anchored };
}
