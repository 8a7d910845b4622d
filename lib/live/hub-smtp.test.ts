import { once } from 'node:events';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveHub } from './hub';
import type { LiveEvent } from './view-types';

let hub: LiveHub | null = null;
afterEach(async () => {
  await hub?.stop();
  hub = null;
});

/** Sends lines over TCP, each after the previous reply is complete, then closes. */
async function talk(port: number, lines: string[]) {
  const socket = net.connect(port, '127.0.0.1');
  const closed = once(socket, 'close');
  await once(socket, 'connect');
  socket.setEncoding('latin1');
  let buffer = '';
  socket.on('data', (d: string) => (buffer += d));
  const settled = async () => {
    for (let i = 0; i < 200 && !/(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(buffer); i++)
      await new Promise((r) => setTimeout(r, 5));
  };
  await settled();
  for (const line of lines) {
    buffer = '';
    socket.write(line + '\r\n');
    await settled();
  }
  socket.end();
  await closed;
  await new Promise((r) => setTimeout(r, 20));
}

describe('live hub: SMTP sessions', () => {
  it('records an SMTP session as a lane: protocol smtp, AUTH masked, the delivery in the store picture', async () => {
    hub = new LiveHub();
    await hub.start({ host: '127.0.0.1', pop3Port: 0, imapPort: 0, smtpPort: 0 });
    const info = hub.info();
    expect(info.smtpPort).toBeGreaterThan(0);
    const events: LiveEvent[] = [];
    hub.subscribe((e) => events.push(e));
    const before = hub.store.getAccount('student')!.inbox.messages.length;
    await talk(info.smtpPort!, [
      'EHLO laptop.example',
      `AUTH PLAIN ${btoa('\0student\0secret')}`,
      'MAIL FROM:<student@popvsimap.lab>',
      'RCPT TO:<student@popvsimap.lab>',
      'DATA',
      'Subject: live\r\n\r\nhello\r\n.',
      'QUIT',
    ]);
    const [session] = hub.sessionViews();
    // SMTP's states in words (smtpStateWords), as the Live page shows them.
    expect(session).toMatchObject({ protocol: 'smtp', open: false, state: 'no mail transaction' });
    expect(session!.lines.map((l) => l.state)).toContain('after RCPT TO');
    const texts = session!.lines.map((l) => l.text.split('\r\n')[0]);
    expect(texts).toEqual(
      expect.arrayContaining([
        'EHLO laptop.example',
        'AUTH PLAIN ********',
        '354 End data with <CR><LF>.<CR><LF>',
      ]),
    );
    expect(session!.lines.find((l) => l.text.startsWith('AUTH'))).toMatchObject({
      masked: true,
      rfc: 'RFC 4954 §4',
    });
    expect(JSON.stringify(events)).not.toContain(btoa('\0student\0secret'));
    expect(hub.store.getAccount('student')!.inbox.messages).toHaveLength(before + 1);
    await new Promise((r) => setTimeout(r, 150));
    expect(events.some((e) => e.type === 'store')).toBe(true);
  });

  it('mail for another domain shows in the store picture the Live page draws: the outbox, with the MX route', async () => {
    hub = new LiveHub();
    await hub.start({ host: '127.0.0.1', pop3Port: 0, imapPort: 0, smtpPort: 0 });
    const events: LiveEvent[] = [];
    hub.subscribe((e) => events.push(e));
    expect(hub.snapshot().outbox).toBeUndefined();
    await talk(hub.info().smtpPort!, [
      'EHLO laptop.example',
      `AUTH PLAIN ${btoa('\0student\0secret')}`,
      'MAIL FROM:<student@popvsimap.lab>',
      'RCPT TO:<friend@example.org>',
      'DATA',
      'Subject: to a friend\r\n\r\nhello\r\n.',
      'QUIT',
    ]);
    await new Promise((r) => setTimeout(r, 150));
    const pictured = events.findLast((e) => e.type === 'store');
    expect(pictured?.type === 'store' && pictured.store.outbox).toEqual([
      expect.objectContaining({
        from: 'student@popvsimap.lab',
        subject: 'to a friend',
        relays: [expect.objectContaining({ domain: 'example.org', recipients: ['friend@example.org'] })],
      }),
    ]);
    hub.reset();
    expect(hub.snapshot().outbox).toBeUndefined();
  });

  it('without smtpPort there is no SMTP listener', async () => {
    hub = new LiveHub();
    await hub.start({ host: '127.0.0.1', pop3Port: 0, imapPort: 0 });
    expect(hub.info().smtpPort).toBeNull();
  });
});
