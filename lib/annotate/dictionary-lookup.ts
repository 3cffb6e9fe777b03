import type { Words, CompactEntry } from './dictionary-entries';
import { isCrossReferenceOnly } from './dictionary-senses';
import { pinyinOf } from './pinyin';
import { toneless, toneMarked } from './pinyin-marks';
import type { DictionaryEntry } from './types';

/**
 * Looking a word up in the loaded lookup. An entry has CC-CEDICT's reading that matches the
 * text's (`preferredPinyin`; without it, the word's usual reading), up to 6 senses of that reading
 * followed by other readings' senses prefixed with their reading (`liǎo: to finish`), and the
 * traditional form when it differs. A word CC-CEDICT lacks is put together from its characters.
 */

const MAX_SENSES = 6;
const MAX_PART_SENSES = 3;

const HAN = /\p{Script=Han}/u;

/**
 * The entry of a simplified word in `words`: `lookupIn(words, '了', 'le')` → `{ pinyin: 'le', senses:
 * ['(completed action marker)', …] }`; a word with no Han character gives `undefined`.
 *
 * A word of a traditional text comes with its simplified form (`simplified`, as long as the word):
 * its entries are those CC-CEDICT writes that way (乾 in 乾隆 is qián, never 幹 gàn), else those of
 * its simplified form, else its characters' the same way. `lookupIn(words, '母親', 'mǔ qīn', '母亲')`
 * → `{ pinyin: 'mǔ qīn', senses: ['mother', …] }`, with no `traditional` (the word is written so).
 */
export function lookupIn(words: Words, word: string, preferredPinyin?: string, simplified?: string): DictionaryEntry | undefined {
  if (!HAN.test(word)) return undefined;
  // Without a reading from the text, the word's usual reading stands in for it.
  const preferred = preferredPinyin?.trim() || pinyinOf(simplified ?? word);
  if (simplified !== undefined) {
    const written = words.getTraditional(word);
    if (written) return withoutTraditional(entryOf(word, written, preferred, MAX_SENSES));
    const entries = simplified !== word ? words.get(simplified) : undefined;
    if (entries && entries.length > 0) return withoutTraditional(entryOf(simplified, entries, preferred, MAX_SENSES));
    return entryFromCharacters(words, word, preferred, simplified);
  }
  const entries = words.get(word);
  if (entries && entries.length > 0) return entryOf(word, entries, preferred, MAX_SENSES);
  return entryFromCharacters(words, word, preferred);
}

function withoutTraditional(entry: DictionaryEntry): DictionaryEntry {
  const { traditional: _writtenAsTheText, ...rest } = entry;
  return rest;
}

interface Reading {
  numbered: string;
  marked: string;
  entries: CompactEntry[];
}

