import { ImapFlow } from 'imapflow';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { run, startMailServerProcess, type MailServerProcess } from './testing';

/**
 * Real clients over TLS against `npm run mail-server`: STARTTLS on submission (RFC 3207) and
 * IMAP (RFC 9051 §6.2.1), STLS on POP3 (RFC 2595 §4), and the implicit-TLS ports (RFC 8314 §3.1–3.3).
 * The certificate is self-signed, so every client is told not to verify it; instead each test
 * checks that the certificate the client saw is the one whose fingerprint the server printed.
 */
async function withServer<T>(fn: (s: MailServerProcess) => Promise<T>): Promise<T> {
  const s = await startMailServerProcess();
  try {
    return await fn(s);
  } finally {
    await s.stop();
  }
}

const python = async (script: string) => {
  const out = await run('python3', ['-c', script]);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as Record<string, unknown>;
};

/** Python's spelling of the printed fingerprint: sha256 of the DER certificate, lower-case hex. */
const hex = (fingerprint: string) => fingerprint.replaceAll(':', '').toLowerCase();

const MESSAGE =
  'From: student@popvsimap.lab\r\nTo: student@popvsimap.lab\r\nSubject: Over TLS\r\n' +
  'Date: Tue, 10 Mar 2026 12:00:00 +0000\r\nMessage-ID: <tls.1@laptop.example>\r\n\r\n' +
  'Sent after STARTTLS.\r\n.a line with a leading dot\r\n';

