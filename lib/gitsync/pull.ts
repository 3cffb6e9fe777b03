import 'server-only';
import { glossRevision } from '@/lib/gloss/validate';
import { conflictFileSchema, serializeConflicts } from '@/lib/store/conflicts';
import { withTextLock } from '@/lib/store/lock';
import { readTreeFile, writeTreeFile } from '@/lib/store/tree-files';
import type { GitSyncConfig } from './config';
import { gitSucceeds, readBlob, runGit } from './git';
import { fileKind, mergeFileVersions } from './merge-file';
import { lastEditor, unionVersions, type ConflictFile } from './merge';
import { commitPaths, fetchRemote, remoteRef } from './repo';

/** What a pull brought: commits taken in, texts touched, paragraphs now in conflict. */
export interface PullReport {
  commits: number;
  texts: string[];
  conflicts: { slug: string; lang: string; key: string }[];
  /** Files both sides changed that cannot be merged by key (a source): ours was kept. */
  keptOurs: string[];
}

const NOTHING: PullReport = { commits: 0, texts: [], conflicts: [], keptOurs: [] };

function nulList(output: string): string[] {
  return output.split('\0').filter((p) => p.length > 0);
}

async function changedPaths(root: string, from: string | undefined, to: string): Promise<string[]> {
  if (from === undefined) return nulList(await runGit(root, ['ls-tree', '-r', '-z', '--name-only', to]));
  return nulList(await runGit(root, ['diff', '--name-only', '--no-renames', '-z', from, to]));
}

async function blobText(root: string, rev: string | undefined, file: string): Promise<string | undefined> {
  if (rev === undefined) return undefined;
  return (await readBlob(root, rev, file))?.toString('utf8');
}

/** Takes the locks of several texts, in one order (sorted) so two takers never wait on each other. */
async function withTextLocks<T>(slugs: readonly string[], task: () => Promise<T>): Promise<T> {
  const [first, ...rest] = slugs;
  if (first === undefined) return task();
  return withTextLock(first, () => withTextLocks(rest, task));
}

function slugOf(file: string): string | undefined {
  const kind = fileKind(file);
  return kind.kind === 'other' ? undefined : kind.slug;
}

/** Who wrote a side's changes to a key: its last history entry for it, or that side's last commit author on the file. */
async function authorOf(root: string, base: string | undefined, side: string, file: string, key: string): Promise<string> {
  const history = file.replace(/\.json$/, '.history.jsonl');
  const [sideHistory, baseHistory] = await Promise.all([blobText(root, side, history), blobText(root, base, history)]);
  const editor = lastEditor(sideHistory ?? '', baseHistory ?? '', key);
  if (editor) return editor;
  const range = base ? `${base}..${side}` : side;
  return (await runGit(root, ['log', '-1', '--format=%an', range, '--', file])).trim() || 'unknown';
}

/**
 * Fetches the remote and merges it into the data folder, text by text under each text's lock:
 * a file only the remote changed is taken as it is, a file both changed is merged by key (see
 * mergeFileVersions), and a paragraph both changed differently keeps our text and gains a
 * conflict entry with both versions. Every file is written atomically, so readers never see a
 * half-merged file. `beforeMerge(slug)` commits what the text holds that is not committed yet
 * (under its lock); `afterMerge(slugs)` replays the changed texts as a hand edit.
 */
