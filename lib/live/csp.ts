/**
 * Node only. The Content-Security-Policy and framing headers of the app's pages (W3C CSP
 * Level 3). Pages are prerendered: their inline scripts (React's streamed payload, the theme
 * boot script, the compare page's deep-link boot script, the embed's boot script) are fixed
 * at build time, so each page's policy allows exactly its own inline scripts by SHA-256 hash,
 * read once from the prerendered HTML — no `'unsafe-inline'` for scripts, and no nonce (a
 * nonce would need every page rendered per request).
 */
import { createHash } from 'node:crypto';

/**
 * The `'sha256-…'` source of every inline script in an HTML page (a `<script>` without `src`),
 * hashed over its exact text as CSP does (UTF-8, CSP3 §8.4 "does a source list allow all
 * inline behavior"). Duplicates are listed once.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(match[1] ?? '')) continue;
    const digest = createHash('sha256')
      .update(match[2] ?? '', 'utf8')
      .digest('base64');
    hashes.add(`'sha256-${digest}'`);
  }
  return [...hashes];
}

export interface PolicyOptions {
  /** The page's inline script hashes (`inlineScriptHashes`). */
  scriptHashes: readonly string[];
  /** Whether other sites may frame the page (only `/embed/`, see docs/EMBEDDING.md). */
  embeddable: boolean;
  /** `next dev` evaluates code and talks over a WebSocket for hot reloading. */
  dev?: boolean;
}

/**
 * The policy of one page. Styles allow `'unsafe-inline'`: server-rendered `style` attributes
 * (and motion's) carry layout, and CSS cannot run script. Images allow `data:` and `blob:` for
 * the PNG/SVG export. `frame-ancestors 'none'` unless embeddable.
 */
export function contentSecurityPolicy(options: PolicyOptions): string {
  const script = options.dev
    ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"]
    : ["'self'", ...options.scriptHashes];
  const directives = [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(options.embeddable ? [] : ["frame-ancestors 'none'"]),
  ];
  return directives.join('; ');
}

/**
 * Security headers for a page or API response: the policy, X-Frame-Options for browsers that
 * predate `frame-ancestors` (RFC 7034), no MIME sniffing, and no full URLs in Referer to other
 * sites.
 */
export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    ...(options.embeddable ? {} : { 'x-frame-options': 'DENY' }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
}
