import net from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_PER_SESSION, LiveHub, type LiveEvent } from './hub';

let hub: LiveHub | null = null;
afterEach(async () => {
  await hub?.stop();
  hub = null;
});

async function started() {
  hub = new LiveHub();
  await hub.start({ host: '127.0.0.1', pop3Port: 0, imapPort: 0 });
  return hub;
}

/** Sends lines over TCP and waits until the server has answered each. */
async function talk(port: number, lines: string[]) {
  const socket = net.connect(port, '127.0.0.1');
  const closed = once(socket, 'close');
  await once(socket, 'connect');
  socket.setEncoding('latin1');
  let buffer = '';
  socket.on('data', (d: string) => (buffer += d));
  const waitFor = async (re: RegExp) => {
    for (let i = 0; i < 200 && !re.test(buffer); i++) await new Promise((r) => setTimeout(r, 5));
  };
  await waitFor(/\r\n/);
  for (const line of lines) {
    const before = buffer.length;
    socket.write(line + '\r\n');
    for (let i = 0; i < 200 && buffer.length === before; i++) await new Promise((r) => setTimeout(r, 5));
  }
  socket.end();
  await closed;
  // The server hears of the close on its own turn of the event loop.
  await new Promise((r) => setTimeout(r, 20));
}

describe('live hub', () => {
  it('records each session with its wire units, passwords masked, and tells subscribers', async () => {
    const h = await started();
    const events: LiveEvent[] = [];
    h.subscribe((e) => events.push(e));
    await talk(h.info().pop3Port!, ['USER student', 'PASS secret', 'STAT', 'QUIT']);
    const [session] = h.sessionViews();
    expect(session).toMatchObject({ protocol: 'pop3', open: false, state: 'UPDATE' });
    expect(session!.lines.map((l) => l.text.trim())).toEqual(
      expect.arrayContaining(['USER student', 'PASS ********', 'STAT']),
    );
    expect(session!.lines.find((l) => l.text.startsWith('PASS'))!.masked).toBe(true);
    expect(JSON.stringify(events)).not.toContain('secret');
    expect(events.some((e) => e.type === 'session' && !e.session.open)).toBe(true);
  });

  it('keeps a bounded history per session', async () => {
    const h = await started();
    await talk(
      h.info().imapPort!,
      Array.from({ length: HISTORY_PER_SESSION }, (_, i) => `a${i} NOOP`),
    );
    expect(h.sessionViews()[0]!.lines).toHaveLength(HISTORY_PER_SESSION);
  });

  it('trainer actions: add an account, deliver to it, reset the store', async () => {
    const h = await started();
    h.addAccount('ana', 'pw-1');
    expect(h.info().accounts).toEqual(['student', 'ana']);
    expect(() => h.addAccount('ana', 'x')).toThrow(/exists already/);
    expect(() => h.addAccount('bad name', 'x')).toThrow(/User names are/);
    h.deliver('ana', 'Trainer <t@lab>', 'Hello\r\nBcc: injected', 'Body text');
    const inbox = h
      .snapshot()
      .accounts.find((a) => a.user === 'ana')!
      .mailboxes.find((b) => b.name === 'INBOX')!;
    // Header injection is flattened into the subject.
    expect(inbox.messages.map((m) => m.subject)).toEqual(['Hello Bcc: injected']);
    h.reset();
    const after = h.snapshot().accounts;
    expect(after.find((a) => a.user === 'ana')!.usedBytes).toBe(0);
    expect(
      after.find((a) => a.user === 'student')!.mailboxes.find((b) => b.name === 'INBOX')!.messages,
    ).toHaveLength(6);
  });

  it('reports why it did not start when a port is taken', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as net.AddressInfo).port;
    hub = new LiveHub();
    await hub.start({ host: '127.0.0.1', pop3Port: port, imapPort: 0 });
    expect(hub.info()).toMatchObject({ running: false, error: expect.stringContaining('EADDRINUSE') });
    blocker.close();
  });
});
