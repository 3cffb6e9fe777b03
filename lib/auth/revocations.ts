import 'server-only';
import { readRevokedSessions, revokedSessionsStamp, writeRevokedSessions } from '@/lib/store/sessions';
import { withLock } from '@/lib/store/lock';

/** Revocations kept at most; beyond it the ones that expire soonest are forgotten first. */
export const MAX_REVOKED = 50_000;
/** How often the file is looked at for revocations made by another process. */
const RECHECK_MS = 1000;

interface RevocationCache {
  sids: Map<string, number>;
  stamp: string | undefined;
  checkedAt: number;
}

const CACHE = Symbol.for('bilingual-reader.revoked-sessions');

function cache(): RevocationCache {
  const global = globalThis as typeof globalThis & { [CACHE]?: RevocationCache };
  global[CACHE] ??= { sids: new Map(), stamp: undefined, checkedAt: 0 };
  return global[CACHE];
}

async function refresh(force = false): Promise<RevocationCache> {
  const state = cache();
  const now = Date.now();
  if (!force && state.stamp !== undefined && now - state.checkedAt < RECHECK_MS) return state;
  state.checkedAt = now;
  const stamp = await revokedSessionsStamp();
  if (stamp !== state.stamp) {
    state.sids = new Map((await readRevokedSessions()).map((entry) => [entry.sid, entry.expires]));
    state.stamp = stamp;
  }
  return state;
}

/** Whether a session was signed out (here or by another process on the same data folder). */
export async function isRevoked(sid: string): Promise<boolean> {
  return (await refresh()).sids.has(sid);
}

/** Signs one session out for good: every copy of its cookie stops working, across restarts. */
export async function revokeSession(sid: string, expires: number): Promise<void> {
  await withLock('sessions:revoked', async () => {
    const state = await refresh(true);
    const now = Date.now();
    const kept = [...state.sids].filter(([, until]) => until > now);
    kept.push([sid, expires]);
    kept.sort((a, b) => b[1] - a[1]);
    const entries = kept.slice(0, MAX_REVOKED).map(([id, until]) => ({ sid: id, expires: until }));
    await writeRevokedSessions(entries);
    state.sids = new Map(entries.map((entry) => [entry.sid, entry.expires]));
    state.stamp = await revokedSessionsStamp();
  });
}
