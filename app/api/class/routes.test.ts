import { afterEach, describe, expect, it } from 'vitest';
import { LiveHub } from '@/lib/live/hub';
import { SseParser } from '@/app/class/_components/sse-parser';
import { POST as answer } from './answer/route.live';
import { GET as events } from './events/route.live';
import { POST as join } from './join/route.live';
import { GET as summary } from './summary/route.live';
import { POST as trainer } from './trainer/route.live';

const HUB = Symbol.for('pop-vs-imap-lab.live-hub');
const CLASS = Symbol.for('pop-vs-imap-lab.class-hub');
const slot = globalThis as Record<symbol, unknown>;

function withHub(options: { trainerKey?: string } = {}): LiveHub {
  const hub = new LiveHub(options);
  slot[HUB] = hub;
  return hub;
}
afterEach(() => {
  delete slot[HUB];
  delete slot[CLASS];
});

const ORIGIN = 'http://127.0.0.1:3000';
const SAME_ORIGIN = {
  host: '127.0.0.1:3000',
  origin: ORIGIN,
  'sec-fetch-site': 'same-origin',
  'content-type': 'application/json',
};

function request(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { ...SAME_ORIGIN, ...headers },
  });
}

const open = async (headers: Record<string, string> = {}) => {
  const response = await trainer(request('/api/class/trainer/', { action: 'open' }, headers));
  return { response, body: (await response.json()) as { view?: { code: string } } };
};

/** Reads the first view of a class stream, then stops it. */
async function firstView(path: string, headers: Record<string, string>): Promise<Record<string, unknown>> {
  const abort = new AbortController();
  const response = events(
    new Request(`${ORIGIN}${path}`, {
      headers: { host: '127.0.0.1:3000', ...headers },
      signal: abort.signal,
    }),
  );
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  for (;;) {
    const { value } = await reader.read();
    const [event] = parser.push(value ?? '');
    if (event) {
      abort.abort();
      return JSON.parse(event.data) as Record<string, unknown>;
    }
  }
}

describe('the class API', () => {
  it('a student joins with the code and gets an account that the mail store knows', async () => {
    const hub = withHub();
    const { body } = await open();
    const joined = await join(request('/api/class/join/', { code: body.view!.code, name: 'Ada' }));
    expect(joined.status).toBe(200);
    const { token } = (await joined.json()) as { token: string };
    const view = await firstView('/api/class/events/', { 'x-class-token': token });
    const me = view.me as { user: string; password: string };
    expect(me.user).toMatch(/^student\d\d$/);
    expect(hub.store.getAccount(me.user)?.password).toBe(me.password);
    expect(view.mail).toMatchObject({ host: '127.0.0.1' });
  });

  it('refuses a wrong code with a message, a second later', async () => {
    withHub();
    await open();
    const started = Date.now();
    const refused = await join(request('/api/class/join/', { code: 'ZZZZZZ', name: 'Eve' }));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/not this class/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('refuses joins, answers and trainer actions from another site', async () => {
    withHub();
    const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    expect((await join(request('/api/class/join/', { code: 'X', name: 'E' }, evil))).status).toBe(403);
    expect((await answer(request('/api/class/answer/', { prompt: 'x', choice: 0 }, evil))).status).toBe(403);
    expect((await open(evil)).response.status).toBe(403);
    expect((await open({ 'content-type': 'text/plain' })).response.status).toBe(415);
    expect((await open({ host: 'evil.example' })).response.status).toBe(421);
  });

  it('in network mode the trainer’s actions, stream and summary need the trainer key', async () => {
    withHub({ trainerKey: 'k3y' });
    expect((await open()).response.status).toBe(401);
    expect((await open({ 'x-trainer-key': 'wrong' })).response.status).toBe(401);
    expect((await open({ 'x-trainer-key': 'k3y' })).response.status).toBe(200);
    const stream = events(
      new Request(`${ORIGIN}/api/class/events/?as=presenter`, { headers: { host: '127.0.0.1:3000' } }),
    );
    expect(stream.status).toBe(401);
    const csv = (key?: string) =>
      summary(
        new Request(`${ORIGIN}/api/class/summary/`, {
          headers: { host: '127.0.0.1:3000', ...(key ? { 'x-trainer-key': key } : {}) },
        }),
      );
    expect(csv().status).toBe(401);
    expect(csv('k3y').status).toBe(200);
    expect(csv('k3y').headers.get('content-type')).toMatch(/^text\/csv/);
    const view = await firstView('/api/class/events/?as=presenter', { 'x-trainer-key': 'k3y' });
    expect(view).toMatchObject({
      open: true,
      students: 0,
      joinUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:3000\/class\/\?code=/),
    });
  });

  it('a student stream needs a token the class gave', async () => {
    withHub();
    expect(
      events(new Request(`${ORIGIN}/api/class/events/`, { headers: { host: '127.0.0.1:3000' } })).status,
    ).toBe(401);
    expect(
      events(
        new Request(`${ORIGIN}/api/class/events/`, {
          headers: { host: '127.0.0.1:3000', 'x-class-token': 'guess' },
        }),
      ).status,
    ).toBe(401);
  });

  it('answers go to the open prompt only, once, and the trainer’s step and reveal are checked', async () => {
    withHub();
    const { body } = await open();
    const { token } = (await (
      await join(request('/api/class/join/', { code: body.view!.code, name: 'Ada' }))
    ).json()) as {
      token: string;
    };
    const step = (scenario: string, n: number) =>
      trainer(request('/api/class/trainer/', { action: 'step', scenario, step: n }));
    const send = (choice: number) =>
      answer(request('/api/class/answer/', { prompt: 'new-mail:1', choice }, { 'x-class-token': token }));
    expect((await step('nope', 0)).status).toBe(400);
    expect((await trainer(request('/api/class/trainer/', { action: 'reveal' }))).status).toBe(409);
    expect((await step('new-mail', 0)).status).toBe(200);
    expect((await send(0)).status).toBe(409);
    expect((await step('new-mail', 1)).status).toBe(200);
    expect((await send(0)).status).toBe(200);
    expect((await send(1)).status).toBe(409);
    expect((await trainer(request('/api/class/trainer/', { action: 'reveal' }))).status).toBe(200);
    const csv = await summary(
      new Request(`${ORIGIN}/api/class/summary/`, { headers: { host: '127.0.0.1:3000' } }),
    ).text();
    expect(csv.split('\r\n')[1]).toMatch(/^new-mail,2,new-mail:1,.*,1,1,1,100$/);
  });
});
