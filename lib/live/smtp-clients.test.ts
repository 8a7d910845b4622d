import { ImapFlow } from 'imapflow';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { run, startMailServerProcess, type MailServerProcess } from './testing';

/**
 * Real SMTP clients against `npm run mail-server`'s submission port, in plain text (the
 * STARTTLS and implicit-TLS variants are in tls-clients.test.ts): Python's smtplib, curl and nodemailer. Each
 * message is then read back over POP3 or IMAP from the same server.
 */
async function withServer<T>(fn: (s: MailServerProcess) => Promise<T>): Promise<T> {
  const s = await startMailServerProcess();
  try {
    return await fn(s);
  } finally {
    await s.stop();
  }
}

/** The message text curl reads back over POP3 (RETR n, dot-stuffing undone by curl). */
const retr = (s: MailServerProcess, n: number) =>
  run('curl', ['-s', `pop3://127.0.0.1:${s.pop3Port}/${n}`, '-u', 'student:secret']);

const python = (script: string) => run('python3', ['-c', script]);

describe('real SMTP clients against npm run mail-server', () => {
  it('announces SMTP on its own port', () =>
    withServer(async (s) => {
      expect(s.smtpPort).toBeGreaterThan(0);
      expect(s.smtpPort).not.toBe(s.imapPort);
    }));

  it('Python smtplib: EHLO, AUTH, sendmail; the message arrives byte for byte (POP3 RETR)', () =>
    withServer(async (s) => {
      const out = await python(`
import smtplib
s = smtplib.SMTP('127.0.0.1', ${s.smtpPort})
code, text = s.ehlo('laptop.example')
print('EHLO', code, sorted(s.esmtp_features))
try:
    s.sendmail('student@popvsimap.lab', ['student@popvsimap.lab'], 'Subject: x\\r\\n\\r\\nx\\r\\n')
except smtplib.SMTPSenderRefused as e:
    print('REFUSED', e.smtp_code, e.smtp_error.decode())
s.login('student', 'secret')
msg = 'From: student@popvsimap.lab\\r\\nTo: student@popvsimap.lab\\r\\nSubject: From Python\\r\\nDate: Tue, 10 Mar 2026 12:00:00 +0000\\r\\nMessage-ID: <py.1@laptop.example>\\r\\n\\r\\nHello from smtplib.\\r\\n.a line with a leading dot\\r\\n'
refused = s.sendmail('student@popvsimap.lab', ['student@popvsimap.lab', 'nobody@popvsimap.lab', 'friend@example.com'], msg)
print('REFUSED_RCPT', refused)
print('QUIT', s.quit()[0])
`);
      expect(out.stderr).toBe('');
      expect(out.stdout).toContain(
        "EHLO 250 ['8bitmime', 'auth', 'burl', 'enhancedstatuscodes', 'help', 'pipelining', 'size', 'smtputf8', 'starttls']",
      );
      expect(out.stdout).toContain('REFUSED 530 5.7.0 Authentication required: log in with AUTH first');
      expect(out.stdout).toContain(
        "REFUSED_RCPT {'nobody@popvsimap.lab': (550, b'5.1.1 <nobody@popvsimap.lab>: Recipient address rejected: no such user here')}",
      );
      expect(out.stdout).toContain('QUIT 221');
      const message = await retr(s, 7);
      expect(message.stdout).toMatch(
        /^Return-Path: <student@popvsimap\.lab>\r\nReceived: from laptop\.example \(\[127\.0\.0\.1\]\)\r\n/,
      );
      expect(message.stdout).toContain(
        'Message-ID: <py.1@laptop.example>\r\n\r\nHello from smtplib.\r\n.a line with a leading dot\r\n',
      );
    }));

  it('curl smtp:// with a login: the message arrives; a wrong password gets 535', () =>
    withServer(async (s) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'smtp-curl-'));
      try {
        const file = path.join(dir, 'message.txt');
        await writeFile(
          file,
          'From: student@popvsimap.lab\r\nTo: student@popvsimap.lab\r\nSubject: From curl\r\n\r\nHi.\r\n',
        );
        const args = (user: string) => [
          '-s',
          '-S',
          `smtp://127.0.0.1:${s.smtpPort}`,
          '-u',
          user,
          '--mail-from',
          'student@popvsimap.lab',
          '--mail-rcpt',
          'student@popvsimap.lab',
          '-T',
          file,
        ];
        const wrong = await run('curl', args('student:wrong'));
        expect(wrong.code).toBe(67); // CURLE_LOGIN_DENIED
        const sent = await run('curl', args('student:secret'));
        expect(sent.stderr).toBe('');
        expect(sent.code).toBe(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      const message = await retr(s, 7);
      expect(message.stdout).toMatch(
        /\r\nSubject: From curl\r\nDate: [^\r]+\r\nMessage-ID: <[^>]+@popvsimap\.lab>\r\n\r\nHi\.\r\n$/,
      );
    }));

  it('nodemailer without TLS (secure: false, ignoreTLS: true): sent, and read over IMAP by imapflow', () =>
    withServer(async (s) => {
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: s.smtpPort,
        secure: false,
        ignoreTLS: true,
        auth: { user: 'student', pass: 'secret' },
      });
      const info = await transport.sendMail({
        from: 'Sam Student <student@popvsimap.lab>',
        to: 'student@popvsimap.lab, friend@example.com',
        subject: 'From nodemailer',
        text: 'Caf\u00e9 at noon?\n.dot line\n',
      });
      transport.close();
      expect(info.accepted).toEqual(['student@popvsimap.lab', 'friend@example.com']);
      expect(info.response).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]+$/);
      const client = new ImapFlow({
        host: '127.0.0.1',
        port: s.imapPort,
        secure: false,
        doSTARTTLS: false,
        auth: { user: 'student', pass: 'secret' },
        logger: false,
      });
      await client.connect();
      try {
        await client.mailboxOpen('INBOX');
        const message = await client.fetchOne('7', { source: true, envelope: true });
        expect(message && message.envelope?.subject).toBe('From nodemailer');
        const source = message ? message.source!.toString('latin1') : '';
        expect(source).toMatch(/^Return-Path: <student@popvsimap\.lab>\r\nReceived: from /);
        expect(source).toContain(`Message-ID: ${info.messageId}\r\n`);
        expect(source).not.toContain('\tfor <');
      } finally {
        await client.logout();
      }
    }));
});
