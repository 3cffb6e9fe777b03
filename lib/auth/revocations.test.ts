// Sessions fail closed when the registry (.sessions/revoked.json) is lost, replaced, damaged or full.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import type { AuthConfig } from './config';
import { hashPassword } from './passwords';
import { authorizeEdit } from './request';
import { credentialFingerprint, encodeSession, SESSION_COOKIE, type Session } from './session';
import { setProcessState } from '@/lib/process-state';

const SECRET = 'test-secret';
const EPOCH = 'test-epoch-0123456789';
const ANN_HASH = hashPassword('correct horse', Buffer.alloc(16, 1));
const base: AuthConfig = {
  mode: 'accounts',
  accounts: [{ name: 'ann', role: 'admin', passwordHash: ANN_HASH }],
  secret: SECRET,
};

let data: ReturnType<typeof makeDataDir>;
beforeAll(() => {
  data = makeDataDir();
});
afterAll(() => data.dispose());
const freshProcess = () => setProcessState('session-registry', undefined);
beforeEach(() => {
  data.write('.sessions/revoked.json', JSON.stringify({ epoch: EPOCH, floor: 0, revoked: [] }));
  freshProcess();
});

const cookieFor = (session: Partial<Session> = {}) =>
  `${SESSION_COOKIE}=${encodeSession(
    {
      name: 'ann',
      role: 'admin',
      expires: Date.now() + 3_600_000,
      sid: 'sid-ann',
      via: 'account',
      fp: credentialFingerprint(ANN_HASH, SECRET),
      ep: EPOCH,
      ...session,
    },
    SECRET,
  )}`;
const edit = (config: AuthConfig, cookie: string) =>
  authorizeEdit(
    new Request('http://localhost:3000/api/x', { method: 'PUT', headers: { cookie, origin: 'http://localhost:3000' } }),
    config,
  );

describe('the session registry fails closed', () => {
  // Before: deleting revoked.json revived every signed-out cookie; now it ends every session.
  const lost = [
    { name: 'the registry deleted', damage: () => rmSync(data.file('.sessions/revoked.json')) },
    { name: 'the registry replaced by the old list format', damage: () => data.write('.sessions/revoked.json', '[]') },
    {
      name: 'the registry replaced with another epoch',
      damage: () =>
        data.write('.sessions/revoked.json', JSON.stringify({ epoch: 'another-epoch-0123456', floor: 0, revoked: [] })),
    },
    { name: 'the registry damaged', damage: () => data.write('.sessions/revoked.json', '{ "epoch": ') },
  ];
  it.each(lost)('$name: no session holds (fails closed)', async ({ damage }) => {
    const cookie = cookieFor({ sid: 'sid-kept' });
    expect((await edit(base, cookie)).ok).toBe(true);
    damage();
    freshProcess();
    expect(await edit(base, cookie)).toMatchObject({ ok: false, kind: 'signed-out' });
  });

  it('a full list of revocations signs the soonest-expiring sessions out instead of forgetting a revocation', async () => {
    const { MAX_REVOKED, revokeSession } = await import('./revocations');
    const now = Date.now();
    const revoked = Array.from({ length: MAX_REVOKED }, (_, i) => ({ sid: `old-${i}`, expires: now + 7_200_000 + i }));
    data.write('.sessions/revoked.json', JSON.stringify({ epoch: EPOCH, floor: 0, revoked }));
    freshProcess();
    const soon = now + 1_800_000;
    const cookie = cookieFor({ sid: 'sid-soon', expires: soon });
    expect((await edit(base, cookie)).ok).toBe(true);
    await revokeSession('sid-soon', soon);
    // The list is full: the newest revocation expires soonest and is dropped, but the floor keeps it out.
    expect(await edit(base, cookie)).toMatchObject({ ok: false, kind: 'signed-out' });
    expect(await edit(base, cookieFor({ sid: 'sid-other-early', expires: soon - 1 }))).toMatchObject({
      ok: false,
      kind: 'signed-out',
    });
    expect((await edit(base, cookieFor({ sid: 'sid-later', expires: now + 3_600_000 }))).ok).toBe(true);
    const file = JSON.parse(readFileSync(data.file('.sessions/revoked.json'), 'utf8')) as { floor: number; revoked: unknown[] };
    expect(file.floor).toBe(soon);
    expect(file.revoked).toHaveLength(MAX_REVOKED);
  });
});
