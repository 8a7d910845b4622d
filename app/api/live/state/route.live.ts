import { liveHub } from '@/lib/live/hub';

export const dynamic = 'force-dynamic';

/** Everything the Live page draws at load: the listeners, the sessions, the store. */
export function GET() {
  const hub = liveHub();
  if (!hub)
    return Response.json(
      { info: { running: false, error: 'The live mail server is not running.' } },
      { status: 503 },
    );
  return Response.json({ info: hub.info(), sessions: hub.sessionViews(), store: hub.snapshot() });
}
