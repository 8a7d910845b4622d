import { describe, expect, it } from 'vitest';
import { connectImap, imapSession } from '../imap/testing';
import { snapshotStore } from '../mailstore/snapshot';
import { loggedInPop3 } from '../pop3/testing';
import { outboxOf } from './outbox';
import { connectSmtp, loggedInSmtp, smtpTestServer } from './testing';

/** A submission as a mail client sends it: its own Date and Message-ID, a dot to stuff, 8-bit text. */
const SUBMITTED =
  'From: Bob <bob@popvsimap.lab>\r\nTo: Sam <student@popvsimap.lab>\r\nSubject: Lunch?\r\n' +
  'Date: Tue, 10 Mar 2026 11:59:00 +0000\r\nMessage-ID: <lunch.1@client.example>\r\n' +
  'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n' +
  'Caf\xc3\xa9 at noon?\r\n.starts with a dot\r\n';

const stuff = (text: string) => text.replace(/(^|\r\n)\./g, '$1..');

/** Submits `text` as bob to the given recipients; returns the server's replies. */
function submit(
  server = smtpTestServer(),
  recipients = ['student@popvsimap.lab'],
  text = SUBMITTED,
  user = 'bob',
) {
  const { c } = loggedInSmtp(server, user);
  c.send(`MAIL FROM:<${user}@popvsimap.lab> BODY=8BITMIME`);
  const rcpt = recipients.map((r) => c.send(`RCPT TO:<${r}>`));
  c.send('DATA');
  const done = c.sendRaw(stuff(text) + '.\r\n');
  return { server, c, rcpt, done };
}

