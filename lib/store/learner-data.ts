import 'server-only';
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { withLock } from './lock';
import { dataRoot } from './paths';
import { readBoundedFile } from './read-file';

/**
 * A signed-in reader's learning data (word list, reading progress), one JSON file per account and
 * kind under `<data>/learners/`, named by a hash of the account name so no name ever becomes a
 * path. Written atomically, one writer per file; callers validate what they read back.
 */

export type LearnerDataKind = 'words' | 'progress';

/** Largest file read back: a full word list with long sentences stays well under it. */
export const MAX_LEARNER_FILE_BYTES = 8 * 1024 * 1024;

function fileOf(account: string, kind: LearnerDataKind): string {
  const id = createHash('sha256').update(account.normalize('NFC')).digest('hex').slice(0, 32);
  return path.join(dataRoot(), 'learners', `${id}.${kind}.json`);
}

/** The stored data, parsed as JSON; undefined when there is none yet. */
export async function readLearnerData(account: string, kind: LearnerDataKind): Promise<unknown> {
  const read = await readBoundedFile(fileOf(account, kind), MAX_LEARNER_FILE_BYTES, '8 MB');
  if (!read.ok) {
    if (read.kind === 'missing') return undefined;
    throw new Error(read.error);
  }
  try {
    return JSON.parse(read.bytes.toString('utf8')) as unknown;
  } catch {
    // A damaged file counts as empty: the reader's browser still holds its own copy.
    return undefined;
  }
}

/**
 * Reads, changes and writes one account's data under its lock, so two devices syncing at once
 * lose nothing. `update(stored)` returns what to keep.
 */
export async function updateLearnerData<T>(account: string, kind: LearnerDataKind, update: (stored: unknown) => T): Promise<T> {
  const file = fileOf(account, kind);
  return withLock(`learner:${file}`, async () => {
    const next = update(await readLearnerData(account, kind));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify(next)}\n`);
    return next;
  });
}
