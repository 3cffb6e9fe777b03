import { namedError } from '@/lib/named-error';
/**
 * The site's public origin (`SITE_URL=https://reader.example.org`), for the links that must be
 * absolute: `<link rel="alternate" hreflang>` (search engines ignore relative ones). Without it,
 * the origin of a request is used only when it comes from a reverse proxy the operator vouches
 * for (`TRUST_PROXY=1`, as for attempt limits); a client's own Host header is never believed.
 */

/** A SITE_URL that is not an http(s) origin. */
export class SiteUrlError extends namedError('SiteUrlError') {}

/**
 * The origin a site URL names, checked: http or https, a host, no user name or password, and
 * nothing after the host but an optional `/`. Throws SiteUrlError saying what is wrong.
 * `parseSiteUrl('https://Reader.example.org/')` → `'https://reader.example.org'`.
 */
export function parseSiteUrl(value: string, name = 'SITE_URL'): string {
  const given = value.trim();
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new SiteUrlError(`${name} must be an http(s) origin such as https://reader.example.org, not ${JSON.stringify(value)}`);
  }
  const problem =
    url.protocol !== 'http:' && url.protocol !== 'https:'
      ? `its scheme is ${url.protocol.slice(0, -1)}, not http or https`
      : !url.hostname
        ? 'it has no host'
        : url.username || url.password
          ? 'it holds a user name or password'
          : url.pathname !== '/' || url.search || url.hash || given.endsWith('?') || given.endsWith('#')
            ? 'it has a path, query or fragment (the app is served from the root of its origin)'
            : undefined;
  if (problem)
    throw new SiteUrlError(`${name} must be an http(s) origin such as https://reader.example.org: ${problem} (${value})`);
  return url.origin;
}

/** SITE_URL from the environment, checked (see parseSiteUrl); undefined when it is unset or empty. */
export function siteUrlFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const value = env.SITE_URL;
  return value === undefined || value.trim() === '' ? undefined : parseSiteUrl(value);
}

/** The last value of a header that proxies append to (`a, b` → `b`): the nearest proxy's, as for X-Forwarded-For. */
function lastValue(headers: Headers, name: string): string | undefined {
  return headers.get(name)?.split(',').at(-1)?.trim() || undefined;
}

/**
 * The origin a request was made to, as the reverse proxy in front saw it (X-Forwarded-Proto, and
 * X-Forwarded-Host or else Host), only with `TRUST_PROXY=1`; undefined otherwise, and when the
 * headers do not make an http(s) origin.
 * `trustedRequestOrigin(new Headers({ 'x-forwarded-proto': 'https', host: 'reader.example.org' }), { TRUST_PROXY: '1' })` → `'https://reader.example.org'`.
 */
export function trustedRequestOrigin(
  headers: Headers,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  if (env.TRUST_PROXY !== '1') return undefined;
  const proto = lastValue(headers, 'x-forwarded-proto')?.toLowerCase();
  const host = lastValue(headers, 'x-forwarded-host') ?? headers.get('host')?.trim();
  if ((proto !== 'http' && proto !== 'https') || !host) return undefined;
  // A host and an optional port, nothing else: no path, user name or second address.
  if (!/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host)) {
    return undefined;
  }
  try {
    return parseSiteUrl(`${proto}://${host}`, 'the forwarded origin');
  } catch {
    return undefined;
  }
}

/**
 * A site path made absolute on an origin, or left as it is without one.
 * `absoluteUrl('/zh/read/novel', 'https://reader.example.org')` → `'https://reader.example.org/zh/read/novel'`.
 */
export function absoluteUrl(path: string, origin: string | undefined): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`not a site path: ${path}`);
  return origin ? `${origin}${path}` : path;
}
