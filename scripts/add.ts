// `npm run add -- <file> [--slug s] [--title "…"] [--author …] [--date …] [--encoding utf-8|gb18030|gbk|gb2312|big5|utf-16le|utf-16be]
// [--paragraphs auto|blank|line|wrapped] [--replace] [--dry-run] [--json]`: adds a .txt or .md file in UTF-8 (with or without BOM), UTF-16
// with BOM, GB18030/GBK or Big5 as content/<slug>.md, records its ids, creates its empty gloss
// file, and prints what it found.
import { parseArgs } from 'node:util';
import { addText, type AddReport } from '@/lib/library/add';
import { paragraphLayoutChoices, parseParagraphLayoutChoice } from '@/lib/text/paragraph-layout';
import { readBoundedFile } from '@/lib/store/read-file';
import { MAX_TEXT_BYTES } from '@/lib/text/prepare';
import { exitFlushed, quietOnClosedPipe } from './lib/exit';

const USAGE =
  'Usage: npm run add -- <file.txt|file.md> [--slug s] [--title "…"] [--author …] [--date YYYY-MM-DD] [--encoding utf-8|gb18030|gbk|gb2312|big5|utf-16le|utf-16be] [--paragraphs auto|blank|line|wrapped] [--replace] [--dry-run] [--json]';

function printReport(report: AddReport): void {
  const { summary } = report;
  const confidence = report.confidence !== undefined ? ` (${report.confidence}% confident)` : '';
  const verb = { checked: 'Would write', created: 'Wrote', replaced: 'Replaced' }[report.action];
  console.log(`${verb} ${report.file} (slug ${report.slug}); encoding found: ${report.encoding}${confidence}`);
  if (report.encodingWarning) console.warn(`Warning: ${report.encodingWarning}`);
  if (report.meta.title) console.log(`Title: ${report.meta.title}`);
  const { layout } = summary;
  const chosen = layout.used === layout.found ? '' : ` (${layout.used} was used, as asked)`;
  console.log(`Paragraphs: ${layout.found}: ${layout.reason}${chosen}; --paragraphs blank|line|wrapped to choose`);
  const types = Object.entries(summary.blocks)
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${n} ${type}${n === 1 ? '' : 's'}`);
  console.log(`Blocks: ${types.join(', ')}; ${summary.characters} characters, ${summary.han} of them Chinese`);
  if (report.sync) {
    const s = report.sync;
    const parts = [
      s.added.length && `${s.added.length} new ids`,
      s.edited.length && `${s.edited.length} edited (glosses now stale: ${s.edited.join(', ')})`,
      s.retired.length && `${s.retired.length} removed (glosses kept under their ids)`,
      s.revived.length && `${s.revived.length} restored`,
    ].filter(Boolean);
    if (parts.length) console.log(`Ids: ${parts.join('; ')}`);
  }
  if (summary.oddities.length) {
    console.log('Look at:');
    for (const odd of summary.oddities) console.log(`  line ${odd.line}: ${odd.message}`);
  }
}

async function main() {
  quietOnClosedPipe();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      title: { type: 'string' },
      author: { type: 'string' },
      date: { type: 'string' },
      encoding: { type: 'string' },
      paragraphs: { type: 'string' },
      replace: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) {
    console.error(USAGE);
    process.exit(2);
  }
  if (!/\.(txt|md|markdown)$/i.test(file)) {
    console.error(`${file}: a text must be a .txt or .md file`);
    process.exit(2);
  }
  const paragraphs = parseParagraphLayoutChoice(values.paragraphs ?? 'auto');
  if (!paragraphs) {
    console.error(`--paragraphs must be one of ${paragraphLayoutChoices.join(', ')}, not "${values.paragraphs}"`);
    process.exit(2);
  }
  // A regular file only, and at most the limit read: a link to /dev/zero or a pipe never ended.
  const read = await readBoundedFile(file, MAX_TEXT_BYTES, '5 MB');
  if (!read.ok) {
    console.error(read.kind === 'too-large' ? `${read.error}: a text can have at most 5 MB` : read.error);
    process.exit(1);
  }
  const result = await addText({
    bytes: read.bytes,
    fileName: file,
    ...(values.slug !== undefined ? { slug: values.slug } : {}),
    meta: { title: values.title, author: values.author, date: values.date },
    ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
    paragraphs,
    replace: values.replace,
    dryRun: values['dry-run'],
  });
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    await exitFlushed(result.ok ? 0 : 1);
  }
  if (!result.ok) {
    console.error(result.error);
    process.exit(1);
  }
  printReport(result);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
