// The exchange formats of `npm run -s export`:
//   export -- <slug> --format xliff [--version 1.2|2.0] [--status untranslated,draft,stale,reviewed] [--source-in-target] [--lang fr]
//   export -- <slug>|--all --format tmx [--drafts] [--segtype paragraph|sentence] [--lang fr]
import { parseArgs } from 'node:util';
import { glossStatuses, type GlossStatus } from '@/lib/gloss/types';
import { parseTargetLanguage } from '@/lib/i18n/target-language';
import { exportTmx, exportXliff } from '@/lib/library-exchange/exchange-export';

const USAGE =
  'Usage: npm run -s export -- <slug> --format xliff [--version 1.2|2.0] [--status untranslated,draft,stale,reviewed] [--source-in-target] [--section <name>|s<n>] [--lang <tag>] > file.xlf\n' +
  '       npm run -s export -- <slug>|--all --format tmx [--drafts] [--segtype paragraph|sentence] [--lang <tag>] > file.tmx';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

/** Runs an exchange export from command-line arguments; prints the file on standard output. */
export async function runExchangeExport(args: string[]): Promise<void> {
  const options = {
    format: { type: 'string' },
    version: { type: 'string' },
    status: { type: 'string' },
    section: { type: 'string' },
    lang: { type: 'string' },
    all: { type: 'boolean', default: false },
    drafts: { type: 'boolean', default: false },
    segtype: { type: 'string' },
    'source-in-target': { type: 'boolean', default: false },
  } as const;
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof options }>>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    // Node's own wording ("Unknown option '--x'. To specify a positional argument …") is not for a translator.
    const message = error instanceof Error ? error.message : String(error);
    const option = /option '(--[a-z-]+)/i.exec(message)?.[1];
    const code = (error as { code?: string }).code;
    const said =
      code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option
        ? `${option} needs a value`
        : option
          ? `${option} is not an option of this export`
          : message;
    fail(`${said}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [slug, ...rest] = positionals;
  if (rest.length > 0) fail(USAGE);
  const language = parseTargetLanguage(values.lang ?? 'en');
  if (!language.ok) fail(`--lang: ${language.error}`);
  const lang = language.lang;
  if (values.format === 'xliff') {
    if (!slug || values.all) fail(USAGE);
    if (values.segtype !== undefined) fail('--segtype is for TMX');
    const version = values.version ?? '1.2';
    if (version !== '1.2' && version !== '2.0') fail(`--version must be 1.2 or 2.0, not ${version}`);
    const statuses = values.status?.split(',').map((s) => s.trim());
    const unknown = statuses?.filter((s) => !(glossStatuses as readonly string[]).includes(s));
    if (unknown?.length) fail(`Unknown status ${unknown.join(', ')}; use ${glossStatuses.join(', ')}`);
    if (values['source-in-target'] && version !== '1.2') fail('--source-in-target is for XLIFF 1.2 (OmegaT)');
    const result = await exportXliff(slug, {
      version,
      sourceInTarget: values['source-in-target'],
      lang,
      ...(statuses ? { statuses: statuses as GlossStatus[] } : {}),
      ...(values.section !== undefined ? { section: values.section } : {}),
    });
    if (!result.ok) fail(result.error, 1);
    process.stdout.write(result.xml);
    console.error(`${result.units} units, XLIFF ${version}, into ${lang}`);
    return;
  }
  if (values.format === 'tmx') {
    if (Boolean(slug) === values.all) fail(USAGE);
    if (values.section !== undefined) fail('--section is for XLIFF (a memory is for the whole text)');
    const segtype = values.segtype ?? 'paragraph';
    if (segtype !== 'paragraph' && segtype !== 'sentence') fail(`--segtype must be paragraph or sentence, not ${segtype}`);
    const result = await exportTmx(values.all ? undefined : slug, { withDrafts: values.drafts, lang, segtype });
    if (!result.ok) fail(result.error, 1);
    process.stdout.write(result.xml);
    console.error(
      `${result.units} ${segtype} translation units in ${lang} (${values.drafts ? 'reviewed and draft' : 'reviewed only'})`,
    );
    return;
  }
  fail(`--format must be xliff or tmx\n${USAGE}`);
}