/** The readings of a headword, best first: the preferred reading, then common (lowercase) ones. */
function rankReadings(entries: readonly CompactEntry[], preferred: string): Reading[] {
  const byPinyin = new Map<string, Reading>();
  for (const entry of entries) {
    const [numbered] = entry;
    let reading = byPinyin.get(numbered);
    if (!reading) {
      reading = { numbered, marked: toneMarked(numbered), entries: [] };
      byPinyin.set(numbered, reading);
    }
    reading.entries.push(entry);
  }
  const wanted = preferred.normalize('NFC').toLowerCase();
  const wantedToneless = toneless(preferred);
  const score = (reading: Reading): number[] => [
    reading.marked.toLowerCase() === wanted ? 2 : toneless(reading.marked) === wantedToneless ? 1 : 0,
    /^[a-z]/.test(reading.numbered) ? 1 : 0,
    reading.entries.some((entry) => !isCrossReferenceOnly(entry[2])) ? 1 : 0,
  ];
  const readings = [...byPinyin.values()];
  const scores = new Map(readings.map((reading) => [reading, score(reading)]));
  // Array.prototype.sort is stable: equal scores keep CC-CEDICT's order.
  return readings.sort((a, b) => {
    const sa = scores.get(a) ?? [];
    const sb = scores.get(b) ?? [];
    for (let i = 0; i < sa.length; i++) {
      const diff = (sb[i] ?? 0) - (sa[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  });
}

/** A reading's entries, with pure cross-references (`variant of 為|为[wei2]`) dropped when there is more. */
function usefulEntries(reading: Reading): CompactEntry[] {
  const substantive = reading.entries.filter((entry) => !isCrossReferenceOnly(entry[2]));
  return substantive.length > 0 ? substantive : reading.entries;
}

function entryOf(word: string, entries: readonly CompactEntry[], preferred: string, maxSenses: number): DictionaryEntry {
  const [primary, ...others] = rankReadings(entries, preferred);
  if (!primary) return { pinyin: '', senses: [] };
  const primaryEntries = usefulEntries(primary);
  const senses = new Set<string>();
  for (const [, , entrySenses] of primaryEntries) for (const sense of entrySenses) senses.add(sense);
  // Senses of other readings follow, marked with their reading unless it differs only in case
  // (张 zhāng and Zhāng, "surname Zhang").
  for (const reading of others) {
    const sameSound = reading.marked.toLowerCase() === primary.marked.toLowerCase();
    for (const [, , entrySenses] of usefulEntries(reading)) {
      for (const sense of entrySenses) senses.add(sameSound ? sense : `${reading.marked}: ${sense}`);
    }
  }
  const traditional = primaryEntries[0]?.[1] || word;
  return {
    pinyin: primary.marked,
    senses: [...senses].slice(0, maxSenses),
    ...(traditional !== word ? { traditional } : {}),
  };
}

/**
 * A word CC-CEDICT lacks, put together from its characters' entries; with `simplified` (a word of
 * a traditional text) each character is looked up as written, else by its simplified form.
 */
function entryFromCharacters(words: Words, word: string, preferred: string, simplified?: string): DictionaryEntry | undefined {
  const chars = [...word];
  const simplifiedChars = simplified === undefined ? undefined : [...simplified];
  const hanCount = chars.filter((char) => HAN.test(char)).length;
  const syllables = preferred.split(/\s+/).filter(Boolean);
  // A reading that does not line up with the characters is no help in choosing theirs.
  const aligned = syllables.length === hanCount;
  const parts: NonNullable<DictionaryEntry['parts']> = [];
  let traditional = '';
  let found = false;
  let hanIndex = 0;
  for (const [index, char] of chars.entries()) {
    if (!HAN.test(char)) {
      traditional += char;
      continue;
    }
    const syllable = aligned ? syllables[hanIndex] : undefined;
    hanIndex++;
    const simplifiedChar = simplifiedChars?.[index];
    const [head, entries] =
      simplifiedChar === undefined ? [char, words.get(char)] : writtenOrSimplified(words, char, simplifiedChar);
    if (!entries || entries.length === 0) {
      parts.push({ char, pinyin: syllable ?? '', senses: [] });
      traditional += char;
      continue;
    }
    found = true;
    const entry = entryOf(head, entries, syllable ?? pinyinOf(simplifiedChar ?? char), MAX_PART_SENSES);
    parts.push({ char, pinyin: entry.pinyin, senses: entry.senses });
    traditional += entry.traditional ?? char;
  }
  if (!found) return undefined;
  return {
    pinyin: parts
      .map((part) => part.pinyin)
      .filter(Boolean)
      .join(' '),
    senses: [],
    ...(simplified === undefined && traditional !== word ? { traditional } : {}),
    parts,
  };
}

/** A traditional character's entries as CC-CEDICT writes it, else its simplified form's. */
function writtenOrSimplified(words: Words, char: string, simplifiedChar: string): [string, CompactEntry[] | undefined] {
  const written = words.getTraditional(char);
  return written ? [char, written] : [simplifiedChar, words.get(simplifiedChar)];
}
