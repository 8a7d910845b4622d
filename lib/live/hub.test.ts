import net from 'node:net';
import tls from 'node:tls';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT_QUOTA_BYTES,
  HISTORY_PER_SESSION,
  LiveHub,
  MAX_ACCOUNTS,
  MAX_DELIVERED_PER_INBOX,
} from './hub';
import type { LiveEvent } from './view-types';
import { eventSeq } from './line-codec';
import { PRE_AUTH_LITERAL_BYTES } from '../imap/session';
import { selfSignedCertificate } from './tls';
import { converse } from './testing';

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
  return buffer;
}

describe('live hub', () => {
  it('reports the TLS ports and the fingerprint, and marks the lines that crossed inside TLS', async () => {
    hub = new LiveHub();
    await hub.start({ host: '127.0.0.1', pop3Port: 0, imapPort: 0, imapsPort: 0, pop3sPort: 0 });
    const info = hub.info();
    expect(info.tlsFingerprint).toBe((await selfSignedCertificate()).fingerprint256);
    expect(info.tlsSelfSigned).toBe(true);
    expect(info.imapsPort).toBeGreaterThan(0);
    expect(info.pop3sPort).toBeGreaterThan(0);
    expect(info.submissionsPort).toBeNull();
    const secure = tls.connect({ host: '127.0.0.1', port: info.imapsPort!, rejectUnauthorized: false });
    let buffer = '';
    secure.on('data', (d: Buffer) => (buffer += d.toString('latin1')));
    const until = async (re: RegExp) => {
      for (let i = 0; i < 400 && !re.test(buffer); i++) await new Promise((r) => setTimeout(r, 5));
    };
    await until(/^\* OK/);
    secure.write('a LOGIN student secret\r\n');
    await until(/a OK/);
    secure.destroy();
    await talk(info.imapPort!, ['b LOGIN student secret', 'c LOGOUT']);
    const login = (id: number) =>
      hub!
        .sessionViews()
        .find((v) => v.id === id)!
        .lines.find((l) => l.command === 'LOGIN' && l.direction === 'c2s')!;
    const [first, second] = hub
      .sessionViews()
      .map((v) => v.id)
      .sort((x, y) => x - y);
    expect(login(first!)).toMatchObject({ masked: true, tls: true });
    expect(login(second!)).toMatchObject({ masked: true, tls: false });
  });

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

  it('masks run-together and unparsable logins and keeps 4 KiB of a long line, over TCP', async () => {
    const h = await started();
    const events: LiveEvent[] = [];
    h.subscribe((e) => events.push(e));
    await talk(h.info().imapPort!, [
      'm1 LOGIN "student"secret',
      'm2 LOGIN student"secret"',
      'm3 LOGIN student\tsecret',
      `u1 XYZZY ${'y'.repeat(6000)}`,
      'z LOGOUT',
    ]);
    const streamed = JSON.stringify(events);
    expect(streamed).not.toContain('secret');
    expect(streamed).not.toContain('y'.repeat(4097));
    const texts = h.sessionViews()[0]!.lines.map((l) => l.text.trim());
    expect(texts).toEqual(expect.arrayContaining(['m1 LOGIN ********', 'm3 LOGIN ********']));
    expect(texts.find((t) => t.startsWith('u1 XYZZY'))).toMatch(/… \d+ more bytes$/);
  });

  it('refuses run-together arguments with a tagged BAD (RFC 9051 §9: SP between arguments), over TCP', async () => {
    const h = await started();
    const replies = await talk(h.info().imapPort!, [
      'm1 LOGIN "student"secret',
      'm2 LOGIN student"secret"',
      'm3 LOGIN {7+}\r\nstudent{6+}\r\nsecret',
      'a1 LOGIN student secret',
      'c1 CREATE "a"b',
      'r1 RENAME INBOX"x" y',
      's1 SELECT ("INBOX")',
      'z LOGOUT',
    ]);
    for (const tag of ['m1', 'm2', 'm3', 'c1', 'r1', 's1'])
      expect(replies).toMatch(new RegExp(`^${tag} BAD `, 'm'));
    expect(replies).toMatch(/^a1 OK /m);
    expect(h.snapshot().accounts[0]!.mailboxes.map((b) => b.name)).not.toContain('a');
  });

  it('masks a LOGIN sent as {n+} literals in the history and the event stream, over TCP', async () => {
    const h = await started();
    const events: LiveEvent[] = [];
    h.subscribe((e) => events.push(e));
    const replies = await talk(h.info().imapPort!, ['l1 LOGIN {7+}\r\nstudent {6+}\r\nsecret', 'z LOGOUT']);
    expect(replies).toMatch(/^l1 OK /m);
    expect(JSON.stringify(events)).not.toContain('secret');
    expect(JSON.stringify(h.sessionViews())).not.toContain('secret');
    expect(h.sessionViews()[0]!.lines.map((l) => l.text.trim())).toContain('l1 LOGIN ********');
  });

  it('refuses a literal over 8 KiB before login, and keeps at most 4 KiB of a literal, over TCP', async () => {
    const h = await started();
    const events: LiveEvent[] = [];
    h.subscribe((e) => events.push(e));
    const big = 'x'.repeat(PRE_AUTH_LITERAL_BYTES + 1);
    const replies = await talk(h.info().imapPort!, [
      `a LOGIN student {10485760}`,
      `u1 XYZZY {${big.length}+}\r\n${big}`,
      `l1 LOGIN {7}`,
      'student {6+}\r\nsecret',
      `a2 APPEND INBOX {9000+}\r\nSubject: big\r\n\r\n${'y'.repeat(9000 - 17)}`,
      'z LOGOUT',
    ]);
    expect(replies).toMatch(/^a NO \[TOOBIG\] /m);
    expect(replies).toMatch(/^u1 BAD \[TOOBIG\] /m);
    // A small literal is fine before login; after it, the server's own limit applies.
    expect(replies.match(/^\+ /gm)).toHaveLength(1);
    expect(replies).toMatch(/^l1 OK /m);
    expect(replies).toMatch(/^a2 OK /m);
    const streamed = JSON.stringify(events);
    expect(streamed).not.toContain('x'.repeat(100));
    expect(streamed).not.toContain('y'.repeat(4097));
    expect(JSON.stringify(h.sessionViews())).not.toContain('y'.repeat(4097));
  });

  it('refuses AUTHENTICATE PLAIN with a third NUL field (RFC 4616 §2), over TCP', async () => {
    const h = await started();
    const replies = await talk(h.info().imapPort!, [
      `p1 AUTHENTICATE PLAIN ${btoa('\0student\0secret\0extra')}`,
      'p2 SELECT INBOX',
      'z LOGOUT',
    ]);
    expect(replies).toMatch(/^p1 BAD Malformed PLAIN response\r$/m);
    // Still not logged in: SELECT is refused.
    expect(replies).toMatch(/^p2 BAD /m);
  });

  it('POP3 echoes only a short printable part of client bytes, in lines of at most 512 octets (RFC 2449 §4), over TCP', async () => {
    const h = await started();
    const replies = await talk(h.info().pop3Port!, [
      `USER ${'u'.repeat(8180)}`,
      'USER st\x1b[2Jud\x07ent',
      `${'X'.repeat(8000)} 1`,
      'QUIT',
    ]);
    const lines = replies.split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect(line.length + 2).toBeLessThanOrEqual(512);
      expect(line).toMatch(/^[\x20-\x7e]*$/);
    }
    expect(lines[1]).toMatch(/^\+OK Send your password for u+\.\.\.$/);
    expect(lines[2]).toBe('+OK Send your password for st?[2Jud?ent');
  });

  it('refuses NUL octets in an APPEND literal and stores nothing (RFC 9051 §4.3.1), over TCP', async () => {
    const h = await started();
    const count = () => h.snapshot().accounts[0]!.mailboxes.find((b) => b.name === 'INBOX')!.messages.length;
    const before = count();
    const message = 'Subject: nul\r\n\r\nbefore\0after';
    const replies = await talk(h.info().imapPort!, [
      'a LOGIN student secret',
      `n1 APPEND INBOX {${message.length}+}\r\n${message}`,
      `n2 CREATE "a\0b"`,
      `n3 APPEND INBOX {${message.length - 1}+}\r\n${message.replace('\0', '')}`,
      'z LOGOUT',
    ]);
    expect(replies).toMatch(/^n1 BAD NUL octets are not allowed/m);
    expect(replies).toMatch(/^n2 BAD /m);
    expect(replies).toMatch(/^n3 OK /m);
    expect(count()).toBe(before + 1);
  });

  it('numbers every event from one counter, and the state says the last one it includes', async () => {
    const h = await started();
    const events: LiveEvent[] = [];
    h.subscribe((e) => events.push(e));
    await talk(h.info().imapPort!, ['a1 LOGIN student secret', 'a2 SELECT INBOX', 'a3 LOGOUT']);
    // The store picture follows the lines by up to 100 ms.
    for (let i = 0; i < 100 && !events.some((e) => e.type === 'store'); i++)
      await new Promise((r) => setTimeout(r, 10));
    const kinds = new Set(events.map((e) => e.type));
    expect([...kinds].sort()).toEqual(['line', 'session', 'store']);
    const seqs = events.map(eventSeq);
    // Strictly increasing in the order the page receives them: lines, sessions and store alike.
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(h.lastSeq).toBe(seqs[seqs.length - 1]);
    // A state read now includes everything up to lastSeq: its newest line is numbered at or below.
    const lines = h.sessionViews().flatMap((s) => s.lines);
    expect(Math.max(...lines.map((l) => l.seq))).toBeLessThanOrEqual(h.lastSeq);
  });

  it('keeps a bounded history per session', async () => {
    const h = await started();
    await talk(
      h.info().imapPort!,
      Array.from({ length: HISTORY_PER_SESSION }, (_, i) => `a${i} NOOP`),
    );
    expect(h.sessionViews()[0]!.lines).toHaveLength(HISTORY_PER_SESSION);
  });

  it('keeps an IMAP client marked as idling past the lines it keeps, until DONE (RFC 9051 §6.3.13)', async () => {
    const h = await started();
    const imap = await converse(h.info().imapPort!);
    expect(await imap.say('a1 LOGIN student secret', /a1 OK/)).toBe(true);
    expect(await imap.say('a2 SELECT INBOX', /a2 OK/)).toBe(true);
    expect(await imap.say('a3 IDLE', /\+ idling/)).toBe(true);
    const session = () => h.sessionViews().find((s) => s.protocol === 'imap')!;
    expect(session().idle).toBe(true);
    // New mail while it idles: more untagged lines than the hub keeps of a session.
    for (let i = 0; i < HISTORY_PER_SESSION + 10; i++) h.deliver('student', 'T <t@lab>', `m${i}`, 'hi');
    expect(await imap.waitFor(new RegExp(`\\* ${6 + HISTORY_PER_SESSION + 10} EXISTS`))).toBe(true);
    expect(session().lines).toHaveLength(HISTORY_PER_SESSION);
    expect(session().lines.some((l) => l.text.startsWith('+ idling'))).toBe(false);
    expect(session().idle).toBe(true);
    expect(await imap.say('DONE', /a3 OK/)).toBe(true);
    expect(session().idle).toBe(false);
    imap.socket.end();
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
    // Reset is back to the seed: accounts added since are gone.
    expect(after.map((a) => a.user)).toEqual(['student']);
    expect(h.store.authenticate('ana', 'pw-1')).toBeNull();
    expect(
      after.find((a) => a.user === 'student')!.mailboxes.find((b) => b.name === 'INBOX')!.messages,
    ).toHaveLength(6);
  });

  it('bounds what the trainer can add: accounts, deliveries, and each mailbox by its quota', () => {
    const h = new LiveHub();
    for (let i = 1; i < MAX_ACCOUNTS; i++) h.addAccount(`user${i}`, 'pw');
    expect(() => h.addAccount('one-too-many', 'pw')).toThrow(new RegExp(`at most ${MAX_ACCOUNTS} accounts`));
    expect(h.info().accounts).toHaveLength(MAX_ACCOUNTS);
    for (let i = 0; i < MAX_DELIVERED_PER_INBOX; i++) h.deliver('user1', 'T <t@lab>', `m${i}`, 'hi');
    expect(() => h.deliver('user1', 'T <t@lab>', 'one more', 'hi')).toThrow(/holds 200 messages/);
    // A mailbox filled by a client's APPENDs stops at the quota, for the trainer too.
    const user2 = h.store.getAccount('user2')!;
    const big = 'x'.repeat(9_000);
    while (user2.usedBytes + 9_000 <= ACCOUNT_QUOTA_BYTES) user2.append(user2.inbox, big, [], 0);
    expect(() => h.deliver('user2', 'T <t@lab>', 's', 'y'.repeat(9_999))).toThrow(/mailbox is full/);
    expect(h.snapshot().accounts.reduce((n, a) => n + a.usedBytes, 0)).toBeLessThanOrEqual(
      MAX_ACCOUNTS * ACCOUNT_QUOTA_BYTES,
    );
    h.reset();
    expect(h.info().accounts).toEqual(['student']);
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
