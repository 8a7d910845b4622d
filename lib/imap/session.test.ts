import { describe, expect, it } from 'vitest';
import { connectImap, imapSession, imapTestServer, lines } from './testing';
import { LoopbackConnection } from '../session/loopback';
import { ImapSession } from './session';

describe('IMAP session', () => {
  it('greets with OK and the capabilities, in Not Authenticated state', () => {
    const server = imapTestServer();
    const c = new LoopbackConnection((io) => new ImapSession(server, io));
    expect(c.take()).toMatch(
      /^\* OK \[CAPABILITY IMAP4rev1 IMAP4rev2 .*AUTH=PLAIN\] POP vs IMAP Lab IMAP server ready\r\n$/,
    );
    expect(c.session.state).toBe('Not Authenticated');
  });

  it('logs in, reporting the post-login capabilities in the tagged OK', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 LOGIN student secret')).toMatch(
      /^a1 OK \[CAPABILITY IMAP4rev1 IMAP4rev2 [^\]]*\] Logged in\r\n$/,
    );
    expect(c.session.state).toBe('Authenticated');
  });

  it('refuses wrong credentials with NO [AUTHENTICATIONFAILED] and says BYE after three', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 LOGIN student nope')).toBe('a1 NO [AUTHENTICATIONFAILED] Invalid credentials\r\n');
    c.send('a2 LOGIN student nope');
    expect(c.send('a3 LOGIN student nope')).toBe(
      '* BYE Too many failed logins\r\na3 NO [AUTHENTICATIONFAILED] Invalid credentials\r\n',
    );
    expect(c.serverClosed).toBe(true);
  });

  it('answers unknown commands, bad tags and wrong states with BAD', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 FROB')).toBe('a1 BAD Unknown command: FROB\r\n');
    expect(c.send('+x NOOP')).toBe('* BAD Invalid tag\r\n');
    expect(c.send('')).toBe('* BAD Empty command line\r\n');
    expect(c.send('a2 SELECT INBOX')).toBe('a2 BAD SELECT is not valid in the Not Authenticated state\r\n');
    const { c: authed } = imapSession();
    expect(authed.send('a3 FETCH 1 FLAGS')).toBe('a3 BAD No mailbox selected\r\n');
  });

  it('answers malformed arguments with BAD naming the problem', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a1 FETCH 1 (FLAGS')).toBe('a1 BAD Missing ")"\r\n');
    expect(c.send('a2 LOGIN "unterminated')).toBe('a2 BAD Unterminated quoted string\r\n');
    expect(c.send('a3 FETCH 0 FLAGS')).toBe('a3 BAD Invalid number in sequence set: 0\r\n');
    expect(c.send('a4 FETCH 99 FLAGS')).toBe('a4 BAD Invalid message sequence number\r\n');
    expect(c.send('a5 FETCH 1 FROB')).toBe('a5 BAD Unknown fetch item: FROB\r\n');
  });

  it('asks for a synchronizing literal with + and takes a non-synchronizing one at once (RFC 7888)', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 LOGIN {7}')).toBe('+ Ready for literal data\r\n');
    expect(c.sendRaw('student {6+}\r\nsecret\r\n')).toMatch(/^a1 OK /);
  });

  it('refuses a synchronizing literal over the limit before it is sent', () => {
    const c = connectImap(imapTestServer());
    // Before login only small literals (PRE_AUTH_LITERAL_BYTES); after it, the server's limit.
    expect(c.send('a1 LOGIN {99999999999}')).toBe('a1 NO [TOOBIG] Literal too large (limit 8192 octets)\r\n');
    expect(c.send('a2 NOOP')).toBe('a2 OK NOOP completed\r\n');
    expect(c.send('a3 LOGIN student secret')).toMatch(/^a3 OK /m);
    expect(c.send('a4 APPEND INBOX {10485761}')).toBe(
      'a4 NO [TOOBIG] Literal too large (limit 10485760 octets)\r\n',
    );
  });

  it('reads past an oversized non-synchronizing literal without buffering it, then says BAD', () => {
    const server = imapTestServer();
    const small = { ...server, limits: { ...server.limits, maxLiteralBytes: 100 } };
    const c = connectImap(small);
    expect(c.sendRaw('a1 LOGIN {200+}\r\n' + 'x'.repeat(150))).toBe('');
    expect(c.sendRaw('x'.repeat(50) + ' pw\r\n')).toBe('a1 BAD [TOOBIG] Literal too large\r\n');
    expect(c.send('a2 NOOP')).toBe('a2 OK NOOP completed\r\n');
  });

  it('answers a line over the limit with a tagged BAD and goes on', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 NOOP ' + 'x'.repeat(70_000))).toBe('a1 BAD Line too long (limit 65536 octets)\r\n');
    expect(c.send('a2 NOOP')).toBe('a2 OK NOOP completed\r\n');
  });

  it('LOGOUT says BYE, completes and closes', () => {
    const { c } = imapSession();
    expect(lines(c.send('a9 LOGOUT'))).toEqual([
      '* BYE POP vs IMAP Lab IMAP server logging out',
      'a9 OK LOGOUT completed',
    ]);
    expect(c.serverClosed).toBe(true);
    expect(c.session.state).toBe('Logout');
  });

  it('autologout says BYE and closes (RFC 9051 §5.4)', () => {
    const { c } = imapSession();
    c.session.timeout();
    expect(c.take()).toBe('* BYE Autologout; idle for too long\r\n');
    expect(c.serverClosed).toBe(true);
  });

  it('masks the LOGIN password in events, never on the wire', () => {
    const { c } = imapSession();
    const login = c.events.find((e) => e.direction === 'c2s' && e.command === 'LOGIN')!;
    expect(login.raw).toBe('a1 LOGIN student secret\r\n');
    expect(login.masked).toBe('a1 LOGIN student ********\r\n');
    expect(login.explanation).toContain('not inside TLS, so anyone on the path can read it');
    const reply = c.events.find((e) => e.direction === 's2c' && e.command === 'LOGIN')!;
    expect([reply.stateBefore, reply.stateAfter]).toEqual(['Not Authenticated', 'Authenticated']);
  });
});
