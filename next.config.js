/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // segmentit's dictionaries stay on the server, loaded from node_modules, never bundled.
  serverExternalPackages: ['segmentit'],
};
