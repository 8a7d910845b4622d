import { afterEach, describe, expect, it } from 'vitest';
import { LiveHub } from '@/lib/live/hub';
import { classHub } from '@/lib/live/classroom/class-hub';
import { GET, POST } from './route.live';

const HUB = Symbol.for('pop-vs-imap-lab.live-hub');
const CLASS = Symbol.for('pop-vs-imap-lab.class-hub');
const SETTING = Symbol.for('pop-vs-imap-lab.class-live-names');
const slot = globalThis as Record<symbol, unknown>;
afterEach(() => {
  delete slot[HUB];
  delete slot[CLASS];
  delete slot[SETTING];
});

const ORIGIN = 'http://127.0.0.1:3000';
const KEY = 'trainer-key-for-tests';

/** A lab in network mode (trainer key) with one student, Ada, in the class. */
function classWithAda() {
  slot[HUB] = new LiveHub({ trainerKey: KEY });
  const room = classHub()!.room;
  const joined = room.join(room.newCode(), 'Ada Lovelace', '10.0.0.5');
  expect(joined.ok).toBe(true);
}

const get = (headers: Record<string, string> = {}) =>
  GET(new Request(`${ORIGIN}/api/class/labels/`, { headers: { host: '127.0.0.1:3000', ...headers } }));
const post = (body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request(`${ORIGIN}/api/class/labels/`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: {
        host: '127.0.0.1:3000',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        ...headers,
      },
    }),
  );

describe('the Live page class labels', () => {
  it('are anonymous by default, even for the trainer', async () => {
    classWithAda();
    const response = await get({ 'x-trainer-key': KEY });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, showNames: false, names: {} });
  });

  it('give the names to the trainer once switched on, and to no one without the key', async () => {
    classWithAda();
    const switched = await post({ showNames: true }, { 'x-trainer-key': KEY });
    expect(await switched.json()).toEqual({
      ok: true,
      showNames: true,
      names: { student01: 'Ada Lovelace' },
    });
    const stranger = await get();
    expect(stranger.status).toBe(401);
    expect(JSON.stringify(await stranger.json())).not.toContain('Ada');
    expect((await get({ 'x-trainer-key': 'wrong' })).status).toBe(401);
  });

  it('switch only with the trainer key, from the lab’s own page, as JSON', async () => {
    classWithAda();
    expect((await post({ showNames: true })).status).toBe(401);
    expect((await post({ showNames: true }, { 'x-trainer-key': 'wrong' })).status).toBe(401);
    expect(
      (await post({ showNames: true }, { 'x-trainer-key': KEY, 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
    expect((await post({ showNames: 'yes' }, { 'x-trainer-key': KEY })).status).toBe(400);
    expect(await (await get({ 'x-trainer-key': KEY })).json()).toMatchObject({ showNames: false, names: {} });
  });

  it('switch back to anonymous', async () => {
    classWithAda();
    await post({ showNames: true }, { 'x-trainer-key': KEY });
    const back = await post({ showNames: false }, { 'x-trainer-key': KEY });
    expect(await back.json()).toEqual({ ok: true, showNames: false, names: {} });
  });
});
