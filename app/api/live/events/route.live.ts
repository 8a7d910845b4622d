import { liveHub } from '@/lib/live/hub';

export const dynamic = 'force-dynamic';

/** Batches a slow reader may fall behind by before it is told to resync instead. */
const MAX_QUEUED_BATCHES = 40;

const encoder = new TextEncoder();
const RETRY = encoder.encode('retry: 2000\n\n');
const RESYNC = encoder.encode('event: resync\ndata: {}\n\n');
const KEEP_ALIVE = encoder.encode(': keep-alive\n\n');

/**
 * Server-Sent Events: batches of wire units (passwords masked, lines cut to 4 KiB), session
 * changes and store pictures, each batch encoded once for all readers (the hub's EventFeed).
 * EventSource reconnects by itself. A reader that falls behind is not buffered for without
 * bound: its batches are dropped and it is sent `resync`, to fetch the state anew.
 */
export function GET(request: Request) {
  const hub = liveHub();
  if (!hub) return new Response('The live mail server is not running.', { status: 503 });
  let stop = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let lagging = false;
        const write = (frame: Uint8Array) => {
          try {
            controller.enqueue(frame);
          } catch {
            stop();
          }
        };
        write(RETRY);
        const remove = hub.feed.add((frame) => {
          if ((controller.desiredSize ?? 1) <= 0) {
            lagging = true;
          } else if (lagging) {
            lagging = false;
            write(RESYNC);
          } else {
            write(frame);
          }
        });
        const keepAlive = setInterval(() => write(KEEP_ALIVE), 15_000);
        stop = () => {
          remove();
          clearInterval(keepAlive);
        };
        request.signal.addEventListener('abort', () => {
          stop();
          try {
            controller.close();
          } catch {
            // already closed
          }
        });
      },
      cancel() {
        stop();
      },
    },
    new CountQueuingStrategy({ highWaterMark: MAX_QUEUED_BATCHES }),
  );
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    },
  });
}
