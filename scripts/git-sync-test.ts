// `npm run test:gitsync`: two servers, each with its own clone, and a bare repository on disk
// as the shared remote. Concurrent saves on both end up on both and in the remote; the same
// paragraph changed on both becomes a conflict with both texts, resolved by a save; a server
// killed right after its saves were answered loses none of them. Prints the time from a save on
// one server to its visibility on the other. Needs a build (.next-e2e, or NEXT_DIST_DIR).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from './lib/next-server';
import { blockIds, check, checks, copyData, revisions, save, serverEnv, SLUG } from './faults/common';

const SECRET = 'git-sync-test-secret';
// Generous: on a busy machine one git command can take a second.
const WAIT_MS = 90_000;

interface Block {
  id: string;
  en: string | null;
  conflict?: { versions: { text: string; author: string; revision: string }[] };
}

function env(data: string, remote: string): NodeJS.ProcessEnv {
  return {
    ...serverEnv(data),
    BILINGUAL_GIT_REMOTE: remote,
    BILINGUAL_GIT_PULL_S: '1',
    BILINGUAL_GIT_COMMIT_QUIET_S: '0.3',
    BILINGUAL_SYNC_SECRET: SECRET,
  };
}

async function blocks(origin: string): Promise<Map<string, Block>> {
  const text = (await (await fetch(`${origin}/api/texts/${SLUG}`)).json()) as { blocks: Block[] };
  return new Map(text.blocks.map((b) => [b.id, b]));
}

