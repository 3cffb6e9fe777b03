import 'server-only';
import { loadDictionary, lookupWordSync, readableSense } from '@/lib/annotate/dictionary';
import { segmentWords } from '@/lib/annotate/segment';
import { joinWordGlosses, type MachineProvider, type ProviderFactory } from './machine';

/**
 * The test provider: word-by-word CC-CEDICT glosses (the dictionary the reader already ships), so
 * the machine-suggestion path is exercised end to end without a model. Not a translation, and its
 * label says so. English only.
 */
export const cedictTestProvider: ProviderFactory = (): MachineProvider => ({
  id: 'cedict-test',
  label: 'Word-by-word CC-CEDICT glosses (test provider, not a translation)',
  async translate(zh, lang) {
    if (lang !== 'en') throw new Error(`The CC-CEDICT test provider gives English only, not ${lang}`);
    await loadDictionary();
    return joinWordGlosses(
      segmentWords(zh).map((token) => {
        if (!token.chinese) return { text: token.text };
        const senses = lookupWordSync(token.text)?.senses ?? [];
        const sense = senses.map((s) => readableSense(s)).find((s) => s !== undefined);
        return { text: token.text, ...(sense ? { sense: sense.split(/[;,(]/)[0]!.trim() } : {}) };
      }),
    );
  },
});
