import { describe, expect, it } from 'vitest';
import { AttemptLimiter, guardPolicies, heapCounters, SignInGuard, waitAfter, type AttemptPolicy } from './attempts';

// The same cases run on the database's counters in lib/db/sign-in-state.test.ts.
const policy: AttemptPolicy = { free: 2, baseMs: 1000, maxMs: 8000, forgetMs: 60_000, maxEntries: 3 };

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('waitAfter', () => {
  const cases = [
    { count: 0, expected: 0 },
    { count: 2, expected: 0 },
    { count: 3, expected: 1000 },
    { count: 5, expected: 4000 },
    { count: 6, expected: 8000 },
    { count: 200, expected: 8000 },
  ];
  it.each(cases)('failure $count → wait $expected ms', ({ count, expected }) => {
    expect(waitAfter(count, policy)).toBe(expected);
  });
});

describe('AttemptLimiter', () => {
  it('lets the free failures through, then doubles the wait up to the cap', async () => {
    const time = clock();
    const limiter = new AttemptLimiter(policy, time.now);
    const waits = [];
    for (let i = 0; i < 7; i += 1) waits.push((await limiter.count('ann')).waitMs);
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000]);
    expect(await limiter.waitMs('ann')).toBe(8000);
    time.advance(3000);
    expect(await limiter.waitMs('ann')).toBe(5000);
  });

  it('counts nothing while a wait runs when asked to count only then', async () => {
    const time = clock();
    const limiter = new AttemptLimiter(policy, time.now);
    for (let i = 0; i < 3; i += 1) await limiter.count('ann', { unlessWaiting: true });
    expect(await limiter.count('ann', { unlessWaiting: true })).toEqual({ counted: false, waitMs: 1000 });
    time.advance(1000);
    expect(await limiter.count('ann', { unlessWaiting: true })).toEqual({ counted: true, waitMs: 2000 });
  });

  it('forgets a key after a quiet spell, and on clear', async () => {
    const time = clock();
    const limiter = new AttemptLimiter(policy, time.now);
    for (let i = 0; i < 4; i += 1) await limiter.count('ann');
    time.advance(61_000);
    expect(await limiter.waitMs('ann')).toBe(0);
    expect((await limiter.count('ann')).waitMs).toBe(0);
    await limiter.count('ann');
    await limiter.count('ann');
    await limiter.clear('ann');
    expect(await limiter.waitMs('ann')).toBe(0);
  });

  it('remembers at most maxEntries keys, dropping the least recently failed', async () => {
    const limiter = new AttemptLimiter(policy, clock().now);
    for (const key of ['a', 'b', 'c', 'a', 'd']) for (let i = 0; i < 3; i += 1) await limiter.count(key);
    expect(limiter.size).toBe(3);
    expect(await limiter.waitMs('b')).toBe(0);
    expect(await limiter.waitMs('a')).toBeGreaterThan(0);
  });
});

describe('SignInGuard', () => {
  const ann = (client: string) => ({ account: 'account:ann', client });
  const guardAt = (now: () => number) => new SignInGuard(heapCounters(now));

  it('shuts out one client guessing one account, not the account from elsewhere', async () => {
    const guard = guardAt(clock().now);
    for (let i = 0; i < 8; i += 1) await guard.fail(ann('203.0.113.1'));
    expect(await guard.check(ann('203.0.113.1'))).toEqual({ ok: false, retryAfterSeconds: 4 });
    expect(await guard.check(ann('198.51.100.2'))).toEqual({ ok: true });
  });

  it('an attack on one account from many addresses costs the real editor at most 10 seconds', async () => {
    const time = clock();
    const guard = guardAt(time.now);
    for (let i = 0; i < 500; i += 1) await guard.fail(ann(`10.0.${i >> 8}.${i & 255}`));
    const check = await guard.check(ann('192.0.2.50'));
    expect(check.ok).toBe(false);
    expect(check.ok ? 0 : check.retryAfterSeconds).toBeLessThanOrEqual(guardPolicies.account.maxMs / 1000);
    time.advance(guardPolicies.account.maxMs);
    expect(await guard.check(ann('192.0.2.50'))).toEqual({ ok: true });
  });

  it('an attack on the account from many addresses does not hold up a browser that signed in before', async () => {
    const guard = guardAt(clock().now);
    for (let i = 0; i < 500; i += 1) await guard.fail(ann(`10.0.${i >> 8}.${i & 255}`));
    expect((await guard.check(ann('192.0.2.50'))).ok).toBe(false);
    expect(await guard.check({ ...ann('192.0.2.50'), knownDevice: true })).toEqual({ ok: true });
    // Its own address's limits still hold.
    for (let i = 0; i < 8; i += 1) await guard.fail({ ...ann('192.0.2.50'), knownDevice: true });
    expect((await guard.check({ ...ann('192.0.2.50'), knownDevice: true })).ok).toBe(false);
  });

  it('a success forgets the account’s failures', async () => {
    const guard = guardAt(clock().now);
    for (let i = 0; i < 6; i += 1) await guard.fail(ann('203.0.113.1'));
    await guard.succeed(ann('203.0.113.1'));
    expect(await guard.check(ann('203.0.113.1'))).toEqual({ ok: true });
  });

  const begun = [
    { attempts: 5, checked: 5 },
    { attempts: 6, checked: 6 },
    { attempts: 50, checked: 6 },
  ];
  it.each(begun)('$attempts attempts begun before any answer: $checked are let through', async ({ attempts, checked }) => {
    const guard = guardAt(clock().now);
    const results = await Promise.all(Array.from({ length: attempts }, () => guard.begin(ann('203.0.113.1'))));
    expect(results.filter((r) => r.ok).length).toBe(checked);
  });

  it('a begun attempt that succeeds is taken back from the client’s count', async () => {
    const guard = guardAt(clock().now);
    const other = (client: string) => ({ account: 'account:bob', client });
    for (let i = 0; i < 19; i += 1) await guard.fail(other('203.0.113.1'));
    expect((await guard.begin(ann('203.0.113.1'))).ok).toBe(true);
    await guard.succeed(ann('203.0.113.1'), { begun: true });
    // 19 failures on the client, under its 20 free ones: still no wait.
    expect(await guard.check(ann('203.0.113.1'))).toEqual({ ok: true });
  });

  it('keeps its memory bounded under a spray of names and addresses', async () => {
    const counters = heapCounters(clock().now);
    const guard = new SignInGuard(counters);
    for (let i = 0; i < 30_000; i += 1) await guard.fail({ account: `account:n${i}`, client: `c${i}` });
    expect(counters.pair.size + counters.client.size + counters.account.size).toBeLessThanOrEqual(
      guardPolicies.pair.maxEntries + guardPolicies.client.maxEntries + guardPolicies.account.maxEntries,
    );
  });
});