/** Polls `test` every 100 ms until it holds or `ms` pass; resolves with the time it took, or undefined. */
async function until(test: () => Promise<boolean>, ms: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await test()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

function remoteGlosses(remote: string): Record<string, string> {
  const text = execFileSync('git', ['--git-dir', remote, 'show', `main:locales/en/${SLUG}.json`], { encoding: 'utf8' });
  return JSON.parse(text) as Record<string, string>;
}

async function sync(origin: string, token?: string): Promise<number> {
  const response = await fetch(`${origin}/api/sync`, {
    method: 'POST',
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return response.status;
}

async function main() {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next-e2e';
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) throw new Error(`No build in ${distDir}: run next build first`);
  const root = mkdtempSync(path.join(tmpdir(), 'bilingual-gitsync-'));
  const remote = path.join(root, 'library.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remote]);
  const dataA = copyData(path.join(root, 'a'));
  const dataB = path.join(root, 'b');
  mkdirSync(dataB);
  const servers: RunningServer[] = [];
  const started = Date.now();
  try {
    let a = await startServer(env(dataA, remote));
    servers.push(a);
    // B starts on an empty folder once A has seeded the remote: it clones it.
    const b = await startServer(env(dataB, remote));
    servers.push(b);
    check(
      'the second server cloned the library',
      existsSync(path.join(dataB, 'content', `${SLUG}.md`)) || existsSync(path.join(dataB, 'content')),
    );

    check('POST /api/sync without the secret is 401', (await sync(a.origin)) === 401);
    check('POST /api/sync with a wrong secret is 403', (await sync(a.origin, 'nope')) === 403);
    check('POST /api/sync with the secret is 200', (await sync(a.origin, SECRET)) === 200);

    // Concurrent saves: each server its own paragraphs, at the same time.
    const ids = blockIds(dataA).slice(0, 16);
    const [revA, revB] = await Promise.all([revisions(a.origin), revisions(b.origin)]);
    const wanted = new Map<string, string>();
    const answers = await Promise.all(
      ids.map((id, i) => {
        const server = i % 2 === 0 ? a : b;
        const text = `Saved on ${i % 2 === 0 ? 'A' : 'B'}, paragraph ${i}, at ${Date.now()}`;
        wanted.set(id, text);
        return save(server.origin, id, text, (i % 2 === 0 ? revA : revB).get(id) ?? '', i % 2 === 0 ? 'ann' : 'bo');
      }),
    );
    const acknowledged = ids.filter((_, i) => answers[i]?.status === 200);
    check('every concurrent save was answered 200', acknowledged.length === ids.length, `${acknowledged.length}/${ids.length}`);
    const shown = (origin: string) => async () => {
      const now = await blocks(origin);
      return acknowledged.every((id) => now.get(id)?.en === wanted.get(id));
    };
    const visibleB = await until(shown(b.origin), WAIT_MS);
    const visibleA = await until(shown(a.origin), WAIT_MS);
    check('both servers show every acknowledged save', visibleA !== undefined && visibleB !== undefined);
    console.log(`  save → visible on the other server: ${visibleB ?? '—'} ms (B), ${visibleA ?? '—'} ms (A), pull every 1 s`);
    const inRemote = await until(async () => {
      const stored = remoteGlosses(remote);
      return acknowledged.every((id) => stored[id] === wanted.get(id));
    }, WAIT_MS);
    check('the remote holds every acknowledged save', inRemote !== undefined);

    // The same paragraph on both: a conflict keeping both texts.
    const contested = blockIds(dataA)[20] ?? '';
    const [baseA, baseB] = await Promise.all([revisions(a.origin), revisions(b.origin)]);
    const [onA, onB] = await Promise.all([
      save(a.origin, contested, 'The version written on A', baseA.get(contested) ?? '', 'ann'),
      save(b.origin, contested, 'The version written on B', baseB.get(contested) ?? '', 'bo'),
    ]);
    check('both conflicting saves were answered 200', onA.status === 200 && onB.status === 200);
    const bothTexts = (origin: string) => async () => {
      const versions = (await blocks(origin)).get(contested)?.conflict?.versions ?? [];
      const texts = versions.map((v) => v.text);
      return texts.includes('The version written on A') && texts.includes('The version written on B');
    };
    const conflictA = await until(bothTexts(a.origin), WAIT_MS);
    const conflictB = await until(bothTexts(b.origin), WAIT_MS);
    check(
      'the paragraph changed on both is a conflict with both texts, on both servers',
      conflictA !== undefined && conflictB !== undefined,
    );
    const versions = (await blocks(a.origin)).get(contested)?.conflict?.versions ?? [];
    check(
      'each version names its author',
      versions.some((v) => v.author === 'ann') && versions.some((v) => v.author === 'bo'),
      JSON.stringify(versions),
    );
    // Resolved by a save of the merged text on B: the conflict is gone on both.
    const current = (await blocks(b.origin)).get(contested);
    const resolvedRev = (await revisions(b.origin)).get(contested) ?? '';
    const resolution = await save(b.origin, contested, 'The merged version', resolvedRev, 'bo');
    check('a save resolves the conflict', resolution.status === 200, `${resolution.status} ${JSON.stringify(current?.en)}`);
    const goneBoth = await until(async () => {
      const [x, y] = await Promise.all([blocks(a.origin), blocks(b.origin)]);
      return [x, y].every((m) => m.get(contested)?.conflict === undefined && m.get(contested)?.en === 'The merged version');
    }, WAIT_MS);
    check('the resolution reaches both servers and the conflict is gone', goneBoth !== undefined);

    // A storm: both servers save at once, ten paragraphs each, four of them the same paragraphs.
    const pool = blockIds(dataA).slice(40, 56);
    const [stormA, stormB] = [pool.slice(0, 10), pool.slice(6, 16)];
    const [revStormA, revStormB] = await Promise.all([revisions(a.origin), revisions(b.origin)]);
    const stormSaves = [
      ...stormA.map((id) => ({ server: a, id, text: `Storm A ${id}`, base: revStormA.get(id) ?? '', editor: 'ann' })),
      ...stormB.map((id) => ({ server: b, id, text: `Storm B ${id}`, base: revStormB.get(id) ?? '', editor: 'bo' })),
    ];
    const stormAnswers = await Promise.all(stormSaves.map((x) => save(x.server.origin, x.id, x.text, x.base, x.editor)));
    const stormAcked = stormSaves.filter((_, i) => stormAnswers[i]?.status === 200);
    const settled = async () => {
      const [x, y] = await Promise.all([blocks(a.origin), blocks(b.origin)]);
      return pool.every((id) => JSON.stringify(x.get(id)) === JSON.stringify(y.get(id)));
    };
    await sync(a.origin, SECRET);
    await sync(b.origin, SECRET);
    const stormSettled = await until(settled, WAIT_MS);
    const finalBlocks = await blocks(a.origin);
    const lost = stormAcked.filter((x) => {
      const block = finalBlocks.get(x.id);
      return block?.en !== x.text && !(block?.conflict?.versions ?? []).some((v) => v.text === x.text);
    });
    const stormConflicts = pool.filter((id) => finalBlocks.get(id)?.conflict !== undefined).length;
    check(
      'a concurrent storm settles alike on both servers and loses no acknowledged save',
      stormSettled !== undefined && lost.length === 0,
    );
    console.log(
      `  storm: ${stormAcked.length}/${stormSaves.length} saves acknowledged, ${lost.length} lost, ${stormConflicts} paragraphs in conflict (4 saved on both)`,
    );

    // Killed right after its saves were answered: nothing acknowledged is lost.
    const killIds = blockIds(dataA).slice(30, 36);
    const revKill = await revisions(a.origin);
    const killAnswers = await Promise.all(
      killIds.map((id) => save(a.origin, id, `Before the kill: ${id}`, revKill.get(id) ?? '', 'ann')),
    );
    await new Promise((resolve) => setTimeout(resolve, 250)); // inside the quiet spell: the commit is about to start
    await a.stop('SIGKILL');
    servers.splice(servers.indexOf(a), 1);
    const answered = killIds.filter((_, i) => killAnswers[i]?.status === 200);
    a = await startServer(env(dataA, remote));
    servers.push(a);
    const kept = await until(async () => {
      const stored = remoteGlosses(remote);
      return answered.every((id) => stored[id] === `Before the kill: ${id}`);
    }, WAIT_MS);
    check(
      'a server killed mid-commit loses nothing it acknowledged: the remote has it after the restart',
      kept !== undefined && answered.length > 0,
    );
  } finally {
    for (const server of servers) await server.stop();
    if (checks.every((c) => c.ok)) rmSync(root, { recursive: true, force: true });
    else console.log(`Data kept for a look: ${root}`);
  }
  const failed = checks.filter((c) => !c.ok);
  console.log(
    `git sync: ${checks.length - failed.length} passed, ${failed.length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  process.exit(failed.length > 0 ? 1 : 0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
