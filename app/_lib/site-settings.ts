import 'server-only';
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
