import { toneMarked } from './pinyin-marks';

/**
 * CC-CEDICT's senses made readable: classifiers (`CL:…`) removed and cross-references rewritten
 * for readers: `variant of 前邊|前边[qian2 bian5]` → `variant of 前边 (qián bian)` (simplified form
 * only, tone marks), `Taiwan pr. [zhang4]` → `Taiwan pr. zhàng`.
 */

/** `[qian2 bian5]`, `[B xing2 chao1 sheng1]`, `[Ma3 ke4 · Tu3 wen1]`; not `[ue-á-tshài]` (Tai-lo). */
const NUMBERED_PINYIN = /^(?:[A-Za-z:^]+[1-5]?|·|,)(?: (?:[A-Za-z:^]+[1-5]?|·|,))*$/;

/** An optional `traditional|` and a word written right before `[pinyin]`. */
const CROSS_REFERENCE = /(?:([^\s[\]|()（）,;:，；：“”"]+)\|)?([^\s[\]|()（）,;:，；：“”"]*)\[([^\]]*)\]/g;

/**
 * A CC-CEDICT sense made readable: `see 了[le5]` → `see 了 (le)`, `erhua variant of
 * 前邊|前边[qian2 bian5]` → `erhua variant of 前边 (qián bian)`; classifiers removed
 * (`knife (CL:把[ba3])` → `knife`; a sense that is only `CL:…` gives `undefined`).
 */
export function readableSense(sense: string): string | undefined {
  const withoutClassifiers = sense.replace(/\s*\(CL:[^()]*\)/g, '').trim();
  if (withoutClassifiers === '' || /^CL:/.test(withoutClassifiers)) return undefined;
  return withoutClassifiers.replace(
    CROSS_REFERENCE,
    (match, traditional: string | undefined, simplified: string, inside: string) => {
      if (!NUMBERED_PINYIN.test(inside) || !/[1-5]/.test(inside)) return match;
      const marked = toneMarked(inside);
      const written = simplified || traditional;
      return written ? `${written} (${marked})` : marked;
    },
  );
}

const CROSS_REFERENCE_ONLY =
  /^(?:(?:old|ancient|archaic|erhua|unofficial|euphemistic|erroneous|japanese|korean|taiwan|non-standard|nonstandard|literary|traditional)\s+)*(?:variant|form) of\b|^(?:see|see also|same as|used in|also written)\b/i;

/** True when every sense only points elsewhere: `['variant of 為|为[wei2]']` → true, `['to do']` → false. */
export function isCrossReferenceOnly(senses: readonly string[]): boolean {
  return senses.length > 0 && senses.every((sense) => CROSS_REFERENCE_ONLY.test(sense));
}
