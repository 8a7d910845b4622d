import { afterEach, describe, expect, it } from 'vitest';
import { GET } from './route.live';

const before = process.env.LIVE_MAIL_SERVER;
afterEach(() => {
  if (before === undefined) delete process.env.LIVE_MAIL_SERVER;
  else process.env.LIVE_MAIL_SERVER = before;
});

describe('GET /api/live/state/ without a live mail server', () => {
  it('says it was switched off, and how to start it, when LIVE_MAIL_SERVER=off', async () => {
    process.env.LIVE_MAIL_SERVER = 'off';
    const response = GET();
    expect(response.status).toBe(503);
    const body = (await response.json()) as { info: { running: boolean; error: string } };
    expect(body.info.running).toBe(false);
    expect(body.info.error).toMatch(/switched off .*LIVE_MAIL_SERVER=off.*npm start/);
  });

  it('says it is not running, and where to look, otherwise', async () => {
    delete process.env.LIVE_MAIL_SERVER;
    const body = (await GET().json()) as { info: { error: string } };
    expect(body.info.error).toMatch(/not running here\. It starts with the lab \(npm start\)/);
  });
});
