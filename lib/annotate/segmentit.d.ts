// segmentit 2.0.3 ships no types. Declared here: only what lib/annotate/segmenter.ts uses.
declare module 'segmentit' {
  /** A dictionary entry: part-of-speech bit mask and frequency score. */
  export interface DictEntry {
    p: number;
    f: number;
  }

  export class Segment {
    /**
     * Loads `word|part of speech|frequency` lines into a table: 'TABLE' by default ('WILDCARD' feeds the
     * wildcard tokenizer, whose keys must be lower case, hence `convertToLower`).
     */
    loadDict(dict: string | string[], type?: string, convertToLower?: boolean): Segment;
    /** `TABLE`: word → entry; `TABLE2`: word length → word → entry. */
    getDict(type: 'TABLE'): Record<string, DictEntry> | undefined;
    getDict(type: 'TABLE2'): Record<number, Record<string, DictEntry>> | undefined;
    /** The words of a text, whitespace dropped. */
    doSegment(text: string, options: { simple: true }): string[];
  }

  /** Registers the default tokenizers and optimizers and loads the bundled dictionaries. */
  export function useDefault(segment: Segment): Segment;
}
