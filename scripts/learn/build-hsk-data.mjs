// Builds lib/learn/data/hsk.json from complete-hsk-vocabulary's complete.min.json:
//   node scripts/learn/build-hsk-data.mjs <path to complete.min.json> <commit>
// Keeps only what the reader uses: simplified word → [HSK 3.0 level, HSK 2.0 level] (0: not in
// that list; 3.0's band 7–9 is written 7), and traditional form → simplified where they differ.
import { readFileSync, writeFileSync } from 'node:fs';

const [source, commit] = process.argv.slice(2);
if (!source || !commit) throw new Error('usage: build-hsk-data.mjs <complete.min.json> <commit>');
const entries = JSON.parse(readFileSync(source, 'utf8'));
const words = {};
const traditional = {};
for (const entry of entries) {
  const level = (prefix) => Math.min(...entry.l.filter((l) => l.startsWith(prefix)).map((l) => Number(l.slice(1))), 99);
  const next = [level('n'), level('o')].map((n) => (n === 99 ? 0 : n));
  const known = words[entry.s];
  // A word listed twice keeps its lowest level in each list.
  words[entry.s] = known ? known.map((n, i) => (n && next[i] ? Math.min(n, next[i]) : n || next[i])) : next;
  for (const form of entry.f) if (form.t !== entry.s && !words[form.t]) traditional[form.t] ??= entry.s;
}
for (const form of Object.keys(traditional)) if (words[form]) delete traditional[form];
const sorted = (record) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const out = { source: 'drkameleon/complete-hsk-vocabulary', commit, words: sorted(words), traditional: sorted(traditional) };
writeFileSync('lib/learn/data/hsk.json', JSON.stringify(out).replace(/\],"/g, '],\n"') + '\n');
console.log(`${Object.keys(words).length} words, ${Object.keys(traditional).length} traditional forms`);
