/**
 * Node only. The checks of the class's API routes, on top of lib/live/web-guard.ts: the same
 * Host allow-list, the same-origin JSON rule for anything that changes state, bounded bodies,
 * and the trainer key (in network mode) for the trainer's actions. Each returns a Response to
 * send, or null to go on.
 */
import {
  allowedHosts,
  crossSiteReason,
  hostAllowed,
  isJsonContentType,
  keyMatches,
  readBoundedBody,
  TRAINER_KEY_HEADER,
} from '../web-guard';

/** The header a student's page sends its token in (never a URL). */
export const CLASS_TOKEN_HEADER = 'x-class-token';

/** A JSON error answer, never cached. */
export function refuse(status: number, error: string): Response {
  return Response.json({ ok: false, error }, { status, headers: { 'cache-control': 'no-store' } });
}

/** 421 unless the Host header names this server (DNS rebinding). */
export function checkHost(request: Request): Response | null {
  return hostAllowed(request.headers.get('host'), allowedHosts(process.env.LAB_NETWORK))
    ? null
    : refuse(421, 'This server does not answer for that host name.');
}

/** For a state-changing request: an allowed Host, the lab's own page, JSON (web-guard.ts). */
export function checkPost(request: Request): Response | null {
  const host = checkHost(request);
  if (host) return host;
  const crossSite = crossSiteReason(request.headers);
  if (crossSite) return refuse(403, `Only the lab's own pages may do that (${crossSite}).`);
  if (!isJsonContentType(request.headers.get('content-type')))
    return refuse(415, 'Send the request as application/json.');
  return null;
}

/** 401 unless the request carries the trainer key, when the server has one (network mode). */
export function checkTrainer(request: Request, trainerKey: string | null): Response | null {
  return trainerKey !== null && !keyMatches(request.headers.get(TRAINER_KEY_HEADER), trainerKey)
    ? refuse(401, 'The trainer key is missing or wrong.')
    : null;
}

/** The request's JSON body (at most 16 KiB), or the Response refusing it (400, 413). */
export async function readJson(request: Request): Promise<{ json: unknown } | Response> {
  const body = await readBoundedBody(request);
  if (!body.ok)
    return refuse(body.status, body.status === 413 ? 'The request is too large.' : 'Malformed request.');
  try {
    return { json: JSON.parse(body.text) as unknown };
  } catch {
    return refuse(400, 'Malformed request.');
  }
}

/**
 * The peer's address as the Next.js server recorded it (`x-forwarded-for`, which it sets from
 * the socket when the request has none). A client can send its own header, so the room also
 * limits failures over all addresses (room.ts, JOIN_FAILURES_PER_ROOM).
 */
export function peerAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}
