/**
 * Node only. What the app's proxy (`proxy.live.ts`, run by `next start` before every request)
 * decides: refuse a request for a host the server was not started for, and give every page its
 * security headers (csp.ts). Kept apart from Next's types so that tests call it directly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { securityHeaders } from './csp';
import { inlineScriptHashes } from './csp';
import { allowedHosts, hostAllowed } from './web-guard';

export interface ProxyEnvironment {
  /** The network name (`LAB_NETWORK`), or empty/undefined on loopback. */
  network: string | null | undefined;
  /** `next dev`: no prerendered HTML, and the dev server's own needs (csp.ts). */
  dev: boolean;
  /** The inline script hashes of the page at that path (see prerenderedScriptHashes). */
  scriptHashes: (pathname: string) => readonly string[];
}

export type ProxyDecision =
  | { kind: 'refuse'; status: number; body: string; headers: Record<string, string> }
  | { kind: 'pass'; headers: Record<string, string> };

/** Whether other sites may frame this path: the embed and nothing else (docs/EMBEDDING.md). */
export function isEmbeddable(pathname: string): boolean {
  return pathname === '/embed' || pathname.startsWith('/embed/');
}

/**
 * The proxy's decision for one request. A foreign `Host` gets 421 Misdirected Request
 * (RFC 9110 §15.5.20: this server will not answer for that name) and no content at all.
 */
export function proxyDecision(pathname: string, headers: Headers, env: ProxyEnvironment): ProxyDecision {
  if (!hostAllowed(headers.get('host'), allowedHosts(env.network))) {
    return {
      kind: 'refuse',
      status: 421,
      body: 'This server answers only for the host names it was started for (see README, Security).\n',
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        ...securityHeaders({ scriptHashes: [], embeddable: false }),
      },
    };
  }
  const embeddable = isEmbeddable(pathname);
  const scriptHashes = env.dev || pathname.startsWith('/api/') ? [] : env.scriptHashes(pathname);
  return { kind: 'pass', headers: securityHeaders({ scriptHashes, embeddable, dev: env.dev }) };
}

/** Where `next build` writes prerendered pages (`.next/server/app/<route>.html`). */
const APP_DIR = path.join(process.cwd(), '.next', 'server', 'app');
const cache = new Map<string, readonly string[]>();

/**
 * The inline script hashes of the prerendered page for a path, read once from the build and
 * kept (a path the build has no page for gets the 404 page's, which is what it is served).
 * Only plain route paths are looked up: letters, digits, `-`, `_` and `/`.
 */
export function prerenderedScriptHashes(pathname: string, appDir = APP_DIR): readonly string[] {
  const route = pathname.replace(/\/+$/, '') || '/index';
  const file = /^(\/[A-Za-z0-9_-]+)+$/.test(route) ? route : '/_not-found';
  const cached = cache.get(`${appDir}${file}`);
  if (cached) return cached;
  let html: string;
  try {
    html = readFileSync(path.join(appDir, `${file}.html`), 'utf8');
  } catch {
    return file === '/_not-found' ? [] : prerenderedScriptHashes('/_not-found', appDir);
  }
  const hashes = inlineScriptHashes(html);
  cache.set(`${appDir}${file}`, hashes);
  return hashes;
}
