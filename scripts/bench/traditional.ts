// Traditional-character texts for `npm run bench`: the annotation coverage of the 儒林外史 excerpt
// (lib/annotate/fixtures/rulin-waishi-1-2.trad.txt) against its simplified conversion: the share of
// Chinese words with senses and the words of four or more characters (mostly mis-cuts), and the
// traditional text annotated as if it were simplified, as it was before its script was measured.
// Alone: npx tsx --conditions=react-server scripts/bench/traditional.ts
import { readFileSync } from 'node:fs';
import { percent, type Coverage } from '@/lib/annotate/coverage';
import { scriptShares } from '@/lib/annotate/source-script';
import { paragraphCoverage } from '@/lib/library/annotation-coverage';

const FIXTURES = 'lib/annotate/fixtures';

function paragraphs(file: string): string[] {
  return readFileSync(`${FIXTURES}/${file}`, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function line(name: string, figures: Coverage): string {
  return (
    `${name.padEnd(34)}${String(figures.hanTokens).padStart(7)} words, ` +
    `${percent(figures.withSenses, figures.hanTokens).toFixed(1).padStart(5)} % with senses ` +
    `(${percent(figures.explained, figures.hanTokens).toFixed(1)} % with their characters'), ` +
    `${String(figures.long).padStart(5)} of 4+ characters (${percent(figures.long, figures.hanTokens).toFixed(1)} %)`
  );
}

export async function traditionalFigures(): Promise<void> {
  const traditional = paragraphs('rulin-waishi-1-2.trad.txt');
  const simplified = paragraphs('rulin-waishi-1-2.simp.txt');
  const shares = scriptShares(traditional.join('\n'));
  console.log(
    `traditional text: ${(shares.traditional * 100).toFixed(1)} % of its characters change to simplified, ` +
      `${(shares.simplified * 100).toFixed(1)} % to traditional`,
  );
  const asTraditional = await paragraphCoverage(traditional);
  console.log(line(`儒林外史 1–2 as written (${asTraditional.script})`, asTraditional));
  console.log(line('儒林外史 1–2 converted to simplified', await paragraphCoverage(simplified)));
  console.log(line('儒林外史 1–2 read as simplified', await paragraphCoverage(traditional, 'simp')));
}

if (process.argv[1]?.endsWith('traditional.ts')) {
  traditionalFigures().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
