import { liveHub, type LiveEvent } from '@/lib/live/hub';

export const dynamic = 'force-dynamic';

/** Events are sent in batches at most this often: a busy room does not flood the page. */
const BATCH_MS = 50;
/** Batches a slow reader may fall behind by before it is told to resync instead. */
const MAX_QUEUED_BATCHES = 40;

/**
 * Server-Sent Events: batches of wire units (passwords already masked), session changes and
 * store pictures. EventSource reconnects by itself. A reader that falls behind is not buffered
 * for without bound: its events are dropped and it is sent `resync`, to fetch the state anew.
 */
export function GET(request: Request) {
  const hub = liveHub();
  if (!hub) return new Response('The live mail server is not running.', { status: 503 });
  const encoder = new TextEncoder();
  let stop = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let batch: LiveEvent[] = [];
        let lagging = false;
        const write = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            stop();
          }
        };
        const flush = () => {
          if (batch.length === 0) return;
          if ((controller.desiredSize ?? 1) <= 0) {
            lagging = true;
            batch = [];
            return;
          }
          if (lagging) {
            lagging = false;
            batch = [];
            write(`event: resync\ndata: {}\n\n`);
            return;
          }
          write(`event: batch\ndata: ${JSON.stringify(batch)}\n\n`);
          batch = [];
        };
        write(`retry: 2000\n\n`);
        const unsubscribe = hub.subscribe((event) => {
          // Only the latest store picture matters within one batch.
          if (event.type === 'store') batch = batch.filter((e) => e.type !== 'store');
          batch.push(event);
        });
        const timer = setInterval(flush, BATCH_MS);
        const keepAlive = setInterval(() => write(`: keep-alive\n\n`), 15_000);
        stop = () => {
          unsubscribe();
          clearInterval(timer);
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
