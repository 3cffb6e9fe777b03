import 'server-only';
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { serializeOrdered } from '@/lib/gloss/serialize';
import { readJsonFile, writeTextFile } from './json';
import { localeDir, textFilePath } from './paths';

/** `locales/<lng>/<slug>.conflicts.json`: paragraphs changed differently on two servers, with every version. */
export function conflictsPath(slug: string, lng: string): string {
  return textFilePath(localeDir(lng), slug, '.conflicts.json');
}

const versionSchema = z.object({ text: z.string(), author: z.string(), revision: z.string() });
export const conflictFileSchema = z.record(z.string(), z.object({ versions: z.array(versionSchema) }));
export type StoredConflicts = z.infer<typeof conflictFileSchema>;

/** A text's conflicts in one language; `{}` when it has none (the usual case: no file). */
export async function readConflicts(slug: string, lng: string): Promise<StoredConflicts> {
  return (await readJsonFile(conflictsPath(slug, lng), conflictFileSchema)) ?? {};
}

/** The conflict file as text, one key a line; `undefined` when there is none left. */
export function serializeConflicts(conflicts: StoredConflicts): string | undefined {
  return Object.keys(conflicts).length === 0 ? undefined : serializeOrdered([], conflicts);
}

/** Writes a text's conflicts atomically, removing the file when none is left. Call under the text's lock. */
export async function writeConflicts(slug: string, lng: string, conflicts: StoredConflicts): Promise<void> {
  const text = serializeConflicts(conflicts);
  if (text === undefined) await rm(conflictsPath(slug, lng), { force: true });
  else await writeTextFile(conflictsPath(slug, lng), text);
}

/**
 * The conflicts left once the given paragraphs are saved (a save resolves its paragraph's
 * conflict); the same object when none of them was in conflict. Pure.
 * `withoutResolved({ p1: { versions }, p2: { versions } }, ['p1'])` → `{ p2: { versions } }`.
 */
export function withoutResolved(conflicts: StoredConflicts, keys: readonly string[]): StoredConflicts {
  if (!keys.some((key) => Object.hasOwn(conflicts, key))) return conflicts;
  const left: StoredConflicts = { ...conflicts };
  for (const key of keys) delete left[key];
  return left;
}

/**
 * Removes the conflicts of saved paragraphs from the text's conflict file (the file goes when
 * none is left); reads nothing more than a missing file for a text without conflicts. Call under
 * the text's lock. Whether any was resolved: `resolveConflicts('novel', 'en', ['p1'])` → `true`.
 */
export async function resolveConflicts(slug: string, lng: string, keys: readonly string[]): Promise<boolean> {
  if (keys.length === 0) return false;
  const conflicts = await readConflicts(slug, lng);
  const left = withoutResolved(conflicts, keys);
  if (left === conflicts) return false;
  await writeConflicts(slug, lng, left);
  return true;
}
