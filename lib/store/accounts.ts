import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { acquireFileLock } from './file-lock';
import { readJsonFile, writeTextFile } from './json';
import { withLock } from './lock';
import { dataRoot } from './paths';
import { peekProcessState, setProcessState } from '@/lib/process-state';

export const storedAccountSchema = z.object({
  name: z.string().min(1).max(64),
  role: z.enum(['reader', 'translator', 'reviewer', 'admin']),
  passwordHash: z.string().regex(/^scrypt\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]{43}$/),
  langs: z.array(z.string()).optional(),
  texts: z.array(z.string()).optional(),
});
export type StoredAccount = z.infer<typeof storedAccountSchema>;

/** The accounts file: a random key mixed into the session key, and the accounts. */
export const accountFileSchema = z.object({
  secret: z.string().min(16),
  accounts: z.array(storedAccountSchema),
});
export type AccountFile = z.infer<typeof accountFileSchema>;

/** `<data>/.accounts/accounts.json` (or BILINGUAL_ACCOUNTS_FILE). Not content: kept out of git. */
export function accountsPath(): string {
  const given = process.env.BILINGUAL_ACCOUNTS_FILE?.trim();
  return given ? path.resolve(given) : path.join(dataRoot(), '.accounts', 'accounts.json');
}

type Cached = { file: string; stamp: string; value: AccountFile | undefined };

async function stampOf(file: string): Promise<string> {
  try {
    const info = await stat(file);
    return `${info.size}:${info.mtimeMs}:${info.ino}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/**
 * The accounts file, `undefined` when there is none; re-read whenever it changed on disk, so an
 * account changed by `npm run user` or another server takes effect at the next request. Throws
 * DataFileError, naming the file, when it is damaged.
 */
export async function readAccountFile(): Promise<AccountFile | undefined> {
  const file = accountsPath();
  const stamp = await stampOf(file);
  const cached = peekProcessState<Cached>('accounts-cache');
  if (cached && cached.file === file && cached.stamp === stamp) return cached.value;
  const value = stamp === '' ? undefined : await readJsonFile(file, accountFileSchema);
  setProcessState<Cached>('accounts-cache', { file, stamp, value });
  return value;
}

/**
 * Changes the accounts under a lock shared by every process on this data folder: reads the file
 * (a new one gets a random secret), lets `change` return the new list (or a refusal, which
 * writes nothing) and writes it atomically.
 */
export async function updateAccounts<R>(
  change: (accounts: StoredAccount[]) => { ok: true; accounts: StoredAccount[]; result: R } | { ok: false; error: string },
): Promise<{ ok: true; result: R } | { ok: false; error: string }> {
  const file = accountsPath();
  await mkdir(path.dirname(file), { recursive: true });
  return withLock(`accounts:${file}`, async () => {
    const lock = await acquireFileLock(`${file}.lock`);
    try {
      const current = (await readJsonFile(file, accountFileSchema)) ?? {
        secret: randomBytes(24).toString('base64url'),
        accounts: [],
      };
      const outcome = change(current.accounts);
      if (!outcome.ok) return outcome;
      await writeTextFile(file, `${JSON.stringify({ secret: current.secret, accounts: outcome.accounts }, null, 2)}\n`);
      return { ok: true, result: outcome.result };
    } finally {
      await lock.release();
    }
  });
}
