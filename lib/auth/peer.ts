import { isIP } from 'node:net';
import { peekProcessState, setProcessState } from '@/lib/process-state';

/**
 * The header through which the server passes a request's peer address (the connection's, not
 * anything the client says) to the route handlers: `<nonce> <address>`. The nonce is random per
 * process, so a client that sends this header itself is not believed.
 */
export const PEER_HEADER = 'x-bilingual-peer';

export function setPeerNonce(nonce: string): void {
  setProcessState('peer-nonce', nonce);
}

export function peerNonce(): string | undefined {
  return peekProcessState<string>('peer-nonce');
}

/** The connection's peer address, when the server stamped it; `undefined` otherwise. */
export function peerAddress(request: Request): string | undefined {
  const nonce = peerNonce();
  const value = request.headers.get(PEER_HEADER);
  if (!nonce || !value) return undefined;
  const [given, address] = value.split(' ');
  return given === nonce && address ? address : undefined;
}

/** Whether an address is this machine's: 127.0.0.0/8, ::1, or IPv4-mapped 127.x. `'::ffff:127.0.0.1'` → true. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:/i, '');
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1' || plain === '0:0:0:0:0:0:0:1';
}

/**
 * The address that attempt limits are counted against. With `TRUST_PROXY=1` (behind a reverse
 * proxy that appends to X-Forwarded-For) it is the last address there; otherwise the peer
 * address. IPv6 addresses count by their /64 network, since one host usually holds a whole one.
 */
export function clientAddress(request: Request, env: NodeJS.ProcessEnv = process.env): string {
  let address: string | undefined;
  if (env.TRUST_PROXY === '1') address = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  address ??= peerAddress(request);
  if (!address) return 'unknown';
  const plain = address.replace(/^::ffff:/i, '');
  if (isIP(plain) === 6) return `${expandIpv6(plain).slice(0, 4).join(':')}::/64`;
  return plain;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array.from({ length: missing }, () => '0'), ...right].map((part) => part.toLowerCase());
}
