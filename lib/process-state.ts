/**
 * State that exists once per server process, kept in one place.
 *
 * Next.js bundles each route handler, the pages and `instrumentation.ts` separately, so a
 * module-level variable would exist once per bundle: a save in one route would not reach the
 * search index another route answers from, and a 120 MB segmenter would be loaded again per
 * route. Each such value lives on `globalThis` under `Symbol.for('bilingual-reader.<name>')`,
 * reached only through the functions below, and is listed here with what it holds.
 *
 * `processState('locks', () => new Map())` → the same Map in every bundle of the process.
 */
export const PROCESS_STATES = {
  // The store (lib/store)
  locks: 'the tail of each lock queue, by lock name (lib/store/lock.ts)',
  'store-write-listeners': 'who is told of each store write: page cache, indexes, git sync (lib/store/write-hooks.ts)',
  'ui-strings': 'interface strings per language, with the file identities they were read from (lib/store/glosses.ts)',
  'alignment-files': 'parsed alignment files by path and identity (lib/store/alignments.ts)',
  'hsk-data': 'the HSK word lists, loaded once (lib/store/hsk-data.ts)',
  'audio-cache-total': 'bytes in each audio cache folder, estimated between listings (lib/store/audio-cache.ts)',
  'accounts-cache': 'the parsed accounts file with its identity (lib/store/accounts.ts)',
  // Texts and their derived data (lib/library)
  'text-files': 'read texts by source path and language, bounded (lib/library/text-files.ts)',
  annotations: 'annotated blocks (bounded by a heap share) and whole results per text (lib/library/annotate-text.ts)',
  'group-commit': 'the queue of saves waiting to be committed together, per text (lib/library/group-commit.ts)',
  'fold-timers': 'the timer that folds each text’s journal into its files (lib/library/fold.ts)',
  'alignment-fold-timers': 'the same for alignment journals (lib/library/alignment-fold.ts)',
  'alignment-jobs': 'background alignment of whole texts, one after another (lib/library/alignment.ts)',
  'text-difficulty': 'HSK difficulty figures per text and section, and the queue computing them (lib/reading/text-difficulty.ts)',
  'export-files': 'finished export files and the export queue (lib/downloads/export-cache.ts)',
  'audio-running': 'syntheses running now, so one input is spoken once (lib/library/audio.ts)',
  // Dictionaries and speech
  segmenters: 'segmentit instances per word list, about 120 MB each (lib/annotate/segmenter.ts)',
  cedict: 'the CC-CEDICT dictionary, loaded once (lib/annotate/dictionary.ts)',
  'voice-queue': 'the speech synthesis queue (lib/speech/voice.ts)',
  // Indexes
  search: 'the in-heap search index and what it has indexed (lib/search/library-search.ts)',
  memory: 'the translation memory per target language (lib/memory/library-memory.ts)',
  'sentence-memory': 'the sentence-level memory per target language (lib/memory/library-sentences.ts)',
  database: 'the open index database (lib/db/open.ts)',
  // Requests and sign-in
  'session-registry': 'the session registry (epoch, revocations) and when it was last read (lib/auth/revocations.ts)',
  'sign-in-guard': 'failed sign-in attempts per account and client (lib/auth/request.ts)',
  'peer-nonce': 'the secret that marks the peer-address header as the server’s own (lib/auth/peer.ts)',
  'git-sync': 'the git sync engine, when a remote is configured (lib/gitsync/engine.ts)',
  // Outside lib/: the names are also read by code that cannot import this module
  'page-fingerprint': 'the page cache’s freshness check, set at start (app/_lib/page-fingerprint.ts, read by cache-handler.cjs)',
  'page-cache': 'the rendered pages kept by cache-handler.cjs',
} as const;

export type ProcessStateName = keyof typeof PROCESS_STATES;

type Holder = Record<symbol, unknown>;

function keyOf(name: ProcessStateName): symbol {
  return Symbol.for(`bilingual-reader.${name}`);
}

/** The process's value for `name`, made by `create` on first use. */
export function processState<T>(name: ProcessStateName, create: () => T): T {
  const holder = globalThis as unknown as Holder;
  const key = keyOf(name);
  if (holder[key] === undefined) holder[key] = create();
  return holder[key] as T;
}

/** The process's value for `name`, or undefined when none was made or set. */
export function peekProcessState<T>(name: ProcessStateName): T | undefined {
  return (globalThis as unknown as Holder)[keyOf(name)] as T | undefined;
}

/** Puts `value` in place for `name`; `undefined` forgets it, so the next use makes a fresh one. */
export function setProcessState<T>(name: ProcessStateName, value: T | undefined): void {
  const holder = globalThis as unknown as Holder;
  if (value === undefined) delete holder[keyOf(name)];
  else holder[keyOf(name)] = value;
}
