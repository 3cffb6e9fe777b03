import 'server-only';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { PEER_HEADER, peerNonce, setPeerNonce } from '@/lib/auth/peer';

/**
 * Stamps every incoming request with its connection's peer address (PEER_HEADER), replacing
 * whatever the client sent under that name. Next.js gives route handlers no socket, and the
 * Host and X-Forwarded-For headers are the client's to choose. Installed once, from
 * instrumentation.ts, in the process that owns the HTTP server.
 */
export function stampPeerAddresses(): void {
  if (peerNonce()) return;
  const nonce = randomBytes(18).toString('base64url');
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    const request = args[0];
    if (event === 'request' && request instanceof http.IncomingMessage) {
      request.headers[PEER_HEADER] = `${nonce} ${request.socket.remoteAddress ?? ''}`;
    }
    return Reflect.apply(emit, this, [event, ...args]);
  };
  setPeerNonce(nonce);
}