describe('SMTP delivery into the store', () => {
  it('adds Return-Path and Received on top and keeps the submission byte for byte (RFC 5321 §4.4)', () => {
    const { server, done } = submit();
    expect(done).toBe('250 2.0.0 Ok: queued as 00010001\r\n');
    const stored = server.store.getAccount('student')!.inbox.messages.at(-1)!.raw;
    expect(stored).toBe(
      'Return-Path: <bob@popvsimap.lab>\r\n' +
        'Received: from client.example\r\n\tby popvsimap.lab with ESMTPA id 00010001\r\n' +
        '\tfor <student@popvsimap.lab>; Tue, 10 Mar 2026 12:00:00 +0000\r\n' +
        SUBMITTED,
    );
  });

  it('adds Date and Message-ID at the end of the header when a submission lacks them (RFC 6409 §8.2, §8.3)', () => {
    const { server } = submit(undefined, undefined, 'Subject: bare\r\n\r\nhello\r\n');
    const stored = server.store.getAccount('student')!.inbox.messages.at(-1)!.raw;
    expect(stored).toMatch(
      /\r\nSubject: bare\r\nDate: Tue, 10 Mar 2026 12:00:00 \+0000\r\nMessage-ID: <1773144000000\.00010001@popvsimap\.lab>\r\n\r\nhello\r\n$/,
    );
  });

  it('with several recipients the Received line names none of them (RFC 5321 §7.2)', () => {
    const { server } = submit(undefined, ['student@popvsimap.lab', 'bob@popvsimap.lab']);
    const stored = server.store.getAccount('bob')!.inbox.messages[0]!.raw;
    expect(stored).toContain('with ESMTPA id 00010001; Tue, 10 Mar 2026');
    expect(stored).not.toContain('\tfor <');
  });

  it('is read byte for byte over IMAP (BODY.PEEK[]) and POP3 (RETR)', () => {
    const server = smtpTestServer();
    submit(server);
    const stored = server.store.getAccount('student')!.inbox.messages.at(-1)!;
    const { c: imap } = imapSession({ server, select: true });
    const fetched = imap.send('a3 FETCH 7 BODY.PEEK[]');
    expect(fetched.startsWith(`* 7 FETCH (BODY[] {${stored.size}}\r\n${stored.raw})\r\n`)).toBe(true);
    expect(stored.raw.endsWith(SUBMITTED)).toBe(true);
    imap.send('a4 LOGOUT');
    const { c: pop } = loggedInPop3(server);
    const retr = pop.send('RETR 7');
    expect(retr).toBe(`+OK ${stored.size} octets\r\n${stuff(stored.raw)}.\r\n`);
  });

  it('an IMAP session in IDLE hears of the new message at once (EXISTS)', () => {
    const server = smtpTestServer();
    const imap = connectImap(server);
    imap.send('a1 LOGIN student secret');
    imap.send('a2 SELECT INBOX');
    expect(imap.send('a3 IDLE')).toBe('+ idling\r\n');
    submit(server);
    expect(imap.take()).toContain('* 7 EXISTS\r\n');
  });

  it('mail to outside addresses goes to the outbox, with the route a real MTA would take (RFC 5321 §5.1)', () => {
    const { server, rcpt, done } = submit(undefined, [
      'friend@Example.com',
      'other@example.com',
      'x@example.org',
    ]);
    expect(rcpt.every((r) => r.startsWith('250 2.1.5 '))).toBe(true);
    expect(done).toMatch(/^250 2\.0\.0 /);
    const [entry] = outboxOf(server.store);
    expect(entry).toMatchObject({ id: '00010001', from: 'bob@popvsimap.lab' });
    expect(entry!.relays.map((r) => [r.domain, r.recipients])).toEqual([
      ['example.com', ['friend@Example.com', 'other@example.com']],
      ['example.org', ['x@example.org']],
    ]);
    expect(entry!.relays[0]!.route).toContain('MX records of example.com');
    expect(entry!.raw.endsWith(SUBMITTED)).toBe(true);
    expect(entry!.raw.startsWith('Received: ')).toBe(true);
  });

  it('the store snapshot pictures the outbox (subject, envelope sender, route per domain), and omits it while empty', () => {
    const server = smtpTestServer();
    expect(snapshotStore(server.store).outbox).toBeUndefined();
    submit(server, ['student@popvsimap.lab']);
    expect(snapshotStore(server.store).outbox).toBeUndefined();
    submit(server, ['friend@example.com', 'x@example.org']);
    const { outbox } = snapshotStore(server.store);
    expect(outbox).toHaveLength(1);
    expect(outbox![0]).toMatchObject({ from: 'bob@popvsimap.lab', subject: 'Lunch?' });
    expect(outbox![0]!.size).toBe(outboxOf(server.store)[0]!.raw.length);
    expect(outbox![0]!.relays.map((r) => [r.domain, r.recipients])).toEqual([
      ['example.com', ['friend@example.com']],
      ['example.org', ['x@example.org']],
    ]);
    expect(outbox![0]!.relays[1]!.route).toMatch(/MX records of example\.org.*RFC 5321 §5\.1.*sends nothing/);
    // The local recipient's delivery is not in the outbox.
    expect(JSON.stringify(outbox)).not.toContain('student@');
  });

  it('over quota, the only recipient: 552 5.2.2 and nothing is stored, no bounce (the client holds the message)', () => {
    const server = smtpTestServer();
    const student = server.store.getAccount('student')!;
    student.quotaBytes = student.usedBytes + 100;
    const before = student.inbox.messages.length;
    const { done } = submit(server);
    expect(done).toBe('552 5.2.2 Mailbox full: the message would pass the quota, nothing was delivered\r\n');
    expect(student.inbox.messages).toHaveLength(before);
    expect(server.store.getAccount('bob')!.inbox.messages).toHaveLength(0);
  });

  it('over quota for one of several: 250, and the sender gets an RFC 3464 delivery status notification', () => {
    const server = smtpTestServer();
    server.store.addAccount('carol', 'x');
    const student = server.store.getAccount('student')!;
    student.quotaBytes = student.usedBytes + 100;
    const { done } = submit(server, ['student@popvsimap.lab', 'carol@popvsimap.lab']);
    expect(done).toMatch(/^250 2\.0\.0 /);
    expect(server.store.getAccount('carol')!.inbox.messages).toHaveLength(1);
    const [dsn] = server.store.getAccount('bob')!.inbox.messages;
    expect(dsn!.raw).toMatch(
      /^Return-Path: <>\r\nFrom: Mail Delivery System <MAILER-DAEMON@popvsimap\.lab>\r\nTo: <bob@popvsimap\.lab>\r\n/,
    );
    expect(dsn!.raw).toMatch(
      /Content-Type: multipart\/report; report-type=delivery-status; boundary="[^"]+"\r\n/,
    );
    expect(dsn!.raw).toContain(
      'Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; popvsimap.lab\r\nArrival-Date: Tue, 10 Mar 2026 12:00:00 +0000\r\n\r\n' +
        'Final-Recipient: rfc822; student@popvsimap.lab\r\nAction: failed\r\nStatus: 5.2.2\r\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\r\n',
    );
    expect(dsn!.raw).toContain('Content-Type: text/rfc822-headers\r\n\r\nReceived: from client.example');
    expect(dsn!.raw).toContain('Subject: Lunch?\r\n');
    expect(dsn!.raw).not.toContain('Caf\xc3\xa9 at noon');
  });

  it('a partial failure for a sender outside the lab: the report goes to the outbox, from <>, for the sender’s domain (RFC 5321 §6.1)', () => {
    const server = smtpTestServer();
    const student = server.store.getAccount('student')!;
    student.quotaBytes = student.usedBytes + 100;
    // Another server delivering to ours (an MX session: no login).
    const c = connectSmtp(server, { requireAuth: false });
    c.send('EHLO mx.school.example');
    c.send('MAIL FROM:<ada@school.example>');
    expect(c.send('RCPT TO:<student@popvsimap.lab>')).toMatch(/^250 /);
    expect(c.send('RCPT TO:<bob@popvsimap.lab>')).toMatch(/^250 /);
    c.send('DATA');
    expect(c.sendRaw(stuff(SUBMITTED) + '.\r\n')).toMatch(/^250 2\.0\.0 /);
    expect(server.store.getAccount('bob')!.inbox.messages).toHaveLength(1);
    const [report] = outboxOf(server.store);
    expect(report).toMatchObject({ from: '' });
    expect(report!.relays.map((r) => [r.domain, r.recipients])).toEqual([
      ['school.example', ['ada@school.example']],
    ]);
    expect(report!.raw).toContain('To: <ada@school.example>\r\n');
    expect(report!.raw).toContain(
      'Final-Recipient: rfc822; student@popvsimap.lab\r\nAction: failed\r\nStatus: 5.2.2\r\n',
    );
  });

  it('a message from the null reverse-path gets no report, even when part of it fails (RFC 5321 §4.5.5)', () => {
    const server = smtpTestServer();
    const student = server.store.getAccount('student')!;
    student.quotaBytes = student.usedBytes + 100;
    const c = connectSmtp(server, { requireAuth: false });
    c.send('EHLO mx.school.example');
    c.send('MAIL FROM:<>');
    c.send('RCPT TO:<student@popvsimap.lab>');
    c.send('RCPT TO:<bob@popvsimap.lab>');
    c.send('DATA');
    expect(c.sendRaw(stuff(SUBMITTED) + '.\r\n')).toMatch(/^250 2\.0\.0 /);
    expect(outboxOf(server.store)).toHaveLength(0);
    expect(server.store.getAccount('bob')!.inbox.messages).toHaveLength(1);
  });
});
