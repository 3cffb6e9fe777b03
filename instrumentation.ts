/**
 * Runs once when the server starts. In the Node.js runtime: has every request stamped with its
 * peer address (open development mode trusts only that), and logs malformed EDITORS / READERS
 * entries by position and name.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampPeerAddresses } = await import('./app/_lib/peer-address');
  stampPeerAddresses();
  const { accountProblems } = await import('./lib/auth/config');
  for (const problem of accountProblems()) console.error(`Access settings: ${problem}`);
}
