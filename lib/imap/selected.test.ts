import { describe, expect, it } from 'vitest';
import { imapSession, lines } from './testing';

/** Two devices on one mailbox: what RFC 9051 §7.5.1 lets the server tell the second one, and when. */
describe('two IMAP sessions on one mailbox', () => {
  function twoSessions() {
    const a = imapSession({ select: true });
    const b = imapSession({ server: a.server, select: true });
    return { a: a.c, b: b.c, server: a.server, inbox: a.inbox };
  }

  it("B hears of A's \\Seen at its next command (NOOP), as an untagged FETCH FLAGS", () => {
    const { a, b } = twoSessions();
    a.send('a3 STORE 2 +FLAGS (\\Seen)');
    expect(lines(b.send('b3 NOOP'))).toEqual(['* 2 FETCH (FLAGS (\\Seen))', 'b3 OK NOOP completed']);
    expect(b.send('b4 NOOP')).toBe('b4 OK NOOP completed\r\n');
  });

  it("B hears of A's expunge at NOOP, but not while responding to FETCH, STORE or SEARCH", () => {
    const { a, b } = twoSessions();
    a.send('a3 STORE 1 +FLAGS.SILENT (\\Deleted)');
    a.send('a4 EXPUNGE');
    const fetch = b.send('b3 FETCH 1:* UID');
    expect(fetch).not.toContain('EXPUNGE');
    // B still numbers the expunged message 1, and can still read it.
    expect(fetch).toContain('* 1 FETCH (UID 1)');
    expect(b.send('b4 SEARCH ALL')).not.toContain('EXPUNGE');
    expect(b.send('b5 STORE 2 +FLAGS (\\Flagged)')).not.toContain('EXPUNGE');
    expect(lines(b.send('b6 NOOP'))).toEqual(['* 1 EXPUNGE', 'b6 OK NOOP completed']);
    expect(b.send('b7 FETCH 1 UID')).toBe('* 1 FETCH (UID 2)\r\nb7 OK FETCH completed\r\n');
  });

  it('UID FETCH may carry the EXPUNGE, after its own responses', () => {
    const { a, b } = twoSessions();
    a.send('a3 STORE 1 +FLAGS.SILENT (\\Deleted)');
    a.send('a4 EXPUNGE');
    expect(lines(b.send('b3 UID FETCH 2 UID'))).toEqual([
      '* 2 FETCH (UID 2)',
      '* 1 EXPUNGE',
      'b3 OK UID FETCH completed',
    ]);
  });

  it('new mail: B gets EXISTS at its next command, and \\Recent as the first to see it', () => {
    const { a, b, server } = twoSessions();
    server.store.deliver('student', 'Subject: new\r\n\r\nfresh\r\n');
    expect(lines(b.send('b3 NOOP'))).toEqual(['* 7 EXISTS', '* 1 RECENT', 'b3 OK NOOP completed']);
    expect(lines(a.send('a3 NOOP'))).toEqual(['* 7 EXISTS', 'a3 OK NOOP completed']);
  });

  it('during IDLE, B hears of EXISTS, FETCH and EXPUNGE at once, and DONE ends it', () => {
    const { a, b, server } = twoSessions();
    expect(b.send('b3 IDLE')).toBe('+ idling\r\n');
    server.store.deliver('student', 'Subject: new\r\n\r\nfresh\r\n');
    expect(b.take()).toBe('* 7 EXISTS\r\n* 1 RECENT\r\n');
    a.send('a3 STORE 3 +FLAGS (\\Seen)');
    expect(b.take()).toBe('* 3 FETCH (FLAGS (\\Seen))\r\n');
    a.send('a4 STORE 3 +FLAGS.SILENT (\\Deleted)');
    b.take();
    a.send('a5 EXPUNGE');
    expect(b.take()).toBe('* 3 EXPUNGE\r\n');
    expect(b.send('DONE')).toBe('b3 OK IDLE terminated\r\n');
  });

  it('IDLE ended by anything but DONE is BAD', () => {
    const { b } = twoSessions();
    b.send('b3 IDLE');
    expect(b.send('b4 NOOP')).toBe('b3 BAD Expected DONE\r\n');
  });

  it('changes pending before IDLE are reported when IDLE starts', () => {
    const { a, b } = twoSessions();
    a.send('a3 STORE 1 +FLAGS (\\Flagged)');
    expect(b.send('b3 IDLE')).toBe('+ idling\r\n* 1 FETCH (FLAGS (\\Flagged))\r\n');
  });

  it('a session that is not selected hears nothing, and changes do not leak across mailboxes', () => {
    const { a, server } = twoSessions();
    const other = imapSession({ server });
    other.c.send('o2 SELECT Trash');
    a.send('a3 STORE 1 +FLAGS (\\Seen)');
    expect(other.c.send('o3 NOOP')).toBe('o3 OK NOOP completed\r\n');
  });
});

/** RFC 9051 §9 sequence-set and §6.4.9 uid-set: which messages a set names, in what order. */
describe('the messages a set names', () => {
  const fetched = (reply: string) =>
    lines(reply)
      .filter((l) => l.startsWith('* '))
      .map((l) => l.split(' ')[1] + (/UID (\d+)/.exec(l)?.[1] ? `:${/UID (\d+)/.exec(l)![1]}` : ''));

  it('sequence numbers come ascending and once each, whatever the order of the ranges', () => {
    const { c } = imapSession({ select: true });
    expect(fetched(c.send('a3 FETCH 5,2:3,3:1,* UID'))).toEqual(['1:1', '2:2', '3:3', '5:5', '6:6']);
    expect(fetched(c.send('a4 FETCH *:4 UID'))).toEqual(['4:4', '5:5', '6:6']);
  });

  it('a sequence number past the end, or * in an empty mailbox, is BAD and fetches nothing', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 FETCH 1,7 UID')).toBe('a3 BAD Invalid message sequence number\r\n');
    c.send('a4 CREATE Empty');
    c.send('a5 SELECT Empty');
    expect(c.send('a6 FETCH * UID')).toBe('a6 BAD Invalid message sequence number\r\n');
  });

  it('UIDs not in the mailbox are skipped; n:* always includes the last message', () => {
    const { c } = imapSession({ select: true });
    c.send('a3 STORE 2,4 +FLAGS.SILENT (\\Deleted)');
    c.send('a4 EXPUNGE');
    // UIDs 1, 3, 5, 6 remain, as sequence numbers 1 to 4.
    expect(fetched(c.send('a5 UID FETCH 6,2:4,1 FLAGS'))).toEqual(['1:1', '2:3', '4:6']);
    expect(fetched(c.send('a6 UID FETCH 4:2,2 FLAGS'))).toEqual(['2:3']);
    expect(fetched(c.send('a7 UID FETCH 100:* FLAGS'))).toEqual(['4:6']);
    expect(fetched(c.send('a8 UID FETCH 7:9,100 FLAGS'))).toEqual([]);
    expect(fetched(c.send('a9 UID FETCH 1:* FLAGS'))).toEqual(['1:1', '2:3', '3:5', '4:6']);
  });
});
