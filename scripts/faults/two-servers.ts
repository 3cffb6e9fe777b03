// A round of `npm run test:faults`: two servers on one data folder, clients saving through both
// at once. No save answered 200 may be lost or lack its history entry; saves of one block
// through different servers are ordered by their base revisions (a stale one gets 409).
import { rmSync } from 'node:fs';
import { startServer, type RunningServer } from '../lib/next-server';
import { blockIds, check, copyData, historyTexts, readGlosses, revisions, save, serverEnv } from './common';

const CLIENTS = 6;
const SECONDS = 3;

export async function twoServersRound() {
  const data = copyData();
  const servers: RunningServer[] = [];
  try {
    const env = serverEnv(data);
    servers.push(await startServer(env), await startServer(env));
    const origins = servers.map((s) => s.origin);
    const ids = blockIds(data);
    const shared = ids.slice(0, 2);
    const owned = ids.slice(2);
    const base = await revisions(origins[0] ?? '');
    const acknowledged = new Map<string, string>();
    const answeredTexts: string[] = [];
    let conflicts = 0;
    let failures = 0;
    const deadline = Date.now() + SECONDS * 1000;

    const client = async (c: number) => {
      const mine = owned.filter((_, i) => i % CLIENTS === c);
      const known = new Map(base);
      for (let n = 0; Date.now() < deadline; n += 1) {
        // Every third save goes to a block all clients share, through alternating servers.
        const id = n % 3 === 2 ? (shared[n % shared.length] ?? '') : (mine[n % mine.length] ?? '');
        const origin = origins[(c + n) % origins.length] ?? '';
        const text = `Two servers: client ${c}, save ${n} of ${id}.`;
        const answer = await save(origin, id, text, known.get(id) ?? '', `client-${c}`);
        if (answer.status === 200 && answer.body?.revision) {
          known.set(id, answer.body.revision);
          answeredTexts.push(text);
          if (!shared.includes(id)) acknowledged.set(id, text);
        } else if (answer.status === 409) {
          conflicts += 1;
          const current = (answer.body as { current?: { revision: string } } | undefined)?.current;
          if (current) known.set(id, current.revision);
        } else failures += 1;
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

    const onDisk = readGlosses(data);
    const lost = [...acknowledged].filter(([id, text]) => onDisk[id] !== text);
    const history = historyTexts(data);
    const unrecorded = answeredTexts.filter((text) => !history.has(text));
    console.log(
      `two servers: ${answeredTexts.length} saves answered 200, ${conflicts} conflicts (409), ${failures} other answers`,
    );
    check('two servers: saves were answered 200 through both', answeredTexts.length > 20, `${answeredTexts.length} saves`);
    check('two servers: no other answers than 200 and 409', failures === 0, `${failures} others`);
    check(
      'two servers: every save answered 200 is on disk',
      lost.length === 0,
      `${lost.length} lost: ${lost
        .map(([id]) => id)
        .slice(0, 5)
        .join(', ')}`,
    );
    check('two servers: every save answered 200 has its history entry', unrecorded.length === 0, `${unrecorded.length} without`);
    const sharedOk = shared.every((id) => answeredTexts.includes(onDisk[id] ?? '') || onDisk[id] === undefined);
    check('two servers: each shared block holds a text that was answered 200', sharedOk);
  } catch (error) {
    check('two servers: the round finished', false, error instanceof Error ? error.message : String(error));
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(data, { recursive: true, force: true });
  }
}
