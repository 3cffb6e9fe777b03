import 'server-only';
import type { Database } from '@/lib/db/database';
import { processState } from '@/lib/process-state';
import { SqlAccountStore } from '@/lib/db/account-store';
import { SqlSessionRegistry } from '@/lib/db/session-registry';
import { SqlAttemptCounter } from '@/lib/db/sign-in-failures';
import { fileAccountStore, readAccountFile, type AccountStore } from '@/lib/store/accounts';
import { guardPolicies, heapCounters, SignInGuard, type GuardCounters } from './attempts';
import { fileSessionRegistry, type SessionRegistryStore } from './session-registry';

/**
 * Where this server keeps sign-in state. Without DATABASE_URL: the session registry and accounts
 * files of the data folder and attempt counts in this process's heap (one server). With it: the
 * PostgreSQL server, so every server sees the same sessions, sign-outs, failed attempts and
 * accounts (docs/operations.md).
 */
export interface AuthState {
  shared: boolean;
  registry: SessionRegistryStore;
  accounts: AccountStore;
  counters: () => GuardCounters;
}

/**
 * The process's database (lib/db/open.ts), loaded and opened on first use: a server without
 * DATABASE_URL never loads the engines, and one without sign-ins never connects for them.
 */
function lazyDatabase(): Database {
  const open = async () => (await import('@/lib/db/open')).sharedDatabase();
  return {
    engine: 'postgres',
    query: async <Row extends object>(sql: string, params?: readonly unknown[]) => (await open()).query<Row>(sql, params),
    transaction: async (work) => (await open()).transaction(work),
    close: async () => undefined,
  };
}

/** The state for a server on `db` (every server on it shares it), or on its files and heap without one. */
export function makeAuthState(db: Database | undefined): AuthState {
  if (!db) return { shared: false, registry: fileSessionRegistry, accounts: fileAccountStore, counters: () => heapCounters() };
  return {
    shared: true,
    registry: new SqlSessionRegistry(db),
    accounts: new SqlAccountStore(db, { seed: readAccountFile }),
    counters: () => ({
      pair: new SqlAttemptCounter(db, 'pair', guardPolicies.pair),
      client: new SqlAttemptCounter(db, 'client', guardPolicies.client),
      account: new SqlAttemptCounter(db, 'account', guardPolicies.account),
    }),
  };
}

/**
 * This process's sign-in state, chosen once, at first use, from DATABASE_URL (the database
 * lib/db/open.ts opens when it is set: the same server as the index's).
 */
export function authState(): AuthState {
  return processState('auth-state', () => makeAuthState(process.env.DATABASE_URL?.trim() ? lazyDatabase() : undefined));
}

/** The session registry of this process (see authState). */
export function sessionRegistry(): SessionRegistryStore {
  return authState().registry;
}

/** The accounts of this process (see authState). */
export function accountStore(): AccountStore {
  return authState().accounts;
}

/** A sign-in guard over this process's counters (see authState). */
export function newSignInGuard(): SignInGuard {
  return new SignInGuard(authState().counters());
}
