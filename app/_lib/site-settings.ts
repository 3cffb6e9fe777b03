import 'server-only';
import { heapTooSmall } from '@/lib/cache-bounds';
import { siteUrlFromEnv } from '@/lib/site-url';

/**
 * Refuses to serve with a SITE_URL that is not an http(s) origin: every page's language links
 * would be wrong. Says why once, then ends the process. Node.js runtime only (instrumentation.ts).
 */
export function refuseBadSiteUrl(): void {
  try {
    siteUrlFromEnv();
  } catch (error) {
    console.error(`Site settings: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** Refuses to serve on a heap below the supported minimum (lib/cache-bounds.ts), saying why. */
export function refuseSmallHeap(): void {
  const problem = heapTooSmall();
  if (!problem) return;
  console.error(`Memory: ${problem}`);
  process.exit(1);
}

/** Ends a server that cannot start as it was asked to (git sync that cannot begin), saying why. */
export function refuseToStart(what: string, error: unknown): never {
  console.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
