// `npm run build` ends with this: builds what the first page would otherwise wait for (the compact
// CC-CEDICT lookup, cached under node_modules/.cache), so the first reader after `npm start` does
// not wait 20 s for it. Safe to run again: a current cache is read, not rebuilt.
import { loadDictionary } from '@/lib/annotate/dictionary';

async function main() {
  const load = await loadDictionary();
  const how = load.source === 'cache' ? 'already built' : 'built';
  console.log(`Dictionary ${how}: ${load.words} words in ${(load.ms / 1000).toFixed(1)} s (${load.file})`);
  if (load.cacheError) console.warn(`${load.cacheError}; the server will build the dictionary when it first needs it`);
}

main().catch((error: unknown) => {
  // The app still works without the cache (it builds the lookup on first use): warn, do not fail the build.
  console.warn(`Could not prepare the dictionary: ${error instanceof Error ? error.message : String(error)}`);
});
