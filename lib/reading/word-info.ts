import 'server-only';
import { lookupWord } from '@/lib/annotate/dictionary';
import { alignedSimplified } from '@/lib/annotate/source-script';
import { hskLevels, type HskLevels } from '@/lib/learn/hsk';
import { readHskData } from '@/lib/store/hsk-data';

/** What the reader knows of a word on its own: reading, senses and HSK levels. */
export interface WordInfo {
  word: string;
  pinyin: string;
  senses: string[];
  hsk: HskLevels;
}

/**
 * A word as the dictionary has it, with its HSK levels; undefined when the dictionary lacks the
 * word itself (a word made up of characters it knows is not enough). A traditional word is looked
 * up through its simplified form. `await getWordInfo('银行')` → `{ word: '银行', pinyin: 'yín háng',
 * senses: ['bank', …], hsk: { '3.0': 2, '2.0': 3 } }`.
 */
export async function getWordInfo(word: string): Promise<WordInfo | undefined> {
  const simplified = alignedSimplified(word);
  const form = simplified !== word ? simplified : undefined;
  const [entry, hsk] = await Promise.all([lookupWord(word, undefined, form), readHskData()]);
  if (!entry || entry.parts || entry.senses.length === 0) return undefined;
  return { word, pinyin: entry.pinyin, senses: entry.senses, hsk: hskLevels(hsk, word, form) ?? { '3.0': null, '2.0': null } };
}
