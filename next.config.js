// @ts-check
/**
 * One config, two build modes:
 * - `next build` (npm start): a Node server, which later also hosts the live mail server.
 * - `STATIC_EXPORT=1 next build` (npm run export): a static site in out/, for any static host.
 * @type {import('next').NextConfig}
 */
const staticExport = process.env.STATIC_EXPORT === '1';

const nextConfig = {
  // The live view's API (route.live.ts files) exists only where a Node server runs it:
  // a static export has no server, and its Live page says so.
  pageExtensions: staticExport ? ['tsx', 'ts'] : ['tsx', 'ts', 'live.ts'],
  reactStrictMode: true,
  poweredByHeader: false,
  // /embed/ is a folder with index.html in the static export, which every static host serves.
  trailingSlash: true,
  // The proxy (proxy.live.ts) sees a copy of each request body, which Next buffers up to this
  // size: the app takes no body larger than 16 KiB (lib/live/web-guard.ts), so neither does it.
  experimental: { proxyClientMaxBodySize: 16 * 1024 },
  ...(staticExport ? { output: 'export', images: { unoptimized: true } } : {}),
};

module.exports = nextConfig;
