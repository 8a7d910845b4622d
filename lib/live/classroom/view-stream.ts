/**
 * Node only. A class page's Server-Sent Events stream (text/event-stream, as the Live page's
 * app/api/live/events): the page's whole view as `data:` JSON at once and after every change.
 * A reader that cannot keep up is never buffered for: while its queue is full, views are not
 * queued, and the newest is sent as soon as it has room (each view replaces the one before).
 * A comment every 15 s keeps proxies and phones from closing a quiet stream.
 */
import type { ClassHub } from './class-hub';

/** Views a slow reader may have queued. */
const MAX_QUEUED = 4;
const KEEP_ALIVE_MS = 15_000;

const encoder = new TextEncoder();
const RETRY = encoder.encode('retry: 2000\n\n');
const KEEP_ALIVE = encoder.encode(': keep-alive\n\n');

/**
 * Streams `render()` to the reader, now and after each change of `hub`. When `render` returns
 * null (the student is no longer in the class), the stream sends `event: gone` and ends.
 */
export function viewStream(request: Request, hub: ClassHub, render: () => unknown): Response {
  let stop = () => undefined as void;
  let stale = false;
  let send = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const write = (frame: Uint8Array) => {
          try {
            controller.enqueue(frame);
          } catch {
            stop();
          }
        };
        send = () => {
          if ((controller.desiredSize ?? 1) <= 0) {
            stale = true;
            return;
          }
          stale = false;
          const view = render();
          if (view === null) {
            write(encoder.encode('event: gone\ndata: {}\n\n'));
            stop();
            try {
              controller.close();
            } catch {
              // already closed
            }
            return;
          }
          write(encoder.encode(`data: ${JSON.stringify(view)}\n\n`));
        };
        const unwatch = hub.watch(() => send());
        const keepAlive = setInterval(() => write(KEEP_ALIVE), KEEP_ALIVE_MS);
        stop = () => {
          unwatch();
          clearInterval(keepAlive);
        };
        // After `stop` is set: a first view of null ends the stream at once.
        write(RETRY);
        send();
        request.signal.addEventListener('abort', () => {
          stop();
          try {
            controller.close();
          } catch {
            // already closed
          }
        });
      },
      pull() {
        if (stale) send();
      },
      cancel() {
        stop();
      },
    },
    new CountQueuingStrategy({ highWaterMark: MAX_QUEUED }),
  );
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    },
  });
}
