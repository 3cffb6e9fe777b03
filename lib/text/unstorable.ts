/** A character a text, gloss or title may not hold, and where it is. */
export interface UnstorableCharacter {
  /** `U+FFFF`, or `U+D800` for half of a surrogate pair. */
  codePoint: string;
  what: 'a noncharacter' | 'a lone UTF-16 surrogate';
  /** 1-based line and column (in code points) of its first occurrence. */
  line: number;
  column: number;
}

// Noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF
// among them) and surrogates that are not half of a pair (with the u flag a pair is one code
// point): XML 1.0 cannot carry any of them, so an EPUB or XLIFF holding one fails to parse.
const UNSTORABLE = /[\p{Noncharacter_Code_Point}\p{Cs}]/u;

/**
 * The first character of `text` that cannot be stored and exported, or undefined.
 * `findUnstorable('第一行\n甲\uFFFF')` → `{ codePoint: 'U+FFFF', what: 'a noncharacter', line: 2, column: 2 }`.
 */
export function findUnstorable(text: string): UnstorableCharacter | undefined {
  const match = UNSTORABLE.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  const before = text.slice(0, match.index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {
    codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
    what: code >= 0xd800 && code <= 0xdfff ? 'a lone UTF-16 surrogate' : 'a noncharacter',
    line: before.split('\n').length,
    column: [...text.slice(lineStart, match.index)].length + 1,
  };
}

/** How a message names it: `'U+FFFF (a noncharacter)'`. */
export function describeUnstorable(found: UnstorableCharacter): string {
  return `${found.codePoint} (${found.what})`;
}
