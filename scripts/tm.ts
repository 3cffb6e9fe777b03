// `npm run tm -- import <file.tmx> [--name <name>] [--lang <tag>] [--replace]`, `npm run tm -- list`,
// `npm run tm -- remove <name>`: imported translation memories (TMX 1.4, read-only references shown
// by name among the editor's matches), stored under memories/ in the data folder.
import { parseArgs } from 'node:util';
import { deleteMemory, importMemory, listMemories } from '@/lib/memory/imported-memories';
import { MAX_TMX_BYTES } from '@/lib/memory/tmx-read';
import { readBoundedFile } from '@/lib/store/read-file';
import { exitFlushed, quietOnClosedPipe } from './lib/exit';

const USAGE = `Usage: npm run tm -- import <file.tmx> [--name <name>] [--lang <tag>] [--replace]
       npm run tm -- list
       npm run tm -- remove <name>`;

async function main() {
  quietOnClosedPipe();
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { name: { type: 'string' }, lang: { type: 'string' }, replace: { type: 'boolean', default: false } },
    });
  } catch {
    console.error(USAGE);
    return exitFlushed(2);
  }
  const [command, ...rest] = parsed.positionals;
  if (command === 'list' && rest.length === 0) {
    const memories = await listMemories();
    if (memories.length === 0) console.log('No imported memories (npm run tm -- import <file.tmx>)');
    for (const m of memories) console.log(`${m.name}\t${m.lang}\t${m.pairs} pairs\tfrom ${m.file}, ${m.imported}`);
    return exitFlushed(0);
  }
  if (command === 'remove' && rest.length === 1) {
    const removed = await deleteMemory(rest[0]!);
    if (removed.ok) console.log(`Removed the memory ${rest[0]}`);
    else console.error(removed.error);
    return exitFlushed(removed.ok ? 0 : 1);
  }
  if (command === 'import' && rest.length === 1) {
    const file = rest[0]!;
    const read = await readBoundedFile(file, MAX_TMX_BYTES, `${MAX_TMX_BYTES / 1024 / 1024} MB`);
    if (!read.ok) {
      console.error(read.error);
      return exitFlushed(1);
    }
    const result = await importMemory(read.bytes, {
      file,
      ...(parsed.values.name ? { name: parsed.values.name } : {}),
      ...(parsed.values.lang ? { lang: parsed.values.lang } : {}),
      replace: parsed.values.replace,
    });
    if (!result.ok) {
      console.error(`${file}: ${result.error}; nothing was imported`);
      return exitFlushed(1);
    }
    const notes = [
      result.skipped ? `${result.skipped} units without a pair in these languages skipped` : '',
      result.duplicates ? `${result.duplicates} duplicate pairs kept once` : '',
    ].filter(Boolean);
    console.log(`Imported ${result.pairs} pairs as the memory ${result.name}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    return exitFlushed(0);
  }
  console.error(USAGE);
  return exitFlushed(2);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
