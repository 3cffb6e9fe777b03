import type { AttemptCounter, AttemptPolicy, Counted } from '@/lib/store/sign-in-state';
import { WeightedLru } from '@/lib/weighted-lru';

export type { AttemptCounter, AttemptPolicy, Counted } from '@/lib/store/sign-in-state';

interface Failures {
  count: number;
  last: number;
  until: number;
}

/**
 * The wait after a key's `count`-th failure: none for the first `free`, then `baseMs` doubling
 * up to `maxMs`. With `{ free: 2, baseMs: 1000, maxMs: 8000 }`: counts 1…6 → 0, 0, 1000, 2000, 4000, 8000.
 * The SQL function sign_in_wait (lib/db/migrations.ts) computes the same.
 */
export function waitAfter(count: number, policy: Pick<AttemptPolicy, 'free' | 'baseMs' | 'maxMs'>): number {
  const excess = count - policy.free;
  return excess > 0 ? Math.min(policy.baseMs * 2 ** Math.min(excess - 1, 30), policy.maxMs) : 0;
}

/**
 * Counts failed attempts per key (an account, a client address) in this process's memory and says
 * how long the next attempt must wait: nothing for the first `free` failures, then a wait that
 * doubles with each failure up to `maxMs`. `await new AttemptLimiter(policy).count('ann')` → later
 * `await waitMs('ann')` > 0 once past the free failures.
 */
export class AttemptLimiter implements AttemptCounter {
  /** Least recently failed first out, past `maxEntries` (bounded memory). */
  private readonly entries: WeightedLru<string, Failures>;

  constructor(
    private readonly policy: AttemptPolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = WeightedLru.ofCount(policy.maxEntries);
  }

  async waitMs(key: string): Promise<number> {
    const entry = this.current(key);
    return entry ? Math.max(0, entry.until - this.now()) : 0;
  }

  // No await inside: the check and the count happen in one step, as one SQL statement does.
  async count(key: string, options: { unlessWaiting?: boolean } = {}): Promise<Counted> {
    const now = this.now();
    const found = this.current(key);
    if (options.unlessWaiting && found && found.until > now) return { counted: false, waitMs: found.until - now };
    const entry = found ?? { count: 0, last: now, until: 0 };
    entry.count += 1;
    entry.last = now;
    const wait = waitAfter(entry.count, this.policy);
    entry.until = wait > 0 ? now + wait : 0;
    // Now the most recent: the order is the order of the latest failures.
    this.entries.set(key, entry);
    return { counted: true, waitMs: wait };
  }

  async forgive(key: string): Promise<void> {
    const entry = this.current(key);
    if (!entry) return;
    entry.count -= 1;
    if (entry.count <= 0) this.entries.delete(key);
  }

  async clear(key: string): Promise<void> {
    this.entries.delete(key);
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.entries.size().entries;
  }

