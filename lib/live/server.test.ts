import net from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { ImapSession } from '../imap/session';
import { generateMessages, seedStore } from '../mailstore/seed';
import { LoopbackConnection } from '../session/loopback';
import { MailStore } from '../mailstore/store';
import { startLiveServer, WRITE_CHUNK_BYTES, type LiveServer } from './server';
import { parseCli } from './cli';
import { run, startMailServerProcess } from './testing';
import path from 'node:path';

let server: LiveServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(options: Partial<Parameters<typeof startLiveServer>[0]> = {}) {
  const store = new MailStore();
  seedStore(store);
  server = await startLiveServer({ store, pop3Port: 0, imapPort: 0, authFailureDelayMs: 0, ...options });
  const port = (p: 'pop3' | 'imap') => server!.listeners.find((l) => l.protocol === p)!.port;
  return { store, pop3: port('pop3'), imap: port('imap') };
}

/** A raw TCP client: what telnet or nc would do. */
async function dial(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('latin1');
  let buffer = '';
  let closed = false;
  socket.on('data', (d: string) => (buffer += d));
  socket.on('close', () => (closed = true));
  await once(socket, 'connect');
  const read = async (until: RegExp, timeoutMs = 5000) => {
    const start = Date.now();
    while (!until.test(buffer)) {
      if (closed || Date.now() - start > timeoutMs)
        throw new Error(`no ${until} in ${JSON.stringify(buffer)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const out = buffer;
    buffer = '';
    return out;
  };
  return {
    socket,
    read,
    send: (line: string) => socket.write(line + '\r\n', 'latin1'),
    isClosed: () => closed,
  };
}

describe('live server', () => {
  it('refuses a non-loopback address unless allowed', async () => {
    await expect(
      startLiveServer({ store: new MailStore(), host: '0.0.0.0', pop3Port: 0, imapPort: 0 }),
    ).rejects.toThrow(/Refusing to listen on 0\.0\.0\.0/);
  });

  it('answers a line over 64 KiB with a tagged BAD and keeps the connection', async () => {
    const { imap } = await start();
    const c = await dial(imap);
    await c.read(/\r\n/);
    c.send('a1 NOOP ' + 'x'.repeat(70_000));
    expect(await c.read(/\r\n/)).toBe('a1 BAD Line too long (limit 65536 octets)\r\n');
    c.send('a2 NOOP');
    expect(await c.read(/a2 OK/)).toBe('a2 OK NOOP completed\r\n');
    c.socket.destroy();
  });

  it('sends a response larger than its write chunk whole and in order, as the engine made it', async () => {
    const store = new MailStore({ clock: { now: () => Date.UTC(2026, 2, 1) } });
    const inbox = store.addAccount('bulk', 'secret').inbox;
    for (const raw of generateMessages(300)) inbox.append(raw, [], Date.UTC(2026, 1, 1));
    server = await startLiveServer({ store, pop3Port: 0, imapPort: 0, authFailureDelayMs: 0 });
    const c = await dial(server.listeners.find((l) => l.protocol === 'imap')!.port);
    await c.read(/\r\n/);
    c.send('a1 LOGIN bulk secret');
    await c.read(/a1 OK/);
    c.send('a2 EXAMINE INBOX');
    await c.read(/a2 OK/);
    c.send('a3 FETCH 1:* (FLAGS ENVELOPE BODY.PEEK[])');
    const reply = await c.read(/a3 OK FETCH completed\r\n$/);
    const loopback = new LoopbackConnection((io) => new ImapSession(server!.context, io));
    loopback.send('b1 LOGIN bulk secret');
    loopback.send('b2 EXAMINE INBOX');
    const expected = loopback.send('a3 FETCH 1:* (FLAGS ENVELOPE BODY.PEEK[])');
    expect(reply.length).toBeGreaterThan(4 * WRITE_CHUNK_BYTES);
    expect(reply).toBe(expected);
    c.socket.destroy();
  });

  it('refuses connections past the session limit', async () => {
    const { pop3 } = await start({ maxSessions: 2 });
    const a = await dial(pop3);
    const b = await dial(pop3);
    await a.read(/\r\n/);
    await b.read(/\r\n/);
    const c = await dial(pop3);
    expect(await c.read(/\r\n/)).toBe('-ERR [SYS/TEMP] Too many connections, try later\r\n');
    a.socket.destroy();
    b.socket.destroy();
  });

  it('holds back the reply to a failed login', async () => {
    const { imap } = await start({ authFailureDelayMs: 300 });
    const c = await dial(imap);
    await c.read(/\r\n/);
    const t0 = Date.now();
    c.send('a1 LOGIN student wrong');
    expect(await c.read(/a1 NO/)).toBe('a1 NO [AUTHENTICATIONFAILED] Invalid credentials\r\n');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    c.socket.destroy();
  });

  it('holds back the reply to a failed POP3 login, with no event listener', async () => {
    const { pop3 } = await start({ authFailureDelayMs: 300 });
    const c = await dial(pop3);
    await c.read(/\r\n/);
    c.send('USER student');
    await c.read(/\r\n/);
    const t0 = Date.now();
    c.send('PASS wrong');
    expect(await c.read(/-ERR/)).toMatch(/^-ERR \[AUTH\] /);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    c.socket.destroy();
  });

  it('delays each failed login, also when wrong logins are pipelined', async () => {
    const { imap } = await start({ authFailureDelayMs: 200 });
    const c = await dial(imap);
    await c.read(/\r\n/);
    const t0 = Date.now();
    c.socket.write('a1 LOGIN student w1\r\na2 LOGIN student w2\r\n');
    await c.read(/a2 NO/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
    c.socket.destroy();
  });

  it('closes a client that sends a partial line byte by byte before login (pre-login timeout)', async () => {
    const { imap, pop3 } = await start({ preLoginTimeoutMs: 300 });
    const i = await dial(imap);
    await i.read(/\r\n/);
    const p = await dial(pop3);
    await p.read(/\r\n/);
    const t0 = Date.now();
    // One byte every 50 ms: activity on the socket, but never a complete command.
    const drip = setInterval(() => {
      if (!i.isClosed()) i.socket.write('x');
      if (!p.isClosed()) p.socket.write('y');
    }, 50);
    try {
      expect(await i.read(/BYE/, 3000)).toBe('* BYE Autologout; idle for too long\r\n');
      for (let n = 0; n < 100 && !p.isClosed(); n++) await new Promise((r) => setTimeout(r, 20));
      expect(p.isClosed()).toBe(true);
      expect(Date.now() - t0).toBeLessThan(2000);
    } finally {
      clearInterval(drip);
    }
  });

  it('restarts the timer on complete commands and uses the longer idle timeout after login', async () => {
    const { imap } = await start({ preLoginTimeoutMs: 300, idleTimeoutMs: 5000 });
    const c = await dial(imap);
    await c.read(/\r\n/);
    // Complete commands keep a client that has not logged in yet.
    for (let n = 0; n < 3; n++) {
      await new Promise((r) => setTimeout(r, 200));
      c.send(`n${n} NOOP`);
      await c.read(new RegExp(`n${n} OK`));
    }
    c.send('a1 LOGIN student secret');
    await c.read(/a1 OK/);
    await new Promise((r) => setTimeout(r, 600));
    c.send('a2 NOOP');
    expect(await c.read(/a2 /)).toMatch(/^a2 OK/m);
    c.socket.destroy();
  });

  it('refuses connections past the per-address limit, over all listeners', async () => {
    const { imap, pop3 } = await start({ maxSessionsPerAddress: 2 });
    const a = await dial(imap);
    const b = await dial(pop3);
    await a.read(/\r\n/);
    await b.read(/\r\n/);
    const c = await dial(pop3);
    expect(await c.read(/\r\n/)).toBe('-ERR [SYS/TEMP] Too many connections, try later\r\n');
    const d = await dial(imap);
    expect(await d.read(/\r\n/)).toBe('* BYE Too many connections, try later\r\n');
    a.socket.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const e = await dial(imap);
    expect(await e.read(/\r\n/)).toMatch(/^\* OK /);
    b.socket.destroy();
    e.socket.destroy();
  });

  it('closes an idle POP3 connection silently and an idle IMAP one with BYE', async () => {
    const { pop3, imap } = await start({ idleTimeoutMs: 200 });
    const p = await dial(pop3);
    await p.read(/\r\n/);
    const i = await dial(imap);
    await i.read(/\r\n/);
    expect(await i.read(/BYE/, 3000)).toBe('* BYE Autologout; idle for too long\r\n');
    await new Promise((r) => setTimeout(r, 400));
    expect(p.isClosed()).toBe(true);
  });

  it('pushes an IDLE update to one client when another changes the mailbox', async () => {
    const { imap, store } = await start();
    const a = await dial(imap);
    await a.read(/\r\n/);
    a.send('a1 LOGIN student secret');
    await a.read(/a1 OK/);
    a.send('a2 SELECT INBOX');
    await a.read(/a2 OK/);
    a.send('a3 IDLE');
    await a.read(/\+ idling/);
    store.deliver('student', 'Subject: pushed\r\n\r\nhi\r\n');
    // This session was the first to select INBOX, so all seven messages are \\Recent to it.
    expect(await a.read(/EXISTS/)).toBe('* 7 EXISTS\r\n* 7 RECENT\r\n');
    a.send('DONE');
    expect(await a.read(/a3 OK/)).toBe('a3 OK IDLE terminated\r\n');
    a.socket.destroy();
  });
});

describe('mail-server command line', () => {
  it('prints one line per listener and stops cleanly on SIGINT', async () => {
    const s = await startMailServerProcess();
    expect(s.pop3Port).toBeGreaterThan(0);
    expect(s.imapPort).toBeGreaterThan(0);
    s.child.kill('SIGINT');
    const [code] = await once(s.child, 'exit');
    expect(code).toBe(0);
  });

  it('parses the documented flags', () => {
    expect(
      parseCli([
        '--host',
        '127.0.0.2',
        '--pop3-port',
        '0',
        '--imap-port',
        '2143',
        '--user',
        'a:b',
        '--user',
        'c:d:e',
        '--seed',
        'empty',
      ]),
    ).toEqual({
      host: '127.0.0.2',
      pop3Port: 0,
      imapPort: 2143,
      smtpPort: 1587,
      imapsPort: 1993,
      pop3sPort: 1995,
      submissionsPort: 1465,
      users: [
        { user: 'a', password: 'b' },
        { user: 'c', password: 'd:e' },
      ],
      seed: 'empty',
      allowRemote: false,
    });
  });

  it('parses the slow-client flags', () => {
    expect(parseCli(['--pre-login-timeout', '30', '--max-per-address', '5'])).toMatchObject({
      preLoginTimeoutSeconds: 30,
      maxPerAddress: 5,
    });
    expect(parseCli([])).not.toHaveProperty('preLoginTimeoutSeconds');
  });

  it.each([
    [['--pop3-port', 'x'], /--pop3-port must be a port number/],
    [['--user', 'nopassword'], /--user must look like name:password/],
    [['--seed', 'lots'], /--seed must be default or empty/],
    [['--frobnicate'], /Unknown option/],
    [['--imaps-port', '70000'], /--imaps-port must be a port number/],
    [['--tls-cert', 'cert.pem'], /--tls-cert and --tls-key go together/],
    [['--pre-login-timeout', '0'], /--pre-login-timeout must be a whole number above 0/],
    [['--max-per-address', 'lots'], /--max-per-address must be a whole number above 0/],
    [
      ['--tls-cert', '/nonexistent.pem', '--tls-key', '/nonexistent.key'],
      /cannot read the certificate \/nonexistent\.pem/,
    ],
  ])('exits with 2 and a clear message for %j', async (args, message) => {
    const cli = path.resolve(__dirname, 'cli.ts');
    const { code, stderr } = await run(process.execPath, ['--import', 'tsx', cli, ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
