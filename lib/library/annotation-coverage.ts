import 'server-only';
import { loadDictionary, lookupWordSync } from '@/lib/annotate/dictionary';
import { coverageOf, type Coverage } from '@/lib/annotate/coverage';
import { scriptOf } from '@/lib/annotate/source-script';
import type { ChineseScript } from '@/lib/annotate/types';
import { annotateBlock } from './annotate-text';

/**
 * The coverage (lib/annotate/coverage.ts) of plain Chinese paragraphs annotated as a text's
 * blocks are, with no word list or glossary: segmented, read and looked up in the dictionary, a
 * traditional text through its simplified form. `script` defaults to the one the paragraphs are
 * written in; passing `'simp'` for a traditional text measures it as it was annotated before.
 * `await paragraphCoverage(['母親說'])` → `{ script: 'trad', hanTokens: 2, withSenses: 2, explained: 2, long: 0 }`.
 */
export async function paragraphCoverage(
  paragraphs: readonly string[],
  script: ChineseScript = scriptOf(paragraphs.join('\n')),
): Promise<Coverage & { script: ChineseScript }> {
  await loadDictionary();
  const tokens = paragraphs.flatMap((paragraph) => {
    const annotation = annotateBlock(paragraph, { words: [], glossary: [], script });
    const read = annotation.simplifiedText ?? paragraph;
    return annotation.tokens
      .filter((token) => token.chinese)
      .map((token) => ({
        text: token.text,
        entry: lookupWordSync(token.text, token.pinyin, script === 'trad' ? read.slice(token.start, token.end) : undefined),
      }));
  });
  return { script, ...coverageOf(tokens) };
}
