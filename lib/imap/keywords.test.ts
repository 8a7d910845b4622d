import { describe, expect, it } from 'vitest';
import { imapSession, lines } from './testing';

const SYSTEM = '\\Answered \\Flagged \\Deleted \\Seen \\Draft';

/**
 * Keywords (RFC 9051 §2.3.2) and the FLAGS response (RFC 9051 §7.3.5, RFC 3501 §7.2.6): FLAGS
 * lists the flags applicable to the mailbox, the client must remember each update, and
 * PERMANENTFLAGS (§7.1) those it may store. A keyword new to the mailbox is announced to every
 * session that has it selected before a FETCH shows it there.
 */
describe('keywords in FLAGS and PERMANENTFLAGS', () => {
  function twoSessions(options: { examine?: boolean } = {}) {
    const a = imapSession({ select: true });
    const b = imapSession({ server: a.server });
    b.c.send(options.examine ? 'b2 EXAMINE INBOX' : 'b2 SELECT INBOX');
    return { a: a.c, b: b.c, server: a.server };
  }

  it('STORE of a new keyword writes FLAGS and PERMANENTFLAGS before its FETCH, once', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 STORE 2 +FLAGS ($Todo)'))).toEqual([
      `* FLAGS (${SYSTEM} $Todo)`,
      `* OK [PERMANENTFLAGS (${SYSTEM} $Todo \\*)] Flags permitted`,
      '* 2 FETCH (FLAGS ($Todo \\Recent))',
      'a3 OK STORE completed',
    ]);
    // Known now: another message gaining it needs no new FLAGS.
    expect(lines(c.send('a4 STORE 3 +FLAGS ($Todo)'))).toEqual([
      '* 3 FETCH (FLAGS ($Todo \\Recent))',
      'a4 OK STORE completed',
    ]);
  });

  it('STORE .SILENT of a new keyword still announces it (the client must know its FLAGS)', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 STORE 1:2 +FLAGS.SILENT (Work Home)'))).toEqual([
      `* FLAGS (${SYSTEM} Work Home)`,
      `* OK [PERMANENTFLAGS (${SYSTEM} Work Home \\*)] Flags permitted`,
      'a3 OK STORE completed',
    ]);
  });

  it('a system flag is no keyword: nothing is announced', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 STORE 2 +FLAGS (\\Flagged)'))).toEqual([
      '* 2 FETCH (FLAGS (\\Flagged \\Recent))',
      'a3 OK STORE completed',
    ]);
  });

  it('another session on the mailbox hears FLAGS and PERMANENTFLAGS before the FETCH (NOOP)', () => {
    const { a, b } = twoSessions();
    a.send('a3 STORE 2 +FLAGS ($Todo)');
    expect(lines(b.send('b3 NOOP'))).toEqual([
      `* FLAGS (${SYSTEM} $Todo)`,
      `* OK [PERMANENTFLAGS (${SYSTEM} $Todo \\*)] Flags permitted`,
      '* 2 FETCH (FLAGS ($Todo))',
      'b3 OK NOOP completed',
    ]);
  });

  it("another session's own FETCH of the message comes after the announcement", () => {
    const { a, b } = twoSessions();
    a.send('a3 STORE 2 +FLAGS ($Todo)');
    const reply = lines(b.send('b3 FETCH 2 FLAGS'));
    expect(reply[0]).toBe(`* FLAGS (${SYSTEM} $Todo)`);
    expect(reply.indexOf('* 2 FETCH (FLAGS ($Todo))')).toBeGreaterThan(0);
    expect(reply.at(-1)).toBe('b3 OK FETCH completed');
  });

  it('an idling session gets the announcement pushed at once, before the FETCH', () => {
    const { a, b } = twoSessions();
    b.send('b3 IDLE');
    a.send('a3 STORE 2 +FLAGS ($Todo)');
    expect(lines(b.take())).toEqual([
      `* FLAGS (${SYSTEM} $Todo)`,
      `* OK [PERMANENTFLAGS (${SYSTEM} $Todo \\*)] Flags permitted`,
      '* 2 FETCH (FLAGS ($Todo))',
    ]);
  });

  it('a read-only (EXAMINE) session gets FLAGS, and PERMANENTFLAGS () as Dovecot sends it', () => {
    const { a, b } = twoSessions({ examine: true });
    a.send('a3 STORE 2 +FLAGS ($Todo)');
    expect(lines(b.send('b3 NOOP'))).toEqual([
      `* FLAGS (${SYSTEM} $Todo)`,
      '* OK [PERMANENTFLAGS ()] Read-only mailbox',
      '* 2 FETCH (FLAGS ($Todo))',
      'b3 OK NOOP completed',
    ]);
  });

  it('a message appended with a new keyword is announced after its EXISTS', () => {
    const { c } = imapSession({ select: true });
    const message = 'Subject: k\r\n\r\nbody\r\n';
    expect(lines(c.send(`a3 APPEND INBOX (Later) {${message.length}+}\r\n${message}`))).toEqual([
      '* 7 EXISTS',
      '* 7 RECENT',
      `* FLAGS (${SYSTEM} Later)`,
      `* OK [PERMANENTFLAGS (${SYSTEM} Later \\*)] Flags permitted`,
      expect.stringMatching(/^a3 OK \[APPENDUID \d+ 7\] /),
    ]);
  });

  it('a keyword stored in another mailbox is not announced here', () => {
    const { c, server } = imapSession({ select: true });
    c.send('a3 COPY 1 Trash');
    const other = imapSession({ server });
    other.c.send('b2 SELECT Trash');
    expect(other.c.send('b3 STORE 1 +FLAGS ($Elsewhere)')).toContain('* FLAGS');
    expect(c.send('a4 NOOP')).toBe('a4 OK NOOP completed\r\n');
  });

  it('SELECT and EXAMINE list the keywords already in use', () => {
    const { c, server } = imapSession({ select: true });
    c.send('a3 STORE 1 +FLAGS (Work)');
    c.send('a4 STORE 2 +FLAGS ($Todo Work)');
    const fresh = imapSession({ server });
    const select = lines(fresh.c.send('b2 SELECT INBOX'));
    expect(select).toContain(`* FLAGS (${SYSTEM} Work $Todo)`);
    expect(select).toContain(`* OK [PERMANENTFLAGS (${SYSTEM} Work $Todo \\*)] Flags permitted`);
    const examine = lines(fresh.c.send('b3 EXAMINE INBOX'));
    expect(examine).toContain(`* FLAGS (${SYSTEM} Work $Todo)`);
    expect(examine).toContain('* OK [PERMANENTFLAGS ()] Read-only mailbox');
  });
});
