import * as z from 'zod/mini';
import { liveHub } from '@/lib/live/hub';

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

/** The trainer's controls: reset the store, add an account, deliver a message. */
export async function POST(request: Request) {
  const hub = liveHub();
  if (!hub)
    return Response.json({ ok: false, error: 'The live mail server is not running.' }, { status: 503 });
  const parsed = Action.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false, error: 'Malformed request.' }, { status: 400 });
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
    return Response.json({ ok: false, error: (error as Error).message }, { status: 400 });
  }
}
