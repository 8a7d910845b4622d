import { describe, expect, it } from 'vitest';
import { Pop3Session } from '../pop3/session';
import { imapSession, lines } from '../imap/testing';
import { LoopbackConnection } from './loopback';

/** POP3 and IMAP see the same INBOX of an account, as on a real server. */
describe('one INBOX for POP3 and IMAP', () => {
  function pop3(server: ReturnType<typeof imapSession>['server']) {
    const c = new LoopbackConnection((io) => new Pop3Session(server, io));
    c.take();
    c.send('USER student');
    c.send('PASS secret');
    return c;
  }

  it('a message appended over IMAP is listed by POP3', () => {
    const { c: imap, server } = imapSession();
    imap.send('a2 APPEND INBOX {24+}\r\nSubject: via IMAP\r\n\r\nHi\r\n');
    expect(pop3(server).send('STAT')).toMatch(/^\+OK 7 /);
  });

  it('POP3 DELE then QUIT: the IMAP session sees the EXPUNGE', () => {
    const { c: imap, server } = imapSession({ select: true });
    const pop = pop3(server);
    pop.send('DELE 1');
    expect(imap.send('i1 NOOP')).toBe('i1 OK NOOP completed\r\n');
    pop.send('QUIT');
    expect(lines(imap.send('i2 NOOP'))).toEqual(['* 1 EXPUNGE', 'i2 OK NOOP completed']);
  });

  it('POP3 DELE then a dropped connection: nothing is deleted, IMAP sees no change', () => {
    const { c: imap, server, inbox } = imapSession({ select: true });
    const pop = pop3(server);
    pop.send('DELE 1');
    pop.send('DELE 2');
    pop.drop();
    expect(imap.send('i1 NOOP')).toBe('i1 OK NOOP completed\r\n');
    expect(inbox.messages).toHaveLength(6);
  });

  it('POP3 RETR then QUIT marks the message \\Seen for IMAP clients', () => {
    const { c: imap, server } = imapSession({ select: true });
    const pop = pop3(server);
    pop.send('RETR 2');
    pop.send('QUIT');
    expect(lines(imap.send('i1 NOOP'))).toEqual([
      '* 2 FETCH (FLAGS (\\Seen \\Recent))',
      'i1 OK NOOP completed',
    ]);
  });

  it('POP3 UIDL and IMAP UID name the same message', () => {
    const { c: imap, server, inbox } = imapSession({ select: true });
    const uidl = pop3(server).send('UIDL 3');
    const uid = /UID (\d+)/.exec(imap.send('i1 FETCH 3 UID'))![1];
    expect(uidl).toBe(
      `+OK 3 ${Number(uid).toString(16).toUpperCase().padStart(8, '0')}${inbox.uidValidity.toString(16).toUpperCase().padStart(8, '0')}\r\n`,
    );
  });
});