  private current(key: string): Failures | undefined {
    // Looking does not make a key recent: only a failure does.
    const entry = this.entries.peek(key);
    if (entry && this.now() - entry.last > this.policy.forgetMs && this.now() >= entry.until) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** Who is trying: the account (or `token:` for the shared editor token) and the client's address. */
export interface Attempt {
  account: string;
  client: string;
  /**
   * The client showed a device cookie from an earlier sign-in to this account: the wait of an
   * attack on the account from many addresses does not hold it up (its own address's limits do).
   */
  knownDevice?: boolean;
}

export type AttemptCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

const MINUTE = 60_000;

/** The policies of the sign-in guard; exported for the tests and docs/editing.md. */
export const guardPolicies = {
  // One client guessing one account: a few tries, then a wait growing to 15 minutes.
  pair: { free: 5, baseMs: 1000, maxMs: 15 * MINUTE, forgetMs: 60 * MINUTE, maxEntries: 10_000 },
  // One client guessing many accounts.
  client: { free: 20, baseMs: 1000, maxMs: 15 * MINUTE, forgetMs: 60 * MINUTE, maxEntries: 10_000 },
  // Many clients guessing one account: slowed, but a real editor waits at most 10 seconds.
  account: { free: 20, baseMs: 500, maxMs: 10_000, forgetMs: 15 * MINUTE, maxEntries: 1_000 },
} satisfies Record<string, AttemptPolicy>;

/** The three counters of a sign-in guard, one per policy. */
export type GuardCounters = Record<keyof typeof guardPolicies, AttemptCounter>;

/** Counters in this process's heap: the default without DATABASE_URL, and for tests. */
export function heapCounters(now: () => number = Date.now, policies: typeof guardPolicies = guardPolicies) {
  return {
    pair: new AttemptLimiter(policies.pair, now),
    client: new AttemptLimiter(policies.client, now),
    account: new AttemptLimiter(policies.account, now),
  } satisfies GuardCounters;
}

/**
 * Limits password and token attempts per account, per client address and per pair of both.
 * A client that keeps failing is shut out for up to 15 minutes; an account attacked from many
 * addresses is only slowed (at most 10 s), so an attacker cannot lock a real editor out. The
 * counters are this process's (heapCounters) or shared by every server (lib/db/sign-in-failures.ts).
 */
export class SignInGuard {
  constructor(private readonly counters: GuardCounters = heapCounters()) {}

  /** Whether an attempt may be checked now, or how long to wait (for `Retry-After`). */
  async check(attempt: Attempt): Promise<AttemptCheck> {
    const waits = await Promise.all([
      this.counters.pair.waitMs(pairKey(attempt)),
      this.counters.client.waitMs(attempt.client),
      attempt.knownDevice ? 0 : this.counters.account.waitMs(attempt.account),
    ]);
    return refusal(Math.max(...waits));
  }

  /**
   * Starts an attempt: refused while a wait runs; otherwise the attempt is counted as a failure
   * at once, before its credential is checked, so attempts sent in parallel (to this server or
   * to others sharing the counters) cannot all pass the free ones while the first are still
   * being checked. Each key is counted only while it has no wait (atomically); when a key turns
   * out to be waiting, the keys already counted are forgiven. Report a success with `succeed`.
   * Of 50 guesses sent at once with `free: 5`, 6 are checked and 44 refused.
   */
  async begin(attempt: Attempt): Promise<AttemptCheck> {
    const check = await this.check(attempt);
    if (!check.ok) return check;
    const steps: [AttemptCounter, string, boolean][] = [
      [this.counters.pair, pairKey(attempt), true],
      [this.counters.client, attempt.client, true],
      [this.counters.account, attempt.account, !attempt.knownDevice],
    ];
    const done: [AttemptCounter, string][] = [];
    for (const [counter, key, unlessWaiting] of steps) {
      const counted = await counter.count(key, { unlessWaiting });
      if (!counted.counted) {
        for (const [earlier, earlierKey] of done) await earlier.forgive(earlierKey);
        return refusal(counted.waitMs);
      }
      done.push([counter, key]);
    }
    return { ok: true };
  }

  async fail(attempt: Attempt): Promise<void> {
    await this.counters.pair.count(pairKey(attempt));
    await this.counters.client.count(attempt.client);
    await this.counters.account.count(attempt.account);
  }

  /**
   * A success forgets the account's failures and this client's on it; the client's other
   * failures stay. After `begin`, pass `{ begun: true }`: the attempt counted in advance is taken back.
   */
  async succeed(attempt: Attempt, options: { begun?: boolean } = {}): Promise<void> {
    await this.counters.pair.clear(pairKey(attempt));
    await this.counters.account.clear(attempt.account);
    if (options.begun) await this.counters.client.forgive(attempt.client);
  }
}

function refusal(waitMs: number): AttemptCheck {
  return waitMs > 0 ? { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { ok: true };
}

// U+001F, not NUL: PostgreSQL text cannot hold NUL, and no client address holds U+001F.
function pairKey(attempt: Attempt): string {
  return `${attempt.account}\u001f${attempt.client}`;
}
