/**
 * The compact lookup's shape, shared by the build, the cache file and the lookup: simplified
 * word → its entries, each entry `[numbered pinyin, traditional, senses]`.
 *
 * In the cache file each word's entries are one string (entries separated by newlines, fields by
 * tabs) rather than nested arrays: that halves JSON.parse time, and entries are split only when
 * looked up.
 */

/** One dictionary entry: numbered pinyin, traditional form (`''` when the same as the simplified one), senses. */
export type CompactEntry = [pinyin: string, traditional: string, senses: string[]];

/** A built lookup: simplified word → its entries encoded by `encodeEntries`, and the word count. */
export interface EncodedWords {
  words: Record<string, string>;
  count: number;
}

/** The loaded lookup: simplified word → entries, decoded on demand. */
export class Words {
  constructor(
    private readonly encoded: Readonly<Record<string, unknown>>,
    readonly size: number,
  ) {}

  get(word: string): CompactEntry[] | undefined {
    if (!Object.hasOwn(this.encoded, word)) return undefined;
    const value = this.encoded[word];
    return typeof value === 'string' ? decodeEntries(value) : undefined;
  }
}

export function encodeEntries(entries: readonly CompactEntry[]): string {
  return entries.map(([pinyin, traditional, senses]) => [pinyin, traditional, ...senses].join('\t')).join('\n');
}

function decodeEntries(value: string): CompactEntry[] {
  return value.split('\n').map((line) => {
    const [pinyin = '', traditional = '', ...senses] = line.split('\t');
    return [pinyin, traditional, senses];
  });
}
