import { createHash, timingSafeEqual } from 'node:crypto';

/** Why a call of `POST /api/sync` is refused, or that it may go on. */
export type SyncCallCheck = 'ok' | 'no-secret-set' | 'missing' | 'wrong';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Checks the bearer token of a sync call against the shared secret, in constant time.
 * `checkSyncCall('s3cret', 's3cret')` → `'ok'`; `checkSyncCall(undefined, 's3cret')` → `'missing'`.
 */
export function checkSyncCall(token: string | undefined, secret: string | undefined): SyncCallCheck {
  if (secret === undefined) return 'no-secret-set';
  if (token === undefined || token === '') return 'missing';
  return timingSafeEqual(digest(token), digest(secret)) ? 'ok' : 'wrong';
}
