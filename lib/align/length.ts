/**
 * Gale and Church's length score (1993), for Chinese against English: the English of a Chinese
 * sentence has about `ratio` letters per Han character, with a variance that grows with length.
 * Latin letters and digits inside the Chinese (names, GPT-4) are copied into the English as they
 * are, so they count one for one.
 */

export interface LengthModel {
  /** English letters and digits per Han character. */
  ratio: number;
  /** Variance of the English length per unit of length. */
  variance: number;
}

/**
 * Fitted on the bundled article's 50 paragraph pairs (whole paragraphs, not the gold links):
 * `fitLengthModel` as run by scripts/bench/align.ts.
 */
export const DEFAULT_LENGTH_MODEL: LengthModel = { ratio: 2.86, variance: 6.0 };

const HAN = /\p{Script=Han}/gu;
const LATIN_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** Han characters and other letters or digits of a Chinese text. `'他用 GPT-4。'` → `{ han: 2, latin: 4 }`. */
export function chineseLength(text: string): { han: number; latin: number } {
  const han = text.match(HAN)?.length ?? 0;
  const letters = text.match(LATIN_OR_DIGIT)?.length ?? 0;
  return { han, latin: letters - han };
}

/** Letters and digits of an English text. `'It is 3.5 m.'` → 6. */
export function englishLength(text: string): number {
  return text.match(LATIN_OR_DIGIT)?.length ?? 0;
}

/** The Chinese length in Han characters' worth of English: Latin letters weigh 1/ratio. */
export function zhUnits(length: { han: number; latin: number }, model: LengthModel): number {
  return length.han + length.latin / model.ratio;
}

/**
 * The ratio and variance that fit pairs of Chinese and English lengths (whole paragraphs):
 * the ratio by least squares through the origin, the variance of the normalised difference.
 * `[{ zh: { han: 10, latin: 0 }, en: 33 }]` → `{ ratio: 3.3, variance: … }`; `[]` → the default.
 */
export function fitLengthModel(pairs: readonly { zh: { han: number; latin: number }; en: number }[]): LengthModel {
  const han = pairs.reduce((sum, pair) => sum + pair.zh.han, 0);
  if (han === 0) return DEFAULT_LENGTH_MODEL;
  const ratio = pairs.reduce((sum, pair) => sum + pair.en - pair.zh.latin, 0) / han;
  let squares = 0;
  for (const pair of pairs) {
    const zh = zhUnits(pair.zh, { ratio, variance: 1 });
    squares += (pair.en - ratio * zh) ** 2 / Math.max((zh + pair.en / ratio) / 2, 1);
  }
  return { ratio, variance: squares / pairs.length };
}

/**
 * −log(2 (1 − Φ(x))) for x ≥ 0, in log space so that far-off lengths keep their order instead of
 * all underflowing to one floor (Abramowitz and Stegun 26.2.17 for the tail).
 */
function twoTailCost(x: number): number {
  const t = 1 / (1 + 0.2316419 * x);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return Math.max((x * x) / 2 + Math.log(Math.sqrt(2 * Math.PI)) - Math.log(2 * poly), 0);
}

/**
 * −log of the probability that lengths this far apart translate each other (0 when they fit
 * the ratio exactly). `lengthCost(10, 33, model)` → about 0; `lengthCost(10, 120, model)` → large.
 */
export function lengthCost(zh: number, en: number, model: LengthModel): number {
  if (zh === 0 && en === 0) return 0;
  const spread = Math.sqrt(model.variance * Math.max((zh + en / model.ratio) / 2, 1));
  return twoTailCost(Math.abs(en - model.ratio * zh) / spread);
}
