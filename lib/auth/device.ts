import { createHmac, randomBytes } from 'node:crypto';
import { sameSecret } from './passwords';

/** The cookie that marks a browser an account has signed in from before. */
export const DEVICE_COOKIE = 'bilingual-device';
export const DEVICE_DAYS = 180;

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`device\u0000${payload}`).digest('base64url');
}

/**
 * A signed device cookie for an account, set after a successful sign-in (OWASP's device cookies):
 * attempts that show it are not held up by an attack on the account from other addresses.
 * `encodeDevice('ann', secret)` → `'<payload>.<signature>'`.
 */
export function encodeDevice(account: string, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ a: account, n: randomBytes(9).toString('base64url') })).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The account a device cookie was issued to, if its signature holds. `deviceAccount(encodeDevice('ann', s), s)` → `'ann'`. */
export function deviceAccount(value: string | undefined, secret: string): string | undefined {
  const [payload, signature] = (value ?? '').split('.');
  if (!payload || !signature || !sameSecret(signature, sign(payload, secret))) return undefined;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { a?: unknown };
    return typeof data.a === 'string' ? data.a : undefined;
  } catch {
    return undefined;
  }
}
