/**
 * Decompresses a `?story=` value in the browser without risking the tab: lz-string runs in a
 * module worker (story-decompress.worker.ts), and a value that takes longer than
 * `DECOMPRESS_TIMEOUT_MS` is given up (the worker is terminated) and reported as too large.
 */
import { decompressStoryParam, TOO_LARGE_DECOMPRESSED, type Decompressed } from './story-decompress';

/** How long the worker may decompress, in milliseconds: real stories take a few. */
export const DECOMPRESS_TIMEOUT_MS = 2000;

/**
 * The value's JSON text or its problems (see `decompressStoryParam`), computed in a worker.
 * Without `Worker` (no such API), it decompresses on the page's thread. Never rejects.
 */
export function decompressInWorker(value: string): Promise<Decompressed> {
  if (typeof Worker === 'undefined') return Promise.resolve(decompressStoryParam(value));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./story-decompress.worker.ts', import.meta.url), { type: 'module' });
    const finish = (answer: Decompressed) => {
      window.clearTimeout(timer);
      worker.terminate();
      resolve(answer);
    };
    const refuse = (message: string) => finish({ ok: false, problems: [{ path: 'story', message }] });
    const timer = window.setTimeout(() => refuse(TOO_LARGE_DECOMPRESSED), DECOMPRESS_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<Decompressed>) => finish(event.data);
    // Not loaded, or out of memory: decompressing on the page instead could freeze it.
    worker.onerror = (event) => {
      event.preventDefault();
      refuse(
        `the link's story could not be decompressed (it may be too large once decompressed; limit 64 KiB)`,
      );
    };
    worker.postMessage(value);
  });
}
