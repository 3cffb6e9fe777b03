/** How one kind of attempt is limited. */
export interface AttemptPolicy {
  /** Failures allowed before any wait. */
  free: number;
  /** The first wait; each further failure doubles it. */
  baseMs: number;
  /** The longest wait, so a real user is never shut out for long. */
  maxMs: number;
  /** A key with no failure for this long starts afresh. */
  forgetMs: number;
  /** Keys remembered at most; the least recently failed are forgotten first (bounded memory). */
  maxEntries: number;
}

interface Failures {
  count: number;
  last: number;
  until: number;
}

/**
 * Counts failed attempts per key (an account, a client address) and says how long the next
 * attempt must wait: nothing for the first `free` failures, then a wait that doubles with each
 * failure up to `maxMs`. `new AttemptLimiter(policy).fail('ann')` → later `waitMs('ann')` > 0.
 */
export class AttemptLimiter {
  private readonly entries = new Map<string, Failures>();

  constructor(
    private readonly policy: AttemptPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds before `key` may try again; 0 when it may try now. */
  waitMs(key: string): number {
    const entry = this.current(key);
    return entry ? Math.max(0, entry.until - this.now()) : 0;
  }

  /** Records a failure and returns the wait it causes. */
  fail(key: string): number {
    const now = this.now();
    const entry = this.current(key) ?? { count: 0, last: now, until: 0 };
    entry.count += 1;
    entry.last = now;
    const excess = entry.count - this.policy.free;
    entry.until = excess > 0 ? now + Math.min(this.policy.baseMs * 2 ** Math.min(excess - 1, 30), this.policy.maxMs) : 0;
    // Re-inserted at the end: the Map's order is the order of the latest failures.
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.policy.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return Math.max(0, entry.until - now);
  }

  /**
   * Takes back one failure counted in advance (see SignInGuard.begin) for an attempt that then
   * succeeded; a wait already running stays until it ends.
   */
  forgive(key: string): void {
    const entry = this.current(key);
    if (!entry) return;
    entry.count -= 1;
    if (entry.count <= 0) this.entries.delete(key);
  }

  /** Forgets a key's failures (after a success). */
  clear(key: string): void {
    this.entries.delete(key);
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.entries.size;
  }

  private current(key: string): Failures | undefined {
    const entry = this.entries.get(key);
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

/**
 * Limits password and token attempts per account, per client address and per pair of both.
 * A client that keeps failing is shut out for up to 15 minutes; an account attacked from many
 * addresses is only slowed (at most 10 s), so an attacker cannot lock a real editor out.
 */
export class SignInGuard {
  private readonly pair: AttemptLimiter;
  private readonly client: AttemptLimiter;
  private readonly account: AttemptLimiter;

  constructor(now: () => number = Date.now, policies: typeof guardPolicies = guardPolicies) {
    this.pair = new AttemptLimiter(policies.pair, now);
    this.client = new AttemptLimiter(policies.client, now);
    this.account = new AttemptLimiter(policies.account, now);
  }

  /** Whether an attempt may be checked now, or how long to wait (for `Retry-After`). */
  check(attempt: Attempt): AttemptCheck {
    const wait = Math.max(
      this.pair.waitMs(pairKey(attempt)),
      this.client.waitMs(attempt.client),
      attempt.knownDevice ? 0 : this.account.waitMs(attempt.account),
    );
    return wait > 0 ? { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { ok: true };
  }

  /**
   * Starts an attempt: refused while a wait runs; otherwise the attempt is counted as a failure
   * at once, before its credential is checked, so attempts sent in parallel cannot all pass the
   * free ones while the first are still being checked. Report a success with `succeed`.
   * Of 50 guesses sent at once with `free: 5`, 6 are checked and 44 refused.
   */
  begin(attempt: Attempt): AttemptCheck {
    const check = this.check(attempt);
    if (check.ok) this.fail(attempt);
    return check;
  }

  fail(attempt: Attempt): void {
    this.pair.fail(pairKey(attempt));
    this.client.fail(attempt.client);
    this.account.fail(attempt.account);
  }

  /**
   * A success forgets the account's failures and this client's on it; the client's other
   * failures stay. After `begin`, pass `{ begun: true }`: the attempt counted in advance is taken back.
   */
  succeed(attempt: Attempt, options: { begun?: boolean } = {}): void {
    this.pair.clear(pairKey(attempt));
    this.account.clear(attempt.account);
    if (options.begun) this.client.forgive(attempt.client);
  }

  /** Keys remembered in all (bounded by the policies' maxEntries). */
  get size(): number {
    return this.pair.size + this.client.size + this.account.size;
  }
}

function pairKey(attempt: Attempt): string {
  return `${attempt.account}\u0000${attempt.client}`;
}
