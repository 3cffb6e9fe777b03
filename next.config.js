/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The end-to-end tests build into their own folder, so they never clobber a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // segmentit's dictionaries stay on the server, loaded from node_modules, never bundled.
  serverExternalPackages: ['segmentit'],
  experimental: {
    // The root layout sits under the [ui] segment, so unmatched URLs need a 404 page of their own.
    globalNotFound: true,
  },
};
