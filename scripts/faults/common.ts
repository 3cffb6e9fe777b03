// Shared by the rounds of `npm run test:faults`: the record of checks, a temporary data folder,
// and a client for the save API.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir, BILINGUAL_DATA_DIR: data, EDITOR_TOKEN: TOKEN };
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
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name)).toString('base64')]));
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
