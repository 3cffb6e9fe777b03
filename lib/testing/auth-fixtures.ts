import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SignInGuard } from '@/lib/auth/attempts';
import { hashPassword } from '@/lib/auth/passwords';
import { PEER_HEADER, setPeerNonce } from '@/lib/auth/peer';
import { replaceSignInGuard } from '@/lib/auth/request';
import { makeDataDir } from './data-dir';
import { setProcessState } from '@/lib/process-state';

/** An environment as authConfig reads it (Next's types make NODE_ENV required; tests set what they need). */
export const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

// Hashing is deliberately slow: hashed once per test file that imports these.
export const ANN_HASH = hashPassword('correct horse', Buffer.alloc(16, 1));
export const ROB_HASH = hashPassword('reader pass', Buffer.alloc(16, 2));

export const NONCE = 'test-nonce';
/** The header the proxy adds to a request from this machine. */
export const LOCAL_PEER = { [PEER_HEADER]: `${NONCE} 127.0.0.1` };
/** The session registry's epoch the test cookies are made in (written to the data folder before each test). */
export const EPOCH = 'test-epoch-0123456789';

/**
 * For tests of request authorisation: a data folder whose session registry is in EPOCH, a fresh
 * registry and sign-in guard before each test, and the peer nonce the proxy would set.
 */
export function prepareAuthDataDir(): void {
  let data: ReturnType<typeof makeDataDir>;
  beforeAll(() => {
    setPeerNonce(NONCE);
    data = makeDataDir();
  });
  beforeEach(() => {
    data.write('.sessions/revoked.json', JSON.stringify({ epoch: EPOCH, floor: 0, revoked: [] }));
    setProcessState('session-registry', undefined);
    replaceSignInGuard(new SignInGuard());
  });
  afterAll(() => data.dispose());
}
