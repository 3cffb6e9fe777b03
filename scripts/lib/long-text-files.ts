// A generated long text (lib/testing/long-text.ts) in the data folder, built from the bundled
// article's sentences, for `npm run generate:long` and the benches.
import { chineseSentences, englishSentences, longTextGlossFile, type LongText } from '@/lib/testing/long-text';
import { syncText } from '@/lib/library/sync';
import { GLOSS_LANGUAGE, loadText, textKeyOrder, type TextView } from '@/lib/library/load';
import { readGlosses, writeGlossFiles } from '@/lib/store/glosses';
import { writeTextFile } from '@/lib/store/json';
import { contentDir } from '@/lib/store/paths';
import { findSource, readSourceText } from '@/lib/store/sources';

export const ARTICLE = 'karpathy-no-priors';

/** The bundled article's Chinese sentences and the sentences of its English glosses, for generateLongText. */
export async function articleSentences(): Promise<{ zh: string[]; en: string[] }> {
  const article = await findSource(ARTICLE);
  if (!article) throw new Error(`the bundled article content/${ARTICLE}.txt is needed to build from`);
  const english = await readGlosses(ARTICLE, GLOSS_LANGUAGE);
  return { zh: chineseSentences(await readSourceText(article)), en: englishSentences(Object.values(english)) };
}

/**
 * Writes `long` as content/<slug>.md, records its ids as `npm run sync` does, and writes its
 * English as the gloss file (none when it has no English). Returns the text as loaded.
 */
export async function writeLongText(slug: string, long: LongText): Promise<TextView> {
  await writeTextFile(`${contentDir()}/${slug}.md`, long.source);
  const source = await findSource(slug);
  if (!source) throw new Error(`content/${slug}.md was not found after writing it`);
  await syncText(source);
  const loaded = await loadText(slug);
  if (!loaded?.ok) throw new Error(`${slug} did not load after writing it`);
  if (long.glosses.size > 0) {
    await writeGlossFiles(slug, GLOSS_LANGUAGE, textKeyOrder(loaded.text), longTextGlossFile(long, loaded.text.blocks), {});
  }
  return loaded.text;
}