export async function pullAndMerge(
  root: string,
  config: GitSyncConfig,
  hooks: { beforeMerge: (slug: string) => Promise<void>; afterMerge: (slugs: string[]) => Promise<void> },
): Promise<PullReport> {
  await fetchRemote(root, config);
  const theirsRef = remoteRef(config);
  if (!(await gitSucceeds(root, ['rev-parse', '--verify', '-q', theirsRef]))) return NOTHING;
  const theirs = (await runGit(root, ['rev-parse', theirsRef])).trim();
  if (await gitSucceeds(root, ['merge-base', '--is-ancestor', theirs, 'HEAD'])) return NOTHING;
  const base = (await runGit(root, ['merge-base', 'HEAD', theirs], { allowFailure: true })).trim() || undefined;
  const theirsChanged = await changedPaths(root, base, theirs);
  const slugs = [...new Set(theirsChanged.map(slugOf).filter((s): s is string => s !== undefined))].sort();
  const commits = Number((await runGit(root, ['rev-list', '--count', base ? `${base}..${theirs}` : theirs])).trim());

  return withTextLocks(slugs, async () => {
    for (const slug of slugs) await hooks.beforeMerge(slug);
    const ours = (await runGit(root, ['rev-parse', 'HEAD'])).trim();
    const oursChanged = new Set(await changedPaths(root, base, ours));
    const fastForward = await gitSucceeds(root, ['merge-base', '--is-ancestor', 'HEAD', theirs]);
    // Records the merge's parents; our tree stays as it is until the files below are written.
    if (!fastForward) await runGit(root, ['merge', '-q', '--no-ff', '--no-commit', '-s', 'ours', theirs]);
    const report: PullReport = { commits, texts: slugs, conflicts: [], keptOurs: [] };
    const newConflicts = new Map<string, ConflictFile>();
    for (const file of theirsChanged) {
      if (!oursChanged.has(file)) {
        await writeTreeFile(file, await readBlob(root, theirs, file));
        continue;
      }
      const [b, o, t] = await Promise.all([blobText(root, base, file), blobText(root, ours, file), blobText(root, theirs, file)]);
      const authors = new Map<string, string>();
      for (const side of ['ours', 'theirs'] as const) {
        // Authors are looked up only for keys that clash; a first pass finds them.
        const probe = mergeFileVersions(file, b, o, t, { authorOf: () => '', revisionOf: glossRevision });
        for (const key of probe.clashed)
          authors.set(`${side}\0${key}`, await authorOf(root, base, side === 'ours' ? ours : theirs, file, key));
      }
      const merged = mergeFileVersions(file, b, o, t, {
        authorOf: (side, key) => authors.get(`${side}\0${key}`) ?? 'unknown',
        revisionOf: glossRevision,
      });
      await writeTreeFile(file, merged.text);
      if (merged.keptOurs) report.keptOurs.push(file);
      if (merged.conflicts && merged.clashed.length > 0) {
        newConflicts.set(file.replace(/\.json$/, '.conflicts.json'), merged.conflicts);
        const kind = fileKind(file);
        if (kind.kind === 'glosses')
          for (const key of merged.clashed) report.conflicts.push({ slug: kind.slug, lang: kind.lang, key });
      }
    }
    for (const [file, added] of newConflicts) {
      const current = conflictFileSchema.safeParse(JSON.parse((await readTreeFile(file)) ?? '{}'));
      const recorded: ConflictFile = current.success ? current.data : {};
      for (const [key, entry] of Object.entries(added))
        recorded[key] = { versions: unionVersions(recorded[key]?.versions ?? [], entry.versions) };
      await writeTreeFile(file, serializeConflicts(recorded));
    }
    // The whole library is staged: a path that is gone on every side would make git refuse a list of paths.
    if (fastForward) {
      await runGit(root, ['add', '-A', '--', 'content', 'locales']);
      await runGit(root, ['reset', '-q', '--soft', theirs]);
      await commitPaths(root, ['content', 'locales'], {
        author: 'bilingual-reader',
        message: 'Paragraphs in conflict after a pull\n',
      });
    } else {
      await runGit(root, ['add', '-A', '--', 'content', 'locales']);
      await runGit(root, ['commit', '-q', '--no-verify', '-m', `Merge ${commits} commit(s) from the shared library`], {
        author: { name: 'bilingual-reader', email: 'server@bilingual-reader.invalid' },
      });
    }
    await hooks.afterMerge(slugs);
    return report;
  });
}
