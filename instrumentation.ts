/**
 * Runs once when the server starts. In the Node.js runtime: has every request stamped with its
 * peer address (open development mode trusts only that), and logs malformed EDITORS / READERS
 * entries by position and name; refuses to start with a SITE_URL that is not an http(s) origin.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampPeerAddresses } = await import('./app/_lib/peer-address');
  stampPeerAddresses();
  const { accountProblems } = await import('./lib/auth/config');
  for (const problem of accountProblems()) console.error(`Access settings: ${problem}`);
  const { siteUrlFromEnv } = await import('./lib/site-url');
  try {
    siteUrlFromEnv();
  } catch (error) {
    // Every page's language links would be wrong: say why once, and do not serve.
    console.error(`Site settings: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
