import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../app/class/_components/sse-parser';
import { LiveHub } from '../hub';
import { ClassHub, PUSH_DELAY_MS } from './class-hub';
import { viewStream } from './view-stream';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a class page stream', () => {
  it('sends the view at once and after each change, together when changes come close', async () => {
    const hub = new ClassHub(new LiveHub());
    let n = 0;
    const abort = new AbortController();
    const response = viewStream(new Request('http://127.0.0.1/', { signal: abort.signal }), hub, () => ({
      n: ++n,
    }));
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    const next = async () => {
      for (;;) {
        const [event] = parser.push((await reader.read()).value ?? '');
        if (event) return JSON.parse(event.data) as { n: number };
      }
    };
    expect(await next()).toEqual({ n: 1 });
    hub.changed();
    hub.changed();
    hub.changed();
    expect(await next()).toEqual({ n: 2 });
    await wait(PUSH_DELAY_MS * 3);
    expect(n).toBe(2);
    abort.abort();
    expect(hub.watcherCount).toBe(0);
  });

  it('does not queue for a reader that does not read: it gets the newest view when it does', async () => {
    const hub = new ClassHub(new LiveHub());
    let n = 0;
    const response = viewStream(new Request('http://127.0.0.1/'), hub, () => ({
      n: ++n,
      pad: 'x'.repeat(1000),
    }));
    for (let i = 0; i < 20; i++) {
      hub.changed();
      await wait(PUSH_DELAY_MS + 10);
    }
    // 1 view at start + 20 changes were due; only a few were made and queued.
    expect(n).toBeLessThan(8);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    const seen: number[] = [];
    while (seen.at(-1) !== n || seen.length === 0) {
      for (const event of parser.push((await reader.read()).value ?? ''))
        seen.push((JSON.parse(event.data) as { n: number }).n);
    }
    expect(seen.length).toBeLessThan(8);
    expect(seen.at(-1)).toBe(n);
    await reader.cancel();
    expect(hub.watcherCount).toBe(0);
  });

  it('tells a student who is no longer in the class, and ends', async () => {
    const hub = new ClassHub(new LiveHub());
    const response = viewStream(new Request('http://127.0.0.1/'), hub, () => null);
    const text = await response.text();
    expect(text).toContain('event: gone\n');
    expect(hub.watcherCount).toBe(0);
  });
});
