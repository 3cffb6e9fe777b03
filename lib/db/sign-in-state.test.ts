// The sign-in state kept in the database for servers sharing DATABASE_URL, on both engines: the
// same cases as the heap's counters (lib/auth/attempts.test.ts) and the file registry.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '@/lib/auth/accounts';
import { SignInGuard, type AttemptPolicy } from '@/lib/auth/attempts';
import { newAccountFile, type StoredAccount } from '@/lib/store/accounts';
import { ACCOUNTS_NAME, SqlAccountStore } from './account-store';
import type { Database } from './database';
import { SqlSessionRegistry } from './session-registry';
import { SqlAttemptCounter } from './sign-in-failures';
import { OPEN_TIMEOUT_MS, testEngines } from './test-engines';

const policy: AttemptPolicy = { free: 2, baseMs: 1000, maxMs: 8000, forgetMs: 60_000, maxEntries: 3 };
const HASH = `scrypt$${'a'.repeat(22)}$${'b'.repeat(43)}`;

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

for (const engine of testEngines()) {
  describe.skipIf(engine.skip !== undefined)(`sign-in state on ${engine.name}`, () => {
    let db: Database;
    let scopes = 0;
    beforeAll(async () => {
      db = await engine.open();
    }, OPEN_TIMEOUT_MS);
    afterAll(async () => {
      await db?.close();
    });
    beforeEach(async () => {
      for (const table of ['sign_in_failures', 'revoked_sessions', 'session_registry', 'account_file'])
        await db.query(`DELETE FROM ${table}`);
    });
    const counterAt = (now: () => number, given = policy) => new SqlAttemptCounter(db, `scope${scopes++}`, given, now);

    describe('failed attempts', () => {
      it('lets the free failures through, then doubles the wait up to the cap', async () => {
        const time = clock();
        const counter = counterAt(time.now);
        const waits = [];
        for (let i = 0; i < 7; i += 1) waits.push((await counter.count('ann')).waitMs);
        expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000]);
        expect(await counter.waitMs('ann')).toBe(8000);
        time.advance(3000);
        expect(await counter.waitMs('ann')).toBe(5000);
      });

      it('counts nothing while a wait runs when asked to count only then', async () => {
        const time = clock();
        const counter = counterAt(time.now);
        for (let i = 0; i < 3; i += 1) await counter.count('ann', { unlessWaiting: true });
        expect(await counter.count('ann', { unlessWaiting: true })).toEqual({ counted: false, waitMs: 1000 });
        time.advance(1000);
        expect(await counter.count('ann', { unlessWaiting: true })).toEqual({ counted: true, waitMs: 2000 });
      });

      const resets = [
        { name: 'a quiet spell', reset: (c: SqlAttemptCounter, time: ReturnType<typeof clock>) => time.advance(61_000) },
        { name: 'clear', reset: (c: SqlAttemptCounter) => c.clear('ann') },
      ];
      it.each(resets)('forgets a key after $name', async ({ reset }) => {
        const time = clock();
        const counter = counterAt(time.now);
        for (let i = 0; i < 4; i += 1) await counter.count('ann');
        time.advance(8000);
        await reset(counter, time);
        expect(await counter.waitMs('ann')).toBe(0);
        expect(await counter.count('ann')).toEqual({ counted: true, waitMs: 0 });
      });

      it('forgive takes one failure back', async () => {
        const counter = counterAt(clock().now);
        for (let i = 0; i < 2; i += 1) await counter.count('ann');
        await counter.forgive('ann');
        expect((await counter.count('ann')).waitMs).toBe(0);
        expect((await counter.count('ann')).waitMs).toBe(1000);
      });

      it('keeps at most maxEntries keys once pruned, the least recently failed dropped', async () => {
        const time = clock();
        const counter = counterAt(time.now);
        for (const key of ['a', 'b', 'c', 'a', 'd']) {
          for (let i = 0; i < 3; i += 1) await counter.count(key);
          time.advance(10);
        }
        await counter.prune(time.now(), true);
        expect(await counter.size()).toBe(3);
        expect(await counter.waitMs('b')).toBe(0);
        expect(await counter.waitMs('a')).toBeGreaterThan(0);
      });

      const begun = [
        { attempts: 6, checked: 6 },
        { attempts: 30, checked: 6 },
      ];
      it.each(begun)('$attempts attempts begun at once: $checked are let through', async ({ attempts, checked }) => {
        const now = clock().now;
        const loose = { free: 5, baseMs: 1000, maxMs: 8000, forgetMs: 60_000, maxEntries: 100 };
        const guard = new SignInGuard({
          pair: counterAt(now, loose),
          client: counterAt(now, loose),
          account: counterAt(now, loose),
        });
        const attempt = { account: 'account:ann', client: '203.0.113.1' };
        const results = await Promise.all(Array.from({ length: attempts }, () => guard.begin(attempt)));
        expect(results.filter((r) => r.ok).length).toBe(checked);
      });
    });

    describe('the session registry', () => {
      const registryAt = (now: () => number, maxRevoked = 3) =>
        new SqlSessionRegistry(db, { now, maxRevoked, recheckMs: 1000, log: () => undefined });
      const hour = 3_600_000;

      it('without a registry no session holds; the first epoch made is every server’s', async () => {
        const time = clock();
        const registry = registryAt(time.now);
        expect(await registry.isRevoked({ sid: 's', ep: 'e'.repeat(22), expires: time.now() + hour })).toBe(true);
        const epoch = await registry.epoch();
        expect(epoch).toMatch(/^[\w-]{22}$/);
        expect(await registryAt(time.now).epoch()).toBe(epoch);
      });

      it('judges sessions by sign-out, epoch and floor', async () => {
        const time = clock();
        const registry = registryAt(time.now);
        const ep = await registry.epoch();
        const now = time.now();
        await registry.revoke('gone', now + hour);
        const cases = [
          { session: { sid: 'kept', ep, expires: now + hour }, revoked: false },
          { session: { sid: 'gone', ep, expires: now + hour }, revoked: true },
          { session: { sid: 'kept', ep: 'another-epoch-0123456', expires: now + hour }, revoked: true },
        ];
        for (const { session, revoked } of cases)
          expect(await registry.isRevoked(session), JSON.stringify(session)).toBe(revoked);
      });

      it('past its cap, drops the soonest to expire and raises the floor over them', async () => {
        const time = clock();
        const registry = registryAt(time.now);
        const ep = await registry.epoch();
        const now = time.now();
        for (const [sid, expires] of [
          ['a', 4],
          ['b', 3],
          ['c', 2],
          ['d', 1],
        ] as const)
          await registry.revoke(sid, now + expires * hour);
        const rows = await db.query<{ sid: string }>('SELECT sid FROM revoked_sessions ORDER BY sid');
        expect(rows.map((r) => r.sid)).toEqual(['a', 'b', 'c']);
        expect(await registry.isRevoked({ sid: 'd', ep, expires: now + hour })).toBe(true);
        expect(await registry.isRevoked({ sid: 'other', ep, expires: now + hour - 1 })).toBe(true);
        expect(await registry.isRevoked({ sid: 'other', ep, expires: now + 2 * hour })).toBe(false);
      });

      it('fails closed while the database cannot be read, and holds again once it can', async () => {
        const time = clock();
        let down = false;
        const flaky: Database = {
          ...db,
          query: (sql, params) => (down ? Promise.reject(new Error('connection refused')) : db.query(sql, params)),
        };
        const registry = new SqlSessionRegistry(flaky, { now: time.now, log: () => undefined });
        const session = { sid: 's', ep: await registry.epoch(), expires: time.now() + hour };
        expect(await registry.isRevoked(session)).toBe(false);
        down = true;
        time.advance(1000);
        expect(await registry.isRevoked(session)).toBe(true);
        await expect(registry.epoch()).rejects.toThrow(/session registry in the database/);
        down = false;
        time.advance(1000);
        expect(await registry.isRevoked(session)).toBe(false);
      });
    });

    describe('the accounts', () => {
      const ann = (list: StoredAccount[]) => addAccount<StoredAccount>(list, 'ann', { role: 'translator', passwordHash: HASH });

      it('are none until the first is added, then kept with one secret', async () => {
        const store = new SqlAccountStore(db);
        expect(await store.read()).toBeUndefined();
        expect(await store.update(ann)).toMatchObject({ ok: true, result: { name: 'ann' } });
        const file = await store.read();
        expect(file?.accounts.map((a) => a.name)).toEqual(['ann']);
        expect(await store.update(ann)).toEqual({ ok: false, error: 'There is already an account named "ann"' });
        expect((await new SqlAccountStore(db).read())?.secret).toBe(file?.secret);
      });

      it('start from the accounts file the data folder had', async () => {
        const seed = { ...newAccountFile(), accounts: [{ name: 'old', role: 'admin' as const, passwordHash: HASH }] };
        const store = new SqlAccountStore(db, { seed: async () => seed });
        expect(await store.read()).toEqual(seed);
        await store.update(ann);
        expect((await new SqlAccountStore(db).read())?.accounts.map((a) => a.name)).toEqual(['old', 'ann']);
      });

      it('a damaged row is named, not read as no accounts', async () => {
        await db.query('INSERT INTO account_file (id, content, revision) VALUES (true, \'{ "secret": \', 1)');
        await expect(new SqlAccountStore(db).read()).rejects.toThrow(ACCOUNTS_NAME);
      });
    });
  });
}
