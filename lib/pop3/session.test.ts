import { describe, expect, it, vi } from 'vitest';
import { LoopbackConnection } from '../session/loopback';
import { Maildrop } from './maildrop';
import { Pop3Session } from './session';
import { connectPop3, loggedInPop3, pop3TestServer } from './testing';

describe('POP3 session', () => {
  it('greets with +OK and an APOP timestamp (RFC 1939 §4, §7)', () => {
    const c = connectPop3(pop3TestServer());
    expect(c.take()).toMatch(/^\+OK POP vs IMAP Lab POP3 server ready <1\.\d+@popvsimap\.lab>\r\n$/);
    expect(c.session.state).toBe('AUTHORIZATION');
  });

  it('moves AUTHORIZATION → TRANSACTION on USER/PASS and locks the maildrop', () => {
    const { c } = loggedInPop3();
    expect(c.session.state).toBe('TRANSACTION');
  });

  it('refuses a wrong password with [AUTH] and stays in AUTHORIZATION', () => {
    const c = connectPop3(pop3TestServer());
    c.send('USER student');
    expect(c.send('PASS wrong')).toBe('-ERR [AUTH] Invalid username or password\r\n');
    expect(c.session.state).toBe('AUTHORIZATION');
    expect(c.events.at(-1)?.authFailed).toBe(true);
  });

  it('drops the connection after three failed logins', () => {
    const c = connectPop3(pop3TestServer());
    for (let i = 0; i < 3; i++) {
      c.send('USER student');
      c.send('PASS nope');
    }
    expect(c.serverClosed).toBe(true);
    expect(c.send('USER student')).toBe('');
  });

  it('answers a second session on a locked maildrop with -ERR [IN-USE] (RFC 2449 §8.1.2)', () => {
    const { server } = loggedInPop3();
    const second = connectPop3(server);
    second.send('USER student');
    expect(second.send('PASS secret')).toBe(
      '-ERR [IN-USE] Unable to lock maildrop: it is in use by another session\r\n',
    );
    expect(second.session.state).toBe('AUTHORIZATION');
  });

  it('frees the lock when the connection drops', () => {
    const { server, c } = loggedInPop3();
    c.drop();
    const second = connectPop3(server);
    second.send('USER student');
    expect(second.send('PASS secret')).toMatch(/^\+OK/);
  });

  it('rejects commands in the wrong state and unknown commands, changing nothing', () => {
    const c = connectPop3(pop3TestServer());
    c.take();
    expect(c.send('STAT')).toBe('-ERR STAT is not valid in the AUTHORIZATION state\r\n');
    expect(c.send('FROB 1')).toBe('-ERR Unknown command: FROB\r\n');
    expect(c.send('')).toBe('-ERR Empty command\r\n');
    expect(c.session.state).toBe('AUTHORIZATION');
  });

  it('checks the argument count against the syntax', () => {
    const { c } = loggedInPop3();
    expect(c.send('RETR')).toBe('-ERR Syntax: RETR msg\r\n');
    expect(c.send('TOP 1')).toBe('-ERR Syntax: TOP msg n\r\n');
  });

  it('accepts the 255-octet command lines of RFC 2449 §4 and far longer, up to 8 KiB', () => {
    const c = connectPop3(pop3TestServer());
    c.take();
    const line255 = 'USER ' + 'u'.repeat(248); // 253 octets + CRLF = 255
    expect(line255.length + 2).toBe(255);
    expect(c.send(line255)).toMatch(/^\+OK/);
    expect(c.send('USER ' + 'u'.repeat(8187))).toMatch(/^\+OK/); // 8,192 octets before the CRLF
    expect(c.send('USER ' + 'u'.repeat(8188))).toBe('-ERR Line too long (limit 8192 octets)\r\n');
    expect(c.send('USER student')).toMatch(/^\+OK/);
    expect(c.send('PASS secret')).toMatch(/^\+OK/);
  });

  it('answers a line over the limit with -ERR and goes on', () => {
    const { c } = loggedInPop3();
    expect(c.send('NOOP ' + 'x'.repeat(9000))).toBe('-ERR Line too long (limit 8192 octets)\r\n');
    expect(c.send('NOOP')).toBe('+OK\r\n');
  });

  it('treats keywords case-insensitively and takes pipelined commands in order', () => {
    const { c } = loggedInPop3();
    expect(c.sendRaw('stat\r\nnoop\r\n')).toBe(
      '+OK 6 ' + c.session['maildrop']!.totals().octets + '\r\n+OK\r\n',
    );
  });

  it('closes silently on the idle timeout without committing deletions (RFC 1939 §3)', () => {
    const { server, c } = loggedInPop3();
    c.send('DELE 1');
    c.session.timeout();
    expect(c.serverClosed).toBe(true);
    expect(c.take()).toBe('');
    expect(server.store.getAccount('student')!.inbox.messages).toHaveLength(6);
  });

  it('masks the password in events but not on the wire', () => {
    const c = connectPop3(pop3TestServer());
    c.send('USER student');
    c.send('PASS secret');
    const passEvent = c.events.find((e) => e.command === 'PASS' && e.direction === 'c2s')!;
    expect(passEvent.raw).toBe('PASS secret\r\n');
    expect(passEvent.masked).toBe('PASS ********\r\n');
    expect(passEvent.stateBefore).toBe('AUTHORIZATION');
    const reply = c.events.find((e) => e.command === 'PASS' && e.direction === 's2c')!;
    expect(reply.stateAfter).toBe('TRANSACTION');
  });
});

describe('QUIT when the UPDATE state fails (RFC 1939 §6)', () => {
  // "-ERR some deleted messages not removed", and "Whether the removal was successful or not,
  // the server then releases any exclusive-access lock on the maildrop and closes the TCP
  // connection."
  it('answers -ERR, closes the connection and frees the maildrop for the next session', () => {
    const server = pop3TestServer();
    const bugs: unknown[] = [];
    const c = new LoopbackConnection(
      (io) => new Pop3Session(server, { ...io, bug: (error) => bugs.push(error) }),
    );
    c.take();
    c.send('USER student');
    c.send('PASS secret');
    c.send('DELE 1');
    const commit = vi.spyOn(Maildrop.prototype, 'commit').mockImplementation(() => {
      throw new Error('disk full');
    });
    try {
      expect(c.send('QUIT')).toBe('-ERR [SYS/TEMP] Some deleted messages not removed\r\n');
    } finally {
      commit.mockRestore();
    }
    expect(c.serverClosed).toBe(true);
    expect(bugs).toHaveLength(1);
    const next = connectPop3(server);
    next.take();
    next.send('USER student');
    expect(next.send('PASS secret')).toMatch(/^\+OK /);
  });

  it('a QUIT refused before UPDATE (a stray argument) leaves the session open', () => {
    const { c } = loggedInPop3();
    expect(c.send('QUIT now')).toBe('-ERR Syntax: QUIT\r\n');
    expect(c.serverClosed).toBe(false);
  });
});
