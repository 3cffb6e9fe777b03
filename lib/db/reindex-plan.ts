/**
 * Whether a text must be indexed again, from what the database recorded when it last indexed it
 * (the identity of its files and a hash of their contents) and what the files are now. Pure.
 */
export interface IndexedRecord {
  identity: string;
  hash: string;
}

export interface CurrentFiles {
  identity: string;
  /** A hash of the files' contents; undefined until the identity says it is worth reading them. */
  hash?: string;
}

/**
 * - `keep`: indexed as the files are now.
 * - `hash`: the files were touched: hash them, then ask again.
 * - `record`: same contents under a new identity (a copy, a restore, a checkout): note the identity, index nothing.
 * - `index`: new or changed (or a full rebuild): index it.
 * - `remove`: the text is gone: drop its rows.
 */
export type ReindexAction = 'keep' | 'hash' | 'record' | 'index' | 'remove';

/**
 * What to do for one text. `reindexAction({ identity: 'a', hash: 'h' }, { identity: 'b', hash: 'h' })` → `'record'`.
 */
export function reindexAction(
  recorded: IndexedRecord | undefined,
  current: CurrentFiles | undefined,
  full = false,
): ReindexAction {
  if (!current) return recorded ? 'remove' : 'keep';
  if (!recorded || full) return 'index';
  if (recorded.identity === current.identity) return 'keep';
  if (current.hash === undefined) return 'hash';
  return recorded.hash === current.hash ? 'record' : 'index';
}
