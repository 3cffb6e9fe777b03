import type { BlockAnnotation, TextAnnotation } from '@/lib/library/annotate-text';
import { toTraditional } from '@/lib/annotate/chinese-script';
import { alignedSimplified } from '@/lib/annotate/source-script';
import type { ChineseScript, DictionaryEntry } from '@/lib/annotate/types';
import type { PageLexicon, RowAnnotations } from '@/lib/annotate/view';
import { hskLevels, partsLevel, type HskData } from '@/lib/learn/hsk';

/**
 * What a page ships of a text's annotations: each row's compact annotations and the lexicon of
 * the words, terms and notes on the page, with their forms in the script the text is not written in.
 */

/** The compact form of a block's annotations that a reading row ships (see ZhAnnotations). */
export function rowAnnotations(annotation: BlockAnnotation): RowAnnotations {
  const attached = annotation.notes.filter((n) => !n.detached);
  return {
    zh: {
      words: annotation.tokens.filter((t) => t.chinese).map((t) => [t.start, t.end, t.pinyin ?? '']),
      terms: annotation.terms.map((t) => [t.start, t.end]),
      notes: attached.flatMap((n) => (n.end === undefined ? [] : [[n.end, n.id] as [number, string]])),
      ...(annotation.traditional ? { traditional: annotation.traditional } : {}),
      ...(annotation.simplified ? { simplified: annotation.simplified } : {}),
    },
    en: attached.map((n) => [n.enAt ?? Number.MAX_SAFE_INTEGER, n.id]),
    detached: annotation.notes.filter((n) => n.detached).map((n) => n.id),
  };
}

/** How many senses a popover shows for a word, and for each character of a word not in the dictionary. */
export const POPOVER_SENSES = 4;
export const POPOVER_PART_SENSES = 2;

/** A run of Han characters: a word a sense names (`variant of 前边 (qián bian)`). */
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * An entry cut to what the popover shows. Its traditional form goes into the lexicon's own map
 * (the form the page shows in traditional characters), so it is left out here; the words its senses
 * name (CC-CEDICT's simplified forms) are written in `script`, the text's.
 */
function forPopover(entry: DictionaryEntry, script: ChineseScript): DictionaryEntry {
  const { traditional: _shownFromLexicon, ...rest } = entry;
  const inScript = (sense: string) => (script === 'trad' ? sense.replace(HAN_RUN, (run) => toTraditional(run)) : sense);
  const senses = rest.senses.slice(0, POPOVER_SENSES).map(inScript);
  const parts = rest.parts?.map((part) => ({ ...part, senses: part.senses.slice(0, POPOVER_PART_SENSES).map(inScript) }));
  return { ...rest, senses, ...(parts ? { parts } : {}) };
}

/**
 * The dictionary, glossary and notes a page needs for the given blocks, and nothing more, with the
 * other script's forms of the words and of the other Chinese a popover shows (see PageLexicon),
 * and the HSK levels of its words when the lists are given.
 */
export function lexiconFor(annotation: TextAnnotation, blockIds: readonly string[], hsk?: HskData): PageLexicon {
  const { script } = annotation;
  const words: PageLexicon['words'] = {};
  const terms: PageLexicon['terms'] = {};
  const forms: Record<string, string> = {};
  const levels: Record<string, [number, number]> = {};
  const partLevels: Record<string, number> = {};
  const inPopovers: Record<string, string> = {};
  const toOther = script === 'trad' ? alignedSimplified : toTraditional;
  const shownAlone = (chinese: string) => {
    const form = toOther(chinese);
    if (form !== chinese) inPopovers[chinese] = form;
  };
  const ids = new Set(blockIds);
  for (const id of blockIds) {
    const block = annotation.blocks[id];
    if (!block) continue;
    for (const token of block.tokens) {
      const entry = annotation.dictionary[token.text];
      if (token.chinese && entry && !words[token.text]) words[token.text] = forPopover(entry, script);
      const form = (script === 'trad' ? annotation.simplified : annotation.traditional)[token.text];
      if (token.chinese && form) forms[token.text] = form;
      if (hsk && token.chinese && !levels[token.text] && partLevels[token.text] === undefined) {
        const simplified = script === 'trad' ? form : undefined;
        const found = hskLevels(hsk, token.text, simplified);
        if (found) levels[token.text] = [found['3.0'] ?? 0, found['2.0'] ?? 0];
        const fromParts = found ? null : partsLevel(hsk, simplified ?? token.text);
        if (fromParts !== null) partLevels[token.text] = fromParts;
      }
    }
  }
  for (const entry of Object.values(words)) {
    for (const part of entry.parts ?? []) shownAlone(part.char);
    for (const sense of [...entry.senses, ...(entry.parts ?? []).flatMap((part) => part.senses)]) {
      for (const [run] of sense.matchAll(HAN_RUN)) shownAlone(run);
    }
  }
  for (const id of blockIds) {
    for (const match of annotation.blocks[id]?.terms ?? []) {
      const entry = annotation.glossary[match.term];
      if (!entry) continue;
      terms[match.term] = entry;
      shownAlone(entry.term);
    }
  }
  const notes = Object.fromEntries(annotation.notes.filter((n) => ids.has(n.block)).map((n) => [n.id, n]));
  return {
    words,
    terms,
    notes,
    ...(script === 'trad' ? { script, simplified: forms } : { traditional: forms }),
    ...(Object.keys(inPopovers).length > 0 ? { popoverForms: inPopovers } : {}),
    ...(hsk ? { hsk: levels } : {}),
    ...(Object.keys(partLevels).length > 0 ? { hskParts: partLevels } : {}),
  };
}
