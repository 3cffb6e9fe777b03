/** The kinds of block a source text is split into. */
export const blockTypes = ['heading', 'paragraph', 'list-item', 'break'] as const;
export type BlockType = (typeof blockTypes)[number];

/** A block as the parser finds it, before it has an id. */
export interface SourceBlock {
  type: BlockType;
  /** The block's Chinese text, markers (`- `, `# `) removed; empty for a break. */
  text: string;
  /** 1-based line in the source file where the block starts. */
  line: number;
  /** Heading level (1–6); only on headings. */
  level?: number;
}

/** A block with its permanent id and the hash of its text. */
export interface Block extends SourceBlock {
  id: string;
  hash: string;
}

/** Metadata from YAML front matter; every field is optional. */
export interface TextMeta {
  title?: string;
  date?: string;
  author?: string;
}

/** Something wrong with a source that did not stop it from being read. */
export interface ParseProblem {
  line: number;
  message: string;
}

export interface ParsedText {
  meta: TextMeta;
  blocks: SourceBlock[];
  problems: ParseProblem[];
}

/** A block type that carries text to translate (breaks do not). */
export function isGlossable(type: BlockType): boolean {
  return type !== 'break';
}
