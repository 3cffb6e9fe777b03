/**
 * The compact lookup's shape, shared by the build, the cache file and the lookup: simplified
 * word → its entries, each entry `[numbered pinyin, traditional, senses]`, and an index of the
 * traditional headwords that differ from their simplified ones (母親 → 母亲, 乾 → 干), so a
 * traditional text finds the entries written its way.
 *
 * In the cache file each word's entries are one string (entries separated by newlines, fields by
 * tabs) rather than nested arrays: that halves JSON.parse time, and entries are split only when
 * looked up.
 */

/** One dictionary entry: numbered pinyin, traditional form (`''` when the same as the simplified one), senses. */
export type CompactEntry = [pinyin: string, traditional: string, senses: string[]];

/**
 * A built lookup: simplified word → its entries encoded by `encodeEntries`, the word count, and
 * traditional headword → its simplified headwords (tab-separated), only where the two differ.
 */
export interface EncodedWords {
  words: Record<string, string>;
  count: number;
  traditional: Record<string, string>;
}

/** The loaded lookup: simplified word → entries, decoded on demand, and the traditional index. */
export class Words {
  constructor(
    private readonly encoded: Readonly<Record<string, unknown>>,
    readonly size: number,
    private readonly traditionalIndex: Readonly<Record<string, unknown>> = {},
  ) {}

  get(word: string): CompactEntry[] | undefined {
    if (!Object.hasOwn(this.encoded, word)) return undefined;
    const value = this.encoded[word];
    return typeof value === 'string' ? decodeEntries(value) : undefined;
  }

  /**
   * The entries whose traditional headword is `word`, from every simplified headword written that
   * way: `getTraditional('乾')` → 乾 qián (乾隆) and 干 gān (dry), not 干 gàn (幹).
   */
  getTraditional(word: string): CompactEntry[] | undefined {
    const value = Object.hasOwn(this.traditionalIndex, word) ? this.traditionalIndex[word] : undefined;
    const heads = [word, ...(typeof value === 'string' ? value.split('\t') : [])];
    const entries = heads.flatMap((head) => (this.get(head) ?? []).filter(([, trad]) => (trad || head) === word));
    return entries.length > 0 ? entries : undefined;
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