describe('real clients over TLS against npm run mail-server', () => {
  it('prints a SHA-256 fingerprint and listens on the implicit-TLS ports', () =>
    withServer(async (s) => {
      expect(s.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      const ports = [s.pop3Port, s.imapPort, s.smtpPort, s.imapsPort, s.pop3sPort, s.submissionsPort];
      expect(new Set(ports).size).toBe(6);
    }));

  it('Python smtplib submits after STARTTLS; imaplib IMAP4_SSL and poplib POP3_SSL read it byte for byte', () =>
    withServer(async (s) => {
      const out = await python(`
import hashlib, imaplib, json, poplib, smtplib, ssl
ctx = ssl._create_unverified_context()
fp = lambda sock: hashlib.sha256(sock.getpeercert(binary_form=True)).hexdigest()
out = {}
s = smtplib.SMTP('127.0.0.1', ${s.smtpPort})
s.ehlo('laptop.example')
out['before'] = sorted(s.esmtp_features)
out['starttls'] = s.starttls(context=ctx)[0]
s.ehlo('laptop.example')
out['after'] = sorted(s.esmtp_features)
out['smtp_fp'] = fp(s.sock)
s.login('student', 'secret')
out['refused'] = s.sendmail('student@popvsimap.lab', ['student@popvsimap.lab'], ${JSON.stringify(MESSAGE)}.encode())
s.quit()
m = imaplib.IMAP4_SSL('127.0.0.1', ${s.imapsPort}, ssl_context=ctx)
out['imaps_fp'] = fp(m.sock)
out['imaps_caps'] = list(m.capabilities)
m.login('student', 'secret')
m.select('INBOX', readonly=True)
typ, data = m.fetch('7', '(BODY.PEEK[])')
out['imap'] = data[0][1].decode('latin1')
m.logout()
p = poplib.POP3_SSL('127.0.0.1', ${s.pop3sPort}, context=ctx)
out['pop3s_fp'] = fp(p.sock)
p.user('student')
p.pass_('secret')
resp, lines, octets = p.retr(7)
out['pop3'] = b''.join(l + b'\\r\\n' for l in lines).decode('latin1')
out['pop3_octets'] = octets
p.quit()
print(json.dumps(out))
`);
      expect(out.before).toContain('starttls');
      expect(out.starttls).toBe(220);
      // RFC 3207 §4.2: after the handshake the client starts over, and STARTTLS is not offered again.
      expect(out.after).not.toContain('starttls');
      expect(out.after).toContain('auth');
      expect(out.refused).toEqual({});
      for (const key of ['smtp_fp', 'imaps_fp', 'pop3s_fp']) expect(out[key]).toBe(hex(s.fingerprint));
      expect(out.imaps_caps).not.toContain('STARTTLS');
      const imap = out.imap as string;
      expect(imap).toMatch(/^Return-Path: <student@popvsimap\.lab>\r\nReceived: from laptop\.example/);
      expect(imap.endsWith(MESSAGE)).toBe(true);
      // poplib undoes the dot-stuffing (RFC 1939 §3); what remains is the same octets as IMAP's.
      expect(out.pop3).toBe(imap);
    }));

  it('Python imaplib starttls() and poplib stls(): the offer disappears after the upgrade, login works over TLS', () =>
    withServer(async (s) => {
      const out = await python(`
import hashlib, imaplib, json, poplib, ssl
ctx = ssl._create_unverified_context()
fp = lambda sock: hashlib.sha256(sock.getpeercert(binary_form=True)).hexdigest()
out = {}
m = imaplib.IMAP4('127.0.0.1', ${s.imapPort})
out['imap_before'] = list(m.capabilities)
out['imap_starttls'] = m.starttls(ssl_context=ctx)[0]
out['imap_after'] = list(m.capabilities)
out['imap_fp'] = fp(m.sock)
out['imap_login'] = m.login('student', 'secret')[0]
out['imap_select'] = m.select('INBOX')[1][0].decode()
m.logout()
p = poplib.POP3('127.0.0.1', ${s.pop3Port})
out['pop_before'] = sorted(p.capa())
out['pop_stls'] = p.stls(context=ctx).decode()
out['pop_after'] = sorted(p.capa())
out['pop_fp'] = fp(p.sock)
p.user('student')
out['pop_pass'] = p.pass_('secret').decode()
out['pop_stat'] = list(p.stat())
p.quit()
print(json.dumps(out))
`);
      expect(out.imap_before).toContain('STARTTLS');
      expect(out.imap_starttls).toBe('OK');
      expect(out.imap_after).not.toContain('STARTTLS');
      expect(out.imap_fp).toBe(hex(s.fingerprint));
      expect(out.imap_login).toBe('OK');
      expect(out.imap_select).toBe('6');
      expect(out.pop_before).toContain('STLS');
      expect(out.pop_stls).toMatch(/^\+OK/);
      expect(out.pop_after).not.toContain('STLS');
      expect(out.pop_fp).toBe(hex(s.fingerprint));
      expect(out.pop_pass).toMatch(/^\+OK/);
      expect(out.pop_stat).toEqual([6, expect.any(Number)]);
    }));

  it('curl: smtp:// with --ssl-reqd sends; imaps:// and pop3s:// read the same octets', () =>
    withServer(async (s) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'lab-tls-'));
      try {
        const file = path.join(dir, 'mail.eml');
        await writeFile(file, MESSAGE, 'latin1');
        const sent = await run('curl', [
          '-sS',
          '--ssl-reqd',
          '--insecure',
          `smtp://127.0.0.1:${s.smtpPort}`,
          '--mail-from',
          'student@popvsimap.lab',
          '--mail-rcpt',
          'student@popvsimap.lab',
          '-u',
          'student:secret',
          '-T',
          file,
        ]);
        expect(sent.stderr).toBe('');
        expect(sent.code).toBe(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      const imap = await run('curl', [
        '-sS',
        '--insecure',
        `imaps://127.0.0.1:${s.imapsPort}/INBOX;MAILINDEX=7`,
        '-u',
        'student:secret',
      ]);
      const pop3 = await run('curl', [
        '-sS',
        '--insecure',
        `pop3s://127.0.0.1:${s.pop3sPort}/7`,
        '-u',
        'student:secret',
      ]);
      expect(imap.code).toBe(0);
      expect(pop3.code).toBe(0);
      expect(imap.stdout.endsWith(MESSAGE)).toBe(true);
      expect(pop3.stdout).toBe(imap.stdout);
      // A wrong password over TLS is still refused.
      const wrong = await run('curl', [
        '-sS',
        '--insecure',
        `pop3s://127.0.0.1:${s.pop3sPort}/1`,
        '-u',
        'student:nope',
      ]);
      expect(wrong.code).toBe(67);
    }));

  it('nodemailer with requireTLS submits after STARTTLS; imapflow with secure: true reads it', () =>
    withServer(async (s) => {
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: s.smtpPort,
        secure: false,
        requireTLS: true,
        tls: { rejectUnauthorized: false },
        auth: { user: 'student', pass: 'secret' },
      });
      const info = await transport.sendMail({
        from: 'student@popvsimap.lab',
        to: 'student@popvsimap.lab',
        subject: 'From nodemailer over TLS',
        text: 'Caf\u00e9 at noon?\n',
      });
      transport.close();
      expect(info.accepted).toEqual(['student@popvsimap.lab']);
      const client = new ImapFlow({
        host: '127.0.0.1',
        port: s.imapsPort,
        secure: true,
        tls: { rejectUnauthorized: false },
        auth: { user: 'student', pass: 'secret' },
        logger: false,
      });
      await client.connect();
      try {
        await client.mailboxOpen('INBOX');
        const message = await client.fetchOne('7', { source: true, envelope: true });
        expect(message && message.envelope?.subject).toBe('From nodemailer over TLS');
        expect(message ? message.source!.toString('latin1') : '').toContain(
          `Message-ID: ${info.messageId}\r\n`,
        );
      } finally {
        await client.logout();
      }
    }));
});
