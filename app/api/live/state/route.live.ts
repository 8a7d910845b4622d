import { liveHub } from '@/lib/live/hub';

export const dynamic = 'force-dynamic';

/**
 * Everything the Live page draws at load: the listeners, the sessions, the store, and the
 * sequence number of the last event they include (`seq`, see LiveEvent). Without a live
 * mail server, 503 and, in `info.error`, why and what to do: switched off by LIVE_MAIL_SERVER=off
 * (instrumentation.ts), or not started.
 */
export function GET() {
  const hub = liveHub();
  if (!hub)
    return Response.json(
      {
        info: {
          running: false,
          error:
            process.env.LIVE_MAIL_SERVER === 'off'
              ? 'The live mail server is switched off here (the lab was started with LIVE_MAIL_SERVER=off). Start it without that setting (npm start) to watch a real client on this page.'
              : 'The live mail server is not running here. It starts with the lab (npm start), on 127.0.0.1; its log says why it did not.',
        },
      },
      { status: 503 },
    );
  // `seq`: the last event this state includes; the page applies only the streamed events after it.
  return Response.json({
    info: hub.info(),
    sessions: hub.sessionViews(),
    store: hub.snapshot(),
    seq: hub.lastSeq,
  });
}
