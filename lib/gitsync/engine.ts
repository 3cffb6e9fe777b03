import 'server-only';
import { foldJournal } from '@/lib/library/fold';
import { syncText } from '@/lib/library/sync';
import { textLanguages } from '@/lib/store/languages';
import { withLock, withTextLock } from '@/lib/store/lock';
import { dataRoot } from '@/lib/store/paths';
import { findSource, listSources } from '@/lib/store/sources';
import { onStoreWrite, type StoreWrite } from '@/lib/store/write-hooks';
import { commitMessage, dueBatches, nextDueIn, noteChange, type PendingBatch } from './batch';
import { parseGitSyncConfig, type GitSyncConfig } from './config';
import { pullAndMerge, type PullReport } from './pull';
import { aheadOfRemote, commitPaths, ensureClone, pushToRemote, textPathspecs } from './repo';
import { peekProcessState, setProcessState } from '@/lib/process-state';

/**
 * Git sync for one server: commits the library's changes in batches per text with their authors'
 * names, pushes them, pulls and merges the remote's on an interval and on demand. One engine per
 * process (lib/process-state.ts); none at all
 * without BILINGUAL_GIT_REMOTE.
 */
interface Engine {
  config: GitSyncConfig;
  root: string;
  pending: Map<string, PendingBatch>;
  commitTimer?: NodeJS.Timeout;
  pullTimer?: NodeJS.Timeout;
  stopListening: () => void;
  lastError?: string;
}

const PUSH_TRIES = 5;
const COMMIT_RETRY_MS = 10_000;

function current(): Engine | undefined {
  return peekProcessState<Engine>('git-sync');
}

function setCurrent(engine: Engine | undefined): void {
  setProcessState('git-sync', engine);
}

/** Whether this server syncs through git. */
export function gitSyncEnabled(): boolean {
  return current() !== undefined;
}

/** The secret `POST /api/sync` must carry; undefined when none is set. */
export function gitSyncSecret(): string | undefined {
  return current()?.config.secret;
}

/** One git operation at a time in this process: commits, pulls and pushes never overlap. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  return withLock('git-sync', task);
}

async function foldAll(slug: string): Promise<void> {
  for (const lang of await textLanguages(slug)) await foldJournal(slug, lang);
}

/** Commits one text's changes (its journals folded first), under its lock, and forgets its batch. */
async function commitText(engine: Engine, slug: string): Promise<void> {
  await withTextLock(slug, async () => {
    await foldAll(slug);
    const batch = engine.pending.get(slug) ?? { slug, authors: ['bilingual-reader'], first: 0, last: 0 };
    await commitPaths(engine.root, textPathspecs(slug), commitMessage(batch));
    engine.pending.delete(slug);
  });
}

async function replay(slugs: string[]): Promise<void> {
  for (const slug of slugs) {
    const source = await findSource(slug);
    if (source) await syncText(source);
  }
}

async function pull(engine: Engine): Promise<PullReport> {
  const report = await pullAndMerge(engine.root, engine.config, {
    beforeMerge: (slug) => commitText(engine, slug),
    afterMerge: async (slugs) => {
      await replay(slugs);
      // What the replay rewrote (key order, a ledger after a changed source) is committed too.
      await commitPaths(engine.root, ['content', 'locales'], {
        author: 'bilingual-reader',
        message: 'Texts brought up to date after a pull\n',
      });
    },
  });
  if (report.conflicts.length > 0)
    console.warn(
      `Git sync: ${report.conflicts.length} paragraph(s) changed on two servers are in conflict, both versions kept:`,
      report.conflicts,
    );
  if (report.keptOurs.length > 0) console.warn('Git sync: files changed on both sides kept as they are here:', report.keptOurs);
  return report;
}

/** Pushes, and when the remote moved on, pulls and tries again (a few times). Returns whether the remote has everything. */
async function push(engine: Engine): Promise<boolean> {
  for (let attempt = 0; attempt < PUSH_TRIES; attempt++) {
    if (!(await aheadOfRemote(engine.root, engine.config))) return true;
    if (await pushToRemote(engine.root, engine.config)) return true;
    await pull(engine);
  }
  return false;
}

function scheduleCommit(engine: Engine): void {
  if (engine.commitTimer) clearTimeout(engine.commitTimer);
  const delay = nextDueIn(engine.pending, Date.now(), engine.config.quietSeconds * 1000, engine.config.atMostSeconds * 1000);
  if (delay === undefined) return;
  engine.commitTimer = setTimeout(() => {
    engine.commitTimer = undefined;
    void commitDue(engine, false).catch((error: unknown) => {
      report(engine, 'commit', error);
      // Tried again later; the changes stay in the files, and the pending batches stay too.
      engine.commitTimer = setTimeout(() => scheduleCommit(engine), COMMIT_RETRY_MS);
      engine.commitTimer.unref();
    });
  }, delay);
  engine.commitTimer.unref();
}

