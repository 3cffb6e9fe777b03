// `npm run -s generate:long -- [--paragraphs N] [--slug S] [--glossed 0.8]`: writes a long Chinese
// text made of the bundled article's sentences into the data folder (BILINGUAL_DATA_DIR, else
// this checkout), records its ids as `npm run sync` does, and writes English glosses for most
// paragraphs. For tests and `npm run bench`; never commit its output.
import { chineseSentences, englishSentences, generateLongText, longTextGlossFile } from '@/lib/testing/long-text';
import { syncText } from '@/lib/library/sync';
import { GLOSS_LANGUAGE, textKeyOrder, loadText } from '@/lib/library/load';
import { readGlosses, writeGlossFiles } from '@/lib/store/glosses';
import { writeTextFile } from '@/lib/store/json';
import { contentDir } from '@/lib/store/paths';
import { findSource, readSourceText } from '@/lib/store/sources';

const ARTICLE = 'karpathy-no-priors';

function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
}

async function main() {
  const paragraphs = Number(option('paragraphs', '10000'));
  const slug = option('slug', 'long-text');
  const glossed = Number(option('glossed', '0.8'));
  if (!Number.isInteger(paragraphs) || paragraphs < 1) throw new Error('--paragraphs must be a positive whole number');
  const article = await findSource(ARTICLE);
  if (!article) throw new Error(`the bundled article content/${ARTICLE}.txt is needed to build from`);
  const english = await readGlosses(ARTICLE, GLOSS_LANGUAGE);
  const long = generateLongText({
    paragraphs,
    zh: chineseSentences(await readSourceText(article)),
    en: englishSentences(Object.values(english)),
    glossed,
  });
  await writeTextFile(`${contentDir()}/${slug}.md`, long.source);
  const source = await findSource(slug);
  if (!source) throw new Error(`content/${slug}.md was not found after writing it`);
  await syncText(source);

  const loaded = await loadText(slug);
  if (!loaded?.ok) throw new Error(`${slug} did not load after writing it`);
  const text = loaded.text;
  const glosses = longTextGlossFile(long, text.blocks);
  await writeGlossFiles(slug, GLOSS_LANGUAGE, textKeyOrder(text), glosses, {});
  console.log(
    `${slug}: ${text.blocks.length} blocks, ${long.headings.length} chapters, ${long.chars} characters, ${long.glosses.size} glossed`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
