import { describe, expect, it } from 'vitest';
import { imapSession } from '../imap/testing';
import { loggedInPop3 } from '../pop3/testing';
import { MailStore } from './store';

/** Undoes POP3's multi-line framing (RFC 1939 §3): the body between the status line and `.`. */
function pop3Body(reply: string): string {
  const start = reply.indexOf('\r\n') + 2;
  expect(reply.endsWith('\r\n.\r\n') || reply.slice(start) === '.\r\n').toBe(true);
  return reply
    .slice(start, -3)
    .split('\r\n')
    .map((line) => (line.startsWith('.') ? line.slice(1) : line))
    .join('\r\n');
}

/**
 * Messages arrive with bare LF, bare CR or no final line end (a local delivery, an APPEND from a
 * Unix client). The store keeps them as CRLF lines, so both protocols send CRLF lines and the
 * sizes they report are the octets they send (RFC 1939 §3 and §11, RFC 9051 §2.2).
 */
describe('messages with bare line ends', () => {
  it('delivery stores CRLF lines, a final CRLF added, and counts them', () => {
    const store = new MailStore();
    store.addAccount('u', 'p');
    const message = store.deliver('u', 'Subject: x\n\na\n.\nb');
    expect(message.raw).toBe('Subject: x\r\n\r\na\r\n.\r\nb\r\n');
    expect(message.size).toBe(message.raw.length);
  });

  it('the quota counts the message as stored', () => {
    const store = new MailStore();
    const account = store.addAccount('u', 'p', { quotaBytes: 10 });
    expect(() => store.deliver('u', 'a\nb\nc\nd\ne')).toThrow(/Quota/); // 10 octets in, 15 stored
    expect(account.inbox.messages).toHaveLength(0);
  });

  it('POP3 RETR dot-stuffs a "." line that arrived with bare LF; LIST, STAT and +OK agree', () => {
    const { server, c } = loggedInPop3();
    server.store.deliver('student', 'Subject: dots\n\na\n.\nb\n..c');
    c.send('QUIT');
    const { c: d } = loggedInPop3(server);
    const size = 'Subject: dots\r\n\r\na\r\n.\r\nb\r\n..c\r\n'.length;
    expect(d.send('LIST 7')).toBe(`+OK 7 ${size}\r\n`);
    const reply = d.send('RETR 7');
    expect(reply).toBe(`+OK ${size} octets\r\nSubject: dots\r\n\r\na\r\n..\r\nb\r\n...c\r\n.\r\n`);
    expect(pop3Body(reply)).toHaveLength(size);
    const stat = /^\+OK 7 (\d+)\r\n$/.exec(d.send('STAT'))!;
    const listed = d.send('LIST').split('\r\n').slice(1, -2);
    expect(listed.reduce((sum, l) => sum + Number(l.split(' ')[1]), 0)).toBe(Number(stat[1]));
  });

  it('POP3 TOP counts body lines whatever line ends the message came with', () => {
    const { server, c } = loggedInPop3();
    server.store.deliver('student', 'Subject: t\r\n\r\none\ntwo\rthree\r\nfour');
    c.send('QUIT');
    const { c: d } = loggedInPop3(server);
    expect(d.send('TOP 7 2')).toBe('+OK Top of message follows\r\nSubject: t\r\n\r\none\r\ntwo\r\n.\r\n');
    expect(d.send('TOP 7 0')).toBe('+OK Top of message follows\r\nSubject: t\r\n\r\n.\r\n');
    expect(d.send('TOP 7 9')).toBe(
      '+OK Top of message follows\r\nSubject: t\r\n\r\none\r\ntwo\r\nthree\r\nfour\r\n.\r\n',
    );
  });

  it('IMAP APPEND of bare LF stores CRLF; RFC822.SIZE is the length of what FETCH BODY[] sends', () => {
    const { c, inbox } = imapSession({ select: true });
    const literal = 'Subject: lf\n\nline 1\n.\nline 3';
    expect(c.send(`a3 APPEND INBOX {${literal.length}+}\r\n${literal}`)).toMatch(/^a3 OK \[APPENDUID/m);
    const stored = 'Subject: lf\r\n\r\nline 1\r\n.\r\nline 3\r\n';
    expect(inbox.messages.at(-1)!.raw).toBe(stored);
    c.send('a4 NOOP');
    const reply = c.send('a5 FETCH 7 (RFC822.SIZE BODY.PEEK[])');
    expect(reply).toBe(
      `* 7 FETCH (RFC822.SIZE ${stored.length} BODY[] {${stored.length}}\r\n${stored})\r\na5 OK FETCH completed\r\n`,
    );
  });
});
