import chardet from 'chardet';

/** One guess at the encoding of some bytes: a name as the decoder knows it, and a 0–100 confidence. */
export interface CharsetGuess {
  encoding: string;
  confidence: number;
}

/**
 * The chardet adapter: its guesses for some bytes, best first, names lower-cased.
 * GB18030 bytes of 近日，播客节目 No Priors 发布了… → `[{ encoding: 'gb18030', confidence: 100 }, …]`.
 */
export function guessCharsets(bytes: Uint8Array): CharsetGuess[] {
  return chardet.analyse(bytes).map((match) => ({ encoding: match.name.toLowerCase(), confidence: match.confidence }));
}
