// `npm run -s generate:long -- [--paragraphs N] [--slug S] [--glossed 0.8]`: writes a long Chinese
// text made of the bundled article's sentences into the data folder (BILINGUAL_DATA_DIR, else
// this checkout), records its ids as `npm run sync` does, and writes English glosses for most
// paragraphs. For tests and `npm run bench`; never commit its output.
import { generateLongText } from '@/lib/testing/long-text';
import { articleSentences, writeLongText } from './lib/long-text-files';

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
  const long = generateLongText({ paragraphs, ...(await articleSentences()), glossed });
  const text = await writeLongText(slug, long);
  console.log(
    `${slug}: ${text.blocks.length} blocks, ${long.headings.length} chapters, ${long.chars} characters, ${long.glosses.size} glossed`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
