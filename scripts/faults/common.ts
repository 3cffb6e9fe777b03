// Shared by the rounds of `npm run test:faults`: the record of checks, a temporary data folder,
// and a client for the save API.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/next-server';
import { storedGlosses } from '@/lib/testing/stored-glosses';

export const SLUG = 'karpathy-no-priors';
export const TOKEN = 'fault-injection-token';

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
  skipped?: boolean;
}

export const checks: Check[] = [];

export function check(name: string, ok: boolean, detail?: string) {
  checks.push({ name, ok, ...(detail ? { detail } : {}) });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail && !ok ? `: ${detail}` : ''}`);
}

/** A round that cannot run here; printed, and counted neither passed nor failed. */
export function skip(name: string, why: string) {
  console.log(`skip ${name}: ${why}`);
}

/** Copies the repository's content/ and locales/ into `root` (a new temporary folder when absent). */
export function copyData(root = mkdtempSync(path.join(tmpdir(), 'bilingual-faults-'))): string {
  for (const folder of ['content', 'locales']) cpSync(folder, path.join(root, folder), { recursive: true });
  return root;
}

export function serverEnv(data: string): NodeJS.ProcessEnv {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next-e2e';
  // DATABASE_URL cleared: each server here starts with the embedded defaults, as the e2e server does.
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    BILINGUAL_DATA_DIR: data,
    EDITOR_TOKEN: TOKEN,
    DATABASE_URL: '',
  };
}

export function blockIds(data: string): string[] {
  const ledger = JSON.parse(readFileSync(path.join(data, 'content', `${SLUG}.ids.json`), 'utf8')) as {
    blocks: { id: string; zh: string }[];
  };
  return ledger.blocks.filter((b) => b.zh).map((b) => b.id);
}

/** The glosses stored in a data folder: the gloss file with the journal replayed over it. */
export function readGlosses(data: string): Record<string, string> {
  return storedGlosses(data, SLUG).glosses;
}

/** The `after` text of every history entry of the text. */
export function historyTexts(data: string): Set<string> {
  let text = '';
  try {
    text = readFileSync(path.join(data, 'locales', 'en', `${SLUG}.history.jsonl`), 'utf8');
  } catch {
    return new Set();
  }
  const texts = new Set<string>();
  for (const line of text.split('\n').filter(Boolean)) {
    try {
      texts.add(String((JSON.parse(line) as { after: unknown }).after));
    } catch {
      // a torn last line
    }
  }
  return texts;
}

/** Every file under locales/<lng>/ with its bytes, to show that nothing changed. */
export function snapshotLocales(data: string): Map<string, string> {
  const dir = path.join(data, 'locales', 'en');
  // The alignment files are left out: the background re-alignment of a save answered before the
  // fault may write them meanwhile (a torn journal line is skipped by readers), and they are
  // not what a refused write could have changed.
  const names = readdirSync(dir).filter((name) => !/\.align(\.journal)?\.jsonl?$/.test(name));
  return new Map(names.map((name) => [name, readFileSync(path.join(dir, name)).toString('base64')]));
}

export function sameSnapshot(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => a.get(name) !== b.get(name));
}

/** Revisions of the text's blocks as the server gives them. */
export async function revisions(origin: string): Promise<Map<string, string>> {
  const text = (await (await fetch(`${origin}/api/texts/${SLUG}`)).json()) as {
    blocks: { id: string; revision: string | null }[];
  };
  return new Map(text.blocks.flatMap((b) => (b.revision ? [[b.id, b.revision] as [string, string]] : [])));
}

export interface SaveAnswer {
  status: number;
  body: { revision?: string; error?: string; reason?: string } | undefined;
}

export async function save(
  origin: string,
  id: string,
  text: string,
  baseRevision: string,
  editor = 'faults',
): Promise<SaveAnswer> {
  const response = await fetch(`${origin}/api/texts/${SLUG}/glosses/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKEN}`, 'x-editor-name': editor, 'content-type': 'application/json' },
    body: JSON.stringify({ text, baseRevision }),
  });
  const raw = await response.text();
  let body: SaveAnswer['body'];
  try {
    body = JSON.parse(raw) as SaveAnswer['body'];
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

/** Request headers of a signed-in writer (the editor token acts as an admin) named `who`. */
export const writerHeaders = (who: string) => ({
  authorization: `Bearer ${TOKEN}`,
  'x-editor-name': who,
  'content-type': 'application/json',
});

/**
 * Writes from `clients` concurrent clients against a server started on `env`, killed with SIGKILL
 * a random while (0.8–2 s) after the first write was acknowledged (a busy machine is slow to give
 * it). Each client calls `step(client, n, origin)` for n = 0, 1, … until the kill; a step that
 * throws (the server is gone) ends its client. `acknowledged` counts the writes answered so far.
 * Resolves once the server's processes are gone and every client has ended.
 */
export async function killPartWay(
  env: NodeJS.ProcessEnv,
  clients: number,
  step: (client: number, n: number, origin: string) => Promise<void>,
  acknowledged: () => number,
): Promise<void> {
  const server = await startServer(env);
  let stopped = false;
  const client = async (c: number) => {
    for (let n = 0; !stopped; n += 1) {
      try {
        await step(c, n, server.origin);
      } catch {
        return; // the server is gone
      }
    }
  };
  const running = Array.from({ length: clients }, (_, c) => client(c));
  for (let waited = 0; acknowledged() === 0 && waited < 60_000; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 800 + Math.random() * 1200));
  stopped = true;
  await server.stop('SIGKILL');
  await Promise.allSettled(running);
}

/** Runs `body` against a server started again on `env`, and stops it. */
export async function withRestartedServer<T>(env: NodeJS.ProcessEnv, body: (origin: string) => Promise<T>): Promise<T> {
  const server = await startServer(env);
  try {
    return await body(server.origin);
  } finally {
    await server.stop();
  }
}

/**
 * The entries of a JSON Lines file, a torn last line (a write cut by the kill) skipped; `broken`
 * names any other line that does not parse. A missing file has none.
 */
export function readJsonLines<T>(file: string): { entries: T[]; broken: string[] } {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { entries: [], broken: [] };
  }
  const lines = text.split('\n').filter(Boolean);
  const entries: T[] = [];
  const broken: string[] = [];
  lines.forEach((line, i) => {
    try {
      entries.push(JSON.parse(line) as T);
    } catch {
      if (i < lines.length - 1) broken.push(line.slice(0, 80));
    }
  });
  return { entries, broken };
}
