import 'server-only';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeTextFile } from './json';
import { dataRoot } from './paths';

/** A signed-out session: its id and when it would have expired (after which it can be forgotten). */
export const revokedSessionSchema = z.object({ sid: z.string(), expires: z.number() });
export type RevokedSession = z.infer<typeof revokedSessionSchema>;

/** `<data>/.sessions/revoked.json`: sessions signed out before they expired. Not content: keep it out of git. */
export function revokedSessionsPath(): string {
  return path.join(dataRoot(), '.sessions', 'revoked.json');
}

export async function readRevokedSessions(): Promise<RevokedSession[]> {
  return (await readJsonFile(revokedSessionsPath(), z.array(revokedSessionSchema))) ?? [];
}

export async function writeRevokedSessions(entries: readonly RevokedSession[]): Promise<void> {
  const file = revokedSessionsPath();
  await mkdir(path.dirname(file), { recursive: true });
  await writeTextFile(file, `${JSON.stringify(entries)}\n`);
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
