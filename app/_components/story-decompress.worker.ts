/**
 * A module worker that decompresses one `?story=` value (story-decompress.ts) off the page's
 * thread: it receives the value as a string and posts back a `Decompressed`. The page ends it
 * after a time limit (story-open.ts), so a crafted link cannot freeze the tab.
 */
import { decompressStoryParam } from './story-decompress';

self.onmessage = (event: MessageEvent<unknown>) => {
  const value = typeof event.data === 'string' ? event.data : '';
  self.postMessage(decompressStoryParam(value));
};
