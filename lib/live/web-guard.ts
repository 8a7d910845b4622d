/**
 * Node only. The checks every request to the live lab's web side passes, as pure functions of
 * the request, so that the proxy and the route handlers share them and tests can call them:
 *
 * - Host allow-list (DNS rebinding): a page on `evil.example` whose name later resolves to
 *   127.0.0.1 sends `Host: evil.example`; only the names the server was started for answer.
 * - Cross-site requests (CSRF): a state-changing request must come from the lab's own pages —
 *   same origin by `Sec-Fetch-Site` and `Origin`, and `Content-Type: application/json`, which
 *   a plain HTML form cannot send (a `fetch` from another site that sets it needs a CORS
 *   preflight, which the lab never grants).
 * - The trainer key (network mode): whoever reaches the server from the room's network can
 *   watch, but only the holder of the key printed at start can reset, add or deliver.
 * - Bounded bodies: a request body is refused by its Content-Length, or while it streams in,
 *   as soon as it passes the cap (413), so a huge POST is never held in memory.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Largest request body the trainer's controls accept, in octets. */
export const MAX_BODY_BYTES = 16 * 1024;

/** The request header that carries the trainer key (never a URL: projectors show URLs). */
export const TRAINER_KEY_HEADER = 'x-trainer-key';

/** Loopback names the app always answers for. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The host names the app answers for: loopback, plus the network name in network mode
 * (`LAB_NETWORK`, set by `npm start -- --network <name>`). Lower case, no port.
 */
export function allowedHosts(network: string | null | undefined): ReadonlySet<string> {
  const names = new Set(LOOPBACK_HOSTS);
  const name = network?.trim().toLowerCase().replace(/\.$/, '');
  if (name) names.add(/^[0-9a-f]*:[0-9a-f:.]*$/.test(name) ? `[${name}]` : name);
  return names;
}

/** The host name of a `Host` header value (RFC 9110 §7.2: uri-host [ ":" port ]), lower case. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/** Whether a `Host` header names this server. A missing header is refused. */
export function hostAllowed(host: string | null, allowed: ReadonlySet<string>): boolean {
  return host !== null && allowed.has(hostName(host));
}

/**
 * Why a state-changing request is refused as cross-site, or null when it is not. Browsers send
 * `Sec-Fetch-Site` (Fetch Metadata) and `Origin` on every POST; anything but this very origin
 * is refused, including `same-site` (another port on localhost is same-site) and `Origin: null`
 * (sandboxed frames, some redirects). A request with neither header does not come from a
 * browser page, so it cannot be forged by one.
 */
export function crossSiteReason(headers: Headers): string | null {
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return `Sec-Fetch-Site is ${site}`;
  const origin = headers.get('origin');
  if (origin === null) return null;
  const host = headers.get('host');
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `Origin is ${origin}`;
    originHost = url.host;
  } catch {
    return `Origin is ${origin}`;
  }
  return host !== null && originHost === host.trim().toLowerCase() ? null : `Origin is ${origin}`;
}

/** Whether the media type is exactly `application/json` (parameters such as charset allowed). */
export function isJsonContentType(contentType: string | null): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Compares a presented key with the expected one in constant time. */
export function keyMatches(presented: string | null, expected: string): boolean {
  if (presented === null) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

export type BoundedBody = { ok: true; text: string } | { ok: false; status: 413 | 400 };

/**
 * Reads a request body of at most `limit` octets as UTF-8. A larger Content-Length is refused
 * before any of the body is read; a body that streams past the limit (no or a false
 * Content-Length) is cancelled as soon as it does. Either way: 413 (RFC 9110 §15.5.14).
 */
export async function readBoundedBody(request: Request, limit = MAX_BODY_BYTES): Promise<BoundedBody> {
  const declared = request.headers.get('content-length');
  if (declared !== null && (!/^\d+$/.test(declared.trim()) || Number(declared) > limit)) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, status: /^\s*\d+\s*$/.test(declared) ? 413 : 400 };
  }
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, status: 413 };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400 };
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