function report(engine: Engine, what: string, error: unknown): void {
  engine.lastError = `${what}: ${error instanceof Error ? error.message : String(error)}`;
  console.error(`Git sync could not ${what} (tried again later; nothing acknowledged is lost, it stays in the files):`, error);
}

async function commitDue(engine: Engine, all: boolean): Promise<void> {
  await serial(async () => {
    const due = all
      ? [...engine.pending.values()]
      : dueBatches(engine.pending, Date.now(), engine.config.quietSeconds * 1000, engine.config.atMostSeconds * 1000);
    for (const batch of due) await commitText(engine, batch.slug);
    if (due.length > 0) await push(engine);
  });
  scheduleCommit(engine);
}

/**
 * A store write: the text's batch takes the change (the save itself already removed the conflict
 * of a saved paragraph, lib/library/edit.ts, so the resolution is committed with it).
 */
function onWrite(engine: Engine, write: StoreWrite): void {
  for (const author of write.authors.length > 0 ? write.authors : ['bilingual-reader'])
    engine.pending = noteChange(engine.pending, write.slug, author, Date.now());
  scheduleCommit(engine);
}

/**
 * Pulls and merges, then pushes: the interval and `POST /api/sync`. With `commitAll` (on demand:
 * the webhook) every change not yet committed is committed first; otherwise batches keep their
 * quiet spell, and only a text the remote changed is committed before its merge.
 */
export async function syncNow({ commitAll = true }: { commitAll?: boolean } = {}): Promise<
  { configured: false } | { configured: true; pulled: PullReport; pushed: boolean }
> {
  const engine = current();
  if (!engine) return { configured: false };
  return serial(async () => {
    if (commitAll) for (const slug of [...engine.pending.keys()]) await commitText(engine, slug);
    const pulled = await pull(engine);
    const pushed = await push(engine);
    engine.lastError = undefined;
    return { configured: true as const, pulled, pushed };
  });
}

/**
 * Starts git sync when BILINGUAL_GIT_REMOTE is set: makes the data folder a clone, commits what
 * a stopped server left (journals folded first), pulls, pushes, then listens to store writes and
 * pulls every BILINGUAL_GIT_PULL_S. Without the setting it does nothing and costs nothing.
 * Throws on settings that are set but wrong, so a server never runs unsynced by mistake.
 */
export async function startGitSync(env: Record<string, string | undefined> = process.env): Promise<string | undefined> {
  const settings = parseGitSyncConfig(env);
  if (!settings.enabled) {
    if ('error' in settings) throw new Error(`Git sync: ${settings.error}`);
    return undefined;
  }
  stopGitSync();
  const root = dataRoot();
  const how = await ensureClone(root, settings.config);
  const engine: Engine = { config: settings.config, root, pending: new Map(), stopListening: () => undefined };
  setCurrent(engine);
  engine.stopListening = onStoreWrite((write) => onWrite(engine, write));
  // Saves a killed server acknowledged but never committed are in its files and journals.
  const { sources } = await listSources();
  for (const { slug } of sources) await withTextLock(slug, () => foldAll(slug));
  await serial(async () => {
    await commitPaths(root, ['content', 'locales'], { author: 'bilingual-reader', message: 'Changes found at start\n' });
  });
  await syncNow();
  schedulePull(engine);
  return how;
}

/** The next pull, BILINGUAL_GIT_PULL_S after the last one ended: pulls never pile up behind a slow one. */
function schedulePull(engine: Engine): void {
  engine.pullTimer = setTimeout(() => {
    void syncNow({ commitAll: false })
      .catch((error: unknown) => report(engine, 'pull', error))
      .finally(() => {
        if (current() === engine) schedulePull(engine);
      });
  }, engine.config.pullSeconds * 1000);
  engine.pullTimer.unref();
}

/** Stops the timers and the listener (tests, and a restart on another folder). */
export function stopGitSync(): void {
  const engine = current();
  if (!engine) return;
  if (engine.commitTimer) clearTimeout(engine.commitTimer);
  if (engine.pullTimer) clearTimeout(engine.pullTimer);
  engine.stopListening();
  setCurrent(undefined);
}

/** Commits every pending batch now and pushes (on demand; tests). */
export async function commitNow(): Promise<void> {
  const engine = current();
  if (engine) await commitDue(engine, true);
}
