import 'server-only';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { namedError } from '@/lib/named-error';
import { writeFileAtomic } from './atomic-write';
import { readDataText } from './json';
import { dataRoot } from './paths';

/**
 * Files of the data folder named by their path in it (`locales/en/a.json`), as git names them:
 * only under `content/` and `locales/`, never outside the data folder.
 */
export class DataPathError extends namedError('DataPathError') {
  constructor(readonly relative: string) {
    super(`${JSON.stringify(relative)} is not a file of the library (content/ or locales/); it was not touched`);
  }
}

function resolveDataPath(relative: string): string {
  const parts = relative.split('/');
  if (
    !['content', 'locales'].includes(parts[0] ?? '') ||
    parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))
  )
    throw new DataPathError(relative);
  return path.join(dataRoot(), ...parts);
}

/** Reads a library file by its path in the data folder; `undefined` when absent. */
export async function readTreeFile(relative: string): Promise<string | undefined> {
  return readDataText(resolveDataPath(relative));
}

/** Writes (atomically) or, for `undefined`, removes a library file by its path in the data folder. */
export async function writeTreeFile(relative: string, text: string | Uint8Array | undefined): Promise<void> {
  const file = resolveDataPath(relative);
  if (text === undefined) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
}
