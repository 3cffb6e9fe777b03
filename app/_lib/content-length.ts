import 'server-only';
import http from 'node:http';

/**
 * Next.js (16.4) drops a route handler's `Content-Length` (send-response.ts forbids it, since a
 * fetched body may have been decoded), so a route that knows its body's exact length names it
 * under BODY_LENGTH_HEADER, and this turns that into `Content-Length` when Next.js copies the
 * headers onto the Node.js response. Installed once, from instrumentation.ts. Only the audio
 * routes use it (app/api/_lib/audio.ts): their body is a Buffer of that length, never re-encoded
 * (Ogg is not compressed by `next start`).
 */
export const BODY_LENGTH_HEADER = 'x-body-length';

const INSTALLED = Symbol.for('bilingual-reader.content-length');
type Patched = typeof http.ServerResponse.prototype & { [INSTALLED]?: true };

export function keepContentLength(): void {
  const proto = http.ServerResponse.prototype as Patched;
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const setHeader = proto.setHeader;
  proto.setHeader = function (this: http.ServerResponse, name: string, value: number | string | readonly string[]) {
    if (name.toLowerCase() !== BODY_LENGTH_HEADER) return Reflect.apply(setHeader, this, [name, value]) as http.ServerResponse;
    const length = String(value);
    // Anything but a plain byte count is dropped rather than sent as a wrong frame.
    return /^\d{1,12}$/.test(length) ? (Reflect.apply(setHeader, this, ['Content-Length', length]) as http.ServerResponse) : this;
  } as typeof proto.setHeader;
}
