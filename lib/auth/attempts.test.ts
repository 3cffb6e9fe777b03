import { describe, expect, it } from 'vitest';
import { AttemptLimiter, guardPolicies, SignInGuard, type AttemptPolicy } from './attempts';

const policy: AttemptPolicy = { free: 2, baseMs: 1000, maxMs: 8000, forgetMs: 60_000, maxEntries: 3 };

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('AttemptLimiter', () => {
  it('lets the free failures through, then doubles the wait up to the cap', () => {
    const time = clock();
    const limiter = new AttemptLimiter(policy, time.now);
    const waits = Array.from({ length: 7 }, () => limiter.fail('ann'));
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000]);
    expect(limiter.waitMs('ann')).toBe(8000);
    time.advance(3000);
    expect(limiter.waitMs('ann')).toBe(5000);
  });

  it('forgets a key after a quiet spell, and on clear', () => {
    const time = clock();
    const limiter = new AttemptLimiter(policy, time.now);
    for (let i = 0; i < 4; i += 1) limiter.fail('ann');
    time.advance(61_000);
    expect(limiter.waitMs('ann')).toBe(0);
    expect(limiter.fail('ann')).toBe(0);
    limiter.fail('ann');
    limiter.fail('ann');
    limiter.clear('ann');
    expect(limiter.waitMs('ann')).toBe(0);
  });

  it('remembers at most maxEntries keys, dropping the least recently failed', () => {
    const limiter = new AttemptLimiter(policy, clock().now);
    for (const key of ['a', 'b', 'c', 'a', 'd']) for (let i = 0; i < 3; i += 1) limiter.fail(key);
    expect(limiter.size).toBe(3);
    expect(limiter.waitMs('b')).toBe(0);
    expect(limiter.waitMs('a')).toBeGreaterThan(0);
  });
});

describe('SignInGuard', () => {
  const ann = (client: string) => ({ account: 'account:ann', client });

  it('shuts out one client guessing one account, not the account from elsewhere', () => {
    const guard = new SignInGuard(clock().now);
    for (let i = 0; i < 8; i += 1) guard.fail(ann('203.0.113.1'));
    expect(guard.check(ann('203.0.113.1'))).toEqual({ ok: false, retryAfterSeconds: 4 });
    expect(guard.check(ann('198.51.100.2'))).toEqual({ ok: true });
  });

  it('an attack on one account from many addresses costs the real editor at most 10 seconds', () => {
    const time = clock();
    const guard = new SignInGuard(time.now);
    for (let i = 0; i < 500; i += 1) guard.fail(ann(`10.0.${i >> 8}.${i & 255}`));
    const check = guard.check(ann('192.0.2.50'));
    expect(check.ok).toBe(false);
    expect(check.ok ? 0 : check.retryAfterSeconds).toBeLessThanOrEqual(guardPolicies.account.maxMs / 1000);
    time.advance(guardPolicies.account.maxMs);
    expect(guard.check(ann('192.0.2.50'))).toEqual({ ok: true });
  });

  it('an attack on the account from many addresses does not hold up a browser that signed in before', () => {
    const guard = new SignInGuard(clock().now);
    for (let i = 0; i < 500; i += 1) guard.fail(ann(`10.0.${i >> 8}.${i & 255}`));
    expect(guard.check(ann('192.0.2.50')).ok).toBe(false);
    expect(guard.check({ ...ann('192.0.2.50'), knownDevice: true })).toEqual({ ok: true });
    // Its own address's limits still hold.
    for (let i = 0; i < 8; i += 1) guard.fail({ ...ann('192.0.2.50'), knownDevice: true });
    expect(guard.check({ ...ann('192.0.2.50'), knownDevice: true }).ok).toBe(false);
  });

  it('a success forgets the account’s failures', () => {
    const guard = new SignInGuard(clock().now);
    for (let i = 0; i < 6; i += 1) guard.fail(ann('203.0.113.1'));
    guard.succeed(ann('203.0.113.1'));
    expect(guard.check(ann('203.0.113.1'))).toEqual({ ok: true });
  });

  const begun = [
    { attempts: 5, checked: 5 },
    { attempts: 6, checked: 6 },
    { attempts: 50, checked: 6 },
  ];
  it.each(begun)('$attempts attempts begun before any answer: $checked are let through', ({ attempts, checked }) => {
    const guard = new SignInGuard(clock().now);
    const results = Array.from({ length: attempts }, () => guard.begin(ann('203.0.113.1')));
    expect(results.filter((r) => r.ok).length).toBe(checked);
  });

  it('a begun attempt that succeeds is taken back from the client’s count', () => {
    const guard = new SignInGuard(clock().now);
    const other = (client: string) => ({ account: 'account:bob', client });
    for (let i = 0; i < 19; i += 1) guard.fail(other('203.0.113.1'));
    expect(guard.begin(ann('203.0.113.1')).ok).toBe(true);
    guard.succeed(ann('203.0.113.1'), { begun: true });
    // 19 failures on the client, under its 20 free ones: still no wait.
    expect(guard.check(ann('203.0.113.1'))).toEqual({ ok: true });
  });

  it('keeps its memory bounded under a spray of names and addresses', () => {
    const guard = new SignInGuard(clock().now);
    for (let i = 0; i < 30_000; i += 1) guard.fail({ account: `account:n${i}`, client: `c${i}` });
    expect(guard.size).toBeLessThanOrEqual(
      guardPolicies.pair.maxEntries + guardPolicies.client.maxEntries + guardPolicies.account.maxEntries,
    );
  });
});
