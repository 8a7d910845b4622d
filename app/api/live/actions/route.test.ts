import { afterEach, describe, expect, it } from 'vitest';
import { LiveHub } from '@/lib/live/hub';
import { POST } from './route.live';

const KEY = Symbol.for('pop-vs-imap-lab.live-hub');
const slot = globalThis as Record<symbol, LiveHub | undefined>;

function withHub(options: { trainerKey?: string } = {}): LiveHub {
  const hub = new LiveHub(options);
  slot[KEY] = hub;
  return hub;
}
afterEach(() => {
  delete slot[KEY];
});

const ORIGIN = 'http://127.0.0.1:3000';
const addBob = JSON.stringify({ action: 'addAccount', user: 'bob', password: 'pw' });

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return POST(
    new Request(`${ORIGIN}/api/live/actions/`, {
      method: 'POST',
      body,
      headers: {
        host: '127.0.0.1:3000',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        ...headers,
      },
      duplex: 'half',
    } as RequestInit),
  );
}

describe('POST /api/live/actions/', () => {
  it("does what the lab's own page asks", async () => {
    const hub = withHub();
    const response = await post(addBob);
    expect(response.status).toBe(200);
    expect(hub.info().accounts).toContain('bob');
  });

  it.each([
    ['a text/plain body (a plain HTML form can send one)', { 'content-type': 'text/plain' }, 415],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['another site (Origin)', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, 403],
    [
      'another port on localhost (same-site)',
      { origin: 'http://127.0.0.1:3101', 'sec-fetch-site': 'same-site' },
      403,
    ],
    ['a rebound host name', { host: 'evil.example:3000', origin: 'http://evil.example:3000' }, 421],
  ])('refuses %s and changes nothing', async (_, headers, status) => {
    const hub = withHub();
    const response = await post(addBob, headers);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false });
    expect(hub.info().accounts).toEqual(['student']);
  });

  it('refuses a body over 16 KiB with 413, by Content-Length and while streaming', async () => {
    const hub = withHub();
    const big = JSON.stringify({ action: 'addAccount', user: 'bob', password: 'x'.repeat(20_000) });
    expect((await post(big)).status).toBe(413);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
      },
    });
    expect((await post(endless)).status).toBe(413);
    expect(pulled).toBeLessThan(24);
    expect(hub.info().accounts).toEqual(['student']);
  });

  it('in network mode, needs the trainer key in its header', async () => {
    const hub = withHub({ trainerKey: 'K3y-for-the-trainer' });
    expect(hub.info().trainerKeyRequired).toBe(true);
    expect((await post(addBob)).status).toBe(401);
    expect((await post(addBob, { 'x-trainer-key': 'guess' })).status).toBe(401);
    expect(hub.info().accounts).toEqual(['student']);
    expect((await post(addBob, { 'x-trainer-key': 'K3y-for-the-trainer' })).status).toBe(200);
    expect(hub.info().accounts).toContain('bob');
  });
});
