import * as z from 'zod/mini';
import { classHub } from '@/lib/live/classroom/class-hub';
import { checkPost, peerAddress, readJson, refuse } from '@/lib/live/classroom/guard';

export const dynamic = 'force-dynamic';

/** A refused join is answered this late, as a failed mail login is (lib/live/server.ts). */
const FAILED_JOIN_DELAY_MS = 1_000;

const Join = z.object({
  code: z.string().check(z.maxLength(32)),
  name: z.string().check(z.maxLength(200)),
});

const STATUS = {
  closed: 403,
  'wrong-code': 403,
  'expired-code': 403,
  'rate-limited': 429,
  full: 409,
  'bad-name': 400,
  'no-account': 409,
} as const;

/**
 * A student joins: `{ code, name }` from the lab's own page (same origin, JSON). Answers
 * `{ ok: true, token }` — the page keeps the token and sends it in the x-class-token header —
 * or `{ ok: false, error }` with a message for the student, a second later when refused.
 */
export async function POST(request: Request) {
  const guard = checkPost(request);
  if (guard) return guard;
  const hub = classHub();
  if (!hub) return refuse(503, 'The live mail server is not running.');
  const body = await readJson(request);
  if (body instanceof Response) return body;
  const parsed = Join.safeParse(body.json);
  if (!parsed.success) return refuse(400, 'Malformed request.');
  const result = hub.room.join(parsed.data.code, parsed.data.name, peerAddress(request));
  if (!result.ok) {
    await new Promise((resolve) => setTimeout(resolve, FAILED_JOIN_DELAY_MS));
    return refuse(STATUS[result.reason], result.message);
  }
  hub.changed();
  return Response.json(
    { ok: true, token: result.student.token },
    { headers: { 'cache-control': 'no-store' } },
  );
}
