// `npm run language -- add|remove|list <slug> [<lang>] [--dry-run] [--json]`: the target languages
// of a text. add creates the language's empty gloss and state files (everything untranslated);
// remove moves its files to removed/<slug>-<lang>-<time>/; list prints each language with its
// progress. English is every text's first language and stays where it is.
import { parseArgs } from 'node:util';
import { addLanguage, listLanguages, removeLanguage } from '@/lib/library/languages';
import { exitFlushed, quietOnClosedPipe } from './lib/exit';

const USAGE =
  'Usage: npm run language -- add|remove <slug> <lang> [--dry-run] [--json]\n       npm run language -- list <slug> [--json]';

async function main() {
  quietOnClosedPipe();
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    });
  } catch {
    console.error(USAGE);
    return exitFlushed(2);
  }
  const { values, positionals } = parsed;
  const [verb, slug, lang, ...rest] = positionals;
  const wantsLang = verb === 'add' || verb === 'remove';
  if (!slug || rest.length > 0 || !(wantsLang || verb === 'list') || wantsLang !== (lang !== undefined)) {
    console.error(USAGE);
    return exitFlushed(2);
  }
  const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

  if (verb === 'list') {
    const languages = await listLanguages(slug);
    if (!languages) {
      console.error(`No text "${slug}" in content/`);
      return exitFlushed(1);
    }
    if (values.json) print(languages);
    else
      for (const { lang: tag, name, progress } of languages)
        console.log(`${tag.padEnd(8)} ${name.padEnd(24)} ${progress.glossed}/${progress.total} translated`);
    return exitFlushed(0);
  }

  if (verb === 'add') {
    const added = await addLanguage(slug, lang ?? '');
    if (values.json) print(added);
    else if (!added.ok) console.error(added.error);
    else {
      console.log(`Added ${added.lang} to ${slug}, every paragraph untranslated:`);
      for (const file of added.files) console.log(`  ${file}`);
    }
    return exitFlushed(added.ok ? 0 : 1);
  }

  const removed = await removeLanguage(slug, lang ?? '', { dryRun: values['dry-run'] });
  if (values.json) print(removed);
  else if (!removed.ok) console.error(removed.error);
  else {
    console.log(
      removed.dryRun
        ? `Would move ${removed.files.length} files of ${slug} in ${removed.lang}:`
        : `Moved ${removed.files.length} files of ${slug} in ${removed.lang} to ${removed.archive}:`,
    );
    for (const file of removed.files) console.log(`  ${file}`);
  }
  return exitFlushed(removed.ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
