/**
 * The app's proxy (Next.js 16's name for middleware), run by the Node server before each
 * request. The `.live.ts` extension keeps it out of the static export (next.config.js), which
 * has no server: a static host sets its own headers.
 *
 * - Refuses requests for hosts the server was not started for (DNS rebinding).
 * - Gives every page a Content-Security-Policy and denies framing, except `/embed/`.
 *
 * The trainer's actions route and the classroom's API are not matched: they check the same
 * things themselves, reading each body with a cap (lib/live/web-guard.ts, classroom/guard.ts). A
 * proxy in front would buffer a body first: an oversized one was read to its end and then seen
 * cut at 16 KiB (a 400 after the whole upload instead of a 413 at once).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { prerenderedScriptHashes, proxyDecision } from './lib/live/web-proxy';

export function proxy(request: NextRequest) {
  const decision = proxyDecision(request.nextUrl.pathname, request.headers, {
    network: process.env.LAB_NETWORK,
    dev: process.env.NODE_ENV !== 'production',
    scriptHashes: prerenderedScriptHashes,
  });
  const response =
    decision.kind === 'refuse'
      ? new NextResponse(decision.body, { status: decision.status })
      : NextResponse.next();
  for (const [name, value] of Object.entries(decision.headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static/|_next/image|api/live/actions|api/class/).*)'],
};
