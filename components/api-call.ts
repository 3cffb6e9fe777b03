// One way for the browser to call a JSON route: no cache, a network failure or an error answer
// as `{ ok: false, status, error }` (the route's own message when it gave one), and the answer
// parsed by the caller's contract schema (an answer it does not accept is an error too).

export type ApiCall<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

export async function callApi<T>(url: string, init: RequestInit, parse: (body: unknown) => T | undefined): Promise<ApiCall<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    return { ok: false, status: 0, error: 'network' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  const error = (body as { error?: unknown } | undefined)?.error;
  if (!response.ok)
    return { ok: false, status: response.status, error: typeof error === 'string' ? error : `HTTP ${response.status}` };
  const data = parse(body);
  return data === undefined ? { ok: false, status: response.status, error: 'unexpected answer' } : { ok: true, data };
}

/** A request with a JSON body. `jsonRequest('POST', { text })`. */
export function jsonRequest(method: 'POST' | 'PUT' | 'DELETE', body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
