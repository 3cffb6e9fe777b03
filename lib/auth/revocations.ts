import 'server-only';
import { randomBytes } from 'node:crypto';
import { DataFileError } from '@/lib/store/errors';
import { withLock } from '@/lib/store/lock';
import { readSessionRegistry, revokedSessionsStamp, writeSessionRegistry, type SessionRegistry } from '@/lib/store/sessions';
import { processState } from '@/lib/process-state';

/**
 * Revocations kept at most. Past it the ones that expire soonest are dropped and every session
 * expiring no later than they do is refused from then on (the registry's floor): a full list
 * signs some people out early, it never lets a signed-out cookie back in.
 */
export const MAX_REVOKED = 50_000;
/** How often the file is looked at for revocations made by another process. */
const RECHECK_MS = 1000;

interface RegistryCache {
  registry: SessionRegistry | undefined;
  /** The registry's revoked session ids, for a quick look-up on every request. */
  sids: Set<string>;
  /** The file is damaged: no session holds until it is fixed or removed. */
  damaged: DataFileError | undefined;
  stamp: string | undefined;
  checkedAt: number;
}

function cache(): RegistryCache {
  return processState<RegistryCache>('session-registry', () => ({
    registry: undefined,
    sids: new Set(),
    damaged: undefined,
    stamp: undefined,
    checkedAt: 0,
  }));
}

async function refresh(force = false): Promise<RegistryCache> {
  const state = cache();
  const now = Date.now();
  if (!force && state.stamp !== undefined && now - state.checkedAt < RECHECK_MS) return state;
  state.checkedAt = now;
  const stamp = await revokedSessionsStamp();
  if (stamp !== state.stamp || force) {
    try {
      keep(state, await readSessionRegistry());
      state.damaged = undefined;
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      keep(state, undefined);
      state.damaged = error;
    }
    state.stamp = stamp;
  }
  return state;
}

function keep(state: RegistryCache, registry: SessionRegistry | undefined): void {
  state.registry = registry;
  state.sids = new Set(registry?.revoked.map((entry) => entry.sid));
}

/**
 * The epoch a new session is opened in, creating the registry when there is none. Throws the
 * DataFileError of a damaged file, or the error of a `.sessions/` folder that cannot be written.
 */
export async function sessionEpoch(): Promise<string> {
  return withLock('sessions:registry', async () => {
    const state = await refresh(true);
    if (state.damaged) throw state.damaged;
    if (state.registry) return state.registry.epoch;
    const registry: SessionRegistry = { epoch: randomBytes(16).toString('base64url'), floor: 0, revoked: [] };
    await writeSessionRegistry(registry);
    keep(state, registry);
    state.stamp = await revokedSessionsStamp();
    return registry.epoch;
  });
}

/**
 * Whether a session no longer holds on this server's side: signed out (here or by another process
 * on the same data folder), opened in another epoch (the registry was lost or replaced), below
 * the floor, or the registry is damaged. Fails closed: without a sound registry no session holds.
 */
export async function isRevoked(session: { sid: string; ep: string; expires: number }): Promise<boolean> {
  const { registry, damaged, sids } = await refresh();
  if (damaged || !registry) return true;
  if (session.ep !== registry.epoch || session.expires <= registry.floor) return true;
  return sids.has(session.sid);
}

/**
 * Signs one session out for good: every copy of its cookie stops working, across restarts.
 * Throws the DataFileError of a damaged file, or the error of a `.sessions/` folder that cannot be written.
 */
export async function revokeSession(sid: string, expires: number): Promise<void> {
  await withLock('sessions:registry', async () => {
    const state = await refresh(true);
    if (state.damaged) throw state.damaged;
    // No registry: no session holds, there is nothing to sign out.
    if (!state.registry) return;
    const now = Date.now();
    const kept = state.registry.revoked.filter((entry) => entry.expires > now && entry.sid !== sid);
    kept.push({ sid, expires });
    kept.sort((a, b) => b.expires - a.expires);
    const dropped = kept.splice(MAX_REVOKED);
    const floor = Math.max(state.registry.floor, ...dropped.map((entry) => entry.expires));
    const registry: SessionRegistry = { epoch: state.registry.epoch, floor, revoked: kept };
    await writeSessionRegistry(registry);
    keep(state, registry);
    state.stamp = await revokedSessionsStamp();
  });
}
