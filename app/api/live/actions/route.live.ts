import * as z from 'zod/mini';
import { liveHub } from '@/lib/live/hub';
import {
  allowedHosts,
  crossSiteReason,
  hostAllowed,
  isJsonContentType,
  keyMatches,
  readBoundedBody,
  TRAINER_KEY_HEADER,
} from '@/lib/live/web-guard';

export const dynamic = 'force-dynamic';

const Action = z.discriminatedUnion('action', [
  z.object({ action: z.literal('reset') }),
  z.object({
    action: z.literal('addAccount'),
    user: z.string().check(z.maxLength(64)),
    password: z.string().check(z.maxLength(128)),
  }),
  z.object({
    action: z.literal('deliver'),
    user: z.string().check(z.maxLength(64)),
    from: z.string().check(z.maxLength(200)),
    subject: z.string().check(z.maxLength(200)),
    text: z.string().check(z.maxLength(10_000)),
  }),
]);

const refuse = (status: number, error: string) =>
  Response.json({ ok: false, error }, { status, headers: { 'cache-control': 'no-store' } });

/**
 * The trainer's controls: reset the store, add an account, deliver a message. Only from the
 * lab's own pages (same origin, JSON, an allowed Host), with the trainer key in network mode,
 * and a body of at most 16 KiB (lib/live/web-guard.ts).
 */
export async function POST(request: Request) {
  if (!hostAllowed(request.headers.get('host'), allowedHosts(process.env.LAB_NETWORK)))
    return refuse(421, 'This server does not answer for that host name.');
  const crossSite = crossSiteReason(request.headers);
  if (crossSite) return refuse(403, `Only the lab's own pages may do that (${crossSite}).`);
  if (!isJsonContentType(request.headers.get('content-type')))
    return refuse(415, 'Send the action as application/json.');
  const hub = liveHub();
  if (!hub) return refuse(503, 'The live mail server is not running.');
  if (hub.trainerKey !== null && !keyMatches(request.headers.get(TRAINER_KEY_HEADER), hub.trainerKey))
    return refuse(401, 'The trainer key is missing or wrong.');
  const body = await readBoundedBody(request);
  if (!body.ok)
    return refuse(body.status, body.status === 413 ? 'The request is too large.' : 'Malformed request.');
  let json: unknown = null;
  try {
    json = JSON.parse(body.text);
  } catch {
    // answered below as malformed
  }
  const parsed = Action.safeParse(json);
  if (!parsed.success) return refuse(400, 'Malformed request.');
  try {
    const a = parsed.data;
    if (a.action === 'reset') hub.reset();
    else if (a.action === 'addAccount') hub.addAccount(a.user, a.password);
    else {
      if (!hub.store.getAccount(a.user)) throw new Error(`No account "${a.user}".`);
      hub.deliver(a.user, a.from || 'Trainer <trainer@popvsimap.lab>', a.subject || '(no subject)', a.text);
    }
    return Response.json({ ok: true, info: hub.info() });
  } catch (error) {
    return refuse(400, (error as Error).message);
  }
}
