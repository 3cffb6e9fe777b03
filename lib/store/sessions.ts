import 'server-only';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeTextFile } from './json';
import { dataRoot } from './paths';

/** A signed-out session: its id and when it would have expired (after which it can be forgotten). */
export const revokedSessionSchema = z.object({ sid: z.string(), expires: z.number() });
export type RevokedSession = z.infer<typeof revokedSessionSchema>;

/**
 * What the server keeps about sessions. `epoch`: a random id every session cookie carries; a
 * file that is lost (deleted, or never written) means a new epoch, so every older cookie stops
 * working: losing the list fails closed. `floor`: sessions expiring at or before it are refused
 * (set when the list outgrows its cap, instead of forgetting revocations). `revoked`: sessions
 * signed out before they expire.
 */
export const sessionRegistrySchema = z.object({
  epoch: z.string().min(16),
  floor: z.number(),
  revoked: z.array(revokedSessionSchema),
});
export type SessionRegistry = z.infer<typeof sessionRegistrySchema>;

// The list of revocations alone, as written before sessions had an epoch: read as no registry.
const fileSchema = z.union([sessionRegistrySchema, z.array(revokedSessionSchema)]);

/** `<data>/.sessions/revoked.json`. Not content: keep it out of git. */
export function revokedSessionsPath(): string {
  return path.join(dataRoot(), '.sessions', 'revoked.json');
}

/**
 * The session registry; `undefined` when there is none (the file missing, or in the format from
 * before epochs). Throws DataFileError, naming the file, when it is damaged.
 */
export async function readSessionRegistry(): Promise<SessionRegistry | undefined> {
  const file = await readJsonFile(revokedSessionsPath(), fileSchema);
  return file === undefined || Array.isArray(file) ? undefined : file;
}

/** Writes the registry atomically; throws StoreWriteError (or the file-system error) when `.sessions/` cannot be written. */
export async function writeSessionRegistry(registry: SessionRegistry): Promise<void> {
  const file = revokedSessionsPath();
  await mkdir(path.dirname(file), { recursive: true });
  await writeTextFile(file, `${JSON.stringify(registry)}\n`);
}

/** Size and modification time of the file ('' when missing): changes when another process signs someone out. */
export async function revokedSessionsStamp(): Promise<string> {
  try {
    const info = await stat(revokedSessionsPath());
    return `${info.size}:${info.mtimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
