/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The end-to-end tests build into their own folder, so they never clobber a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // segmentit's dictionaries stay on the server, loaded from node_modules, never bundled.
  serverExternalPackages: ['segmentit'],
  // Pages made on demand are kept in memory, each tied to the data files it was made from.
  cacheHandler: require.resolve('./cache-handler.cjs'),
  cacheMaxMemorySize: 0,
  // A CDN may serve a page up to a minute old (pages say `revalidate = 60`), and a stale one for
  // up to a day while it fetches the new one.
  expireTime: 86400,
  experimental: {
    // The root layout sits under the [ui] segment, so unmatched URLs need a 404 page of their own.
    globalNotFound: true,
  },
};
