/**
 * Runs once when the server starts. In the Node.js runtime: has every request stamped with its
 * peer address (open development mode trusts only that), gives the page cache its freshness
 * check (app/_lib/page-fingerprint.ts), folds the journals a stopped server left,
 * loads the dictionary, builds the search index and aligns sentences in the background,
 * logs malformed EDITORS / READERS entries by position and name, and refuses to start with a
 * SITE_URL that is not an http(s) origin, or on a heap below the supported minimum (256 MB).
 * With BILINGUAL_GIT_REMOTE, makes the data folder a clone and starts git sync (docs/sync.md).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampPeerAddresses } = await import('./app/_lib/peer-address');
  stampPeerAddresses();
  const { keepContentLength } = await import('./app/_lib/content-length');
  keepContentLength();
  const { registerPageFingerprint } = await import('./app/_lib/page-fingerprint');
  registerPageFingerprint();
  if (process.env.BILINGUAL_GIT_REMOTE) {
    // First, so the folds, the search index and the pages see the cloned library. Only with a
    // remote: without one, git sync loads nothing and starts no timer.
    const { startGitSync } = await import('./lib/gitsync/engine');
    try {
      const how = await startGitSync();
      console.log(`Git sync: the data folder is a clone of ${process.env.BILINGUAL_GIT_REMOTE} (${how})`);
    } catch (error) {
      // A server that was asked to sync and cannot would drift from the others unseen: it stops.
      const { refuseToStart } = await import('./app/_lib/site-settings');
      refuseToStart('Git sync could not start', error);
    }
  }
  const { scheduleLeftoverFolds } = await import('./lib/library/fold');
  // In the background: a journal left by a stopped server is folded a second after the start.
  void scheduleLeftoverFolds().catch((error: unknown) => console.error('Could not look for unfolded journals:', error));
  // The dictionary is read in the background too, so the first page finds it loaded (npm run build prepares its cache).
  const { loadDictionary } = await import('./lib/annotate/dictionary');
  void loadDictionary().catch((error: unknown) => console.error('Could not load the dictionary:', error));
  const { warmSearchIndex } = await import('./lib/search/library-search');
  void warmSearchIndex().then((warmed) => {
    if (warmed instanceof Error) console.error('Could not build the search index:', warmed.message);
    else console.log(`Search index ready: ${warmed.texts} texts in ${warmed.seconds.toFixed(1)} s`);
  });
  // Sentence alignments of texts whose glosses changed while the server was stopped, a few seconds after the start.
  const { alignLibraryInBackground } = await import('./lib/library/alignment');
  setTimeout(() => {
    void alignLibraryInBackground().catch((error: unknown) => console.error('Could not align the library:', error));
  }, 5_000).unref();
  const { accountProblems } = await import('./lib/auth/config');
  for (const problem of accountProblems()) console.error(`Access settings: ${problem}`);
  const { refuseBadSiteUrl, refuseSmallHeap } = await import('./app/_lib/site-settings');
  refuseBadSiteUrl();
  refuseSmallHeap();
}
