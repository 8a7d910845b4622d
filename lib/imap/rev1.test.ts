import { describe, expect, it } from 'vitest';
import { SEED_MESSAGES } from '../mailstore/seed';
import { imapSession, lines } from './testing';

/**
 * What RFC 9051 Appendix E removed from IMAP4rev1, still served to a client that did not
 * `ENABLE IMAP4rev2` (it sees `IMAP4rev1` in CAPABILITY and speaks RFC 3501).
 */
describe('IMAP4rev1 forms for a client that did not ENABLE IMAP4rev2', () => {
  const first = SEED_MESSAGES[0]!;
  const headerEnd = first.indexOf('\r\n\r\n') + 4;

  describe('CHECK (RFC 3501 §6.4.1)', () => {
    it('completes OK in the Selected state', () => {
      const { c } = imapSession({ select: true });
      expect(c.send('a3 CHECK')).toBe('a3 OK CHECK completed\r\n');
    });

    it('reports waiting changes, like NOOP', () => {
      const a = imapSession({ select: true });
      const b = imapSession({ server: a.server, select: true });
      a.server.store.deliver('student', 'Subject: new\r\n\r\nfresh\r\n');
      expect(lines(b.c.send('b3 CHECK'))).toEqual(['* 7 EXISTS', '* 1 RECENT', 'b3 OK CHECK completed']);
    });

    it('is BAD outside the Selected state and with arguments', () => {
      const { c } = imapSession();
      expect(c.send('a3 CHECK')).toBe('a3 BAD No mailbox selected\r\n');
      c.send('a4 SELECT INBOX');
      expect(c.send('a5 CHECK now')).toBe('a5 BAD Too many arguments\r\n');
    });

    it('still works after ENABLE IMAP4rev2 (the server keeps IMAP4rev1)', () => {
      const { c } = imapSession();
      c.send('a2 ENABLE IMAP4rev2');
      c.send('a3 SELECT INBOX');
      expect(c.send('a4 CHECK')).toBe('a4 OK CHECK completed\r\n');
    });
  });

  describe('\\Recent (RFC 3501 §2.3.2)', () => {
    it('is in FETCH FLAGS for the first session to see a message, and in no other', () => {
      const a = imapSession({ select: true });
      const b = imapSession({ server: a.server, select: true });
      expect(a.c.send('a3 FETCH 1 FLAGS')).toBe('* 1 FETCH (FLAGS (\\Recent))\r\na3 OK FETCH completed\r\n');
      expect(b.c.send('b3 FETCH 1 FLAGS')).toBe('* 1 FETCH (FLAGS ())\r\nb3 OK FETCH completed\r\n');
    });

    it('is in unsolicited FETCH FLAGS for IMAP4rev1, never for IMAP4rev2', () => {
      const rev1 = imapSession({ select: true });
      const other = imapSession({ server: rev1.server, select: true });
      other.c.send('o3 STORE 1 +FLAGS (\\Flagged)');
      expect(lines(rev1.c.send('a3 NOOP'))).toEqual([
        '* 1 FETCH (FLAGS (\\Flagged \\Recent))',
        'a3 OK NOOP completed',
      ]);

      const server = rev1.server;
      server.store.deliver('student', 'Subject: new\r\n\r\nfresh\r\n');
      const rev2 = imapSession({ server });
      rev2.c.send('r2 ENABLE IMAP4rev2');
      rev2.c.send('r3 SELECT INBOX');
      // Message 7 is recent to the IMAP4rev2 session, which was the first to select it.
      other.c.send('o4 NOOP');
      other.c.send('o5 STORE 7 +FLAGS (\\Flagged)');
      expect(lines(rev2.c.send('r4 NOOP'))).toEqual([
        '* 7 FETCH (FLAGS (\\Flagged))',
        'r4 OK NOOP completed',
      ]);
      expect(rev2.c.send('r5 FETCH 7 FLAGS')).toBe(
        '* 7 FETCH (FLAGS (\\Flagged))\r\nr5 OK FETCH completed\r\n',
      );
    });

    it('cannot be stored by a client', () => {
      const { c } = imapSession({ select: true });
      expect(c.send('a3 STORE 1 +FLAGS (\\Recent)')).toMatch(/^a3 BAD /);
    });

    it('STATUS RECENT counts messages no session has seen', () => {
      const { c, server } = imapSession();
      expect(c.send('a3 STATUS INBOX (RECENT)')).toBe(
        '* STATUS INBOX (RECENT 6)\r\na3 OK STATUS completed\r\n',
      );
      c.send('a4 SELECT INBOX');
      server.store.deliver('student', 'Subject: new\r\n\r\nfresh\r\n');
      const other = imapSession({ server });
      expect(other.c.send('b3 STATUS INBOX (RECENT MESSAGES)')).toBe(
        '* STATUS INBOX (RECENT 1 MESSAGES 7)\r\nb3 OK STATUS completed\r\n',
      );
    });
  });

  describe('search keys RECENT, NEW, OLD (RFC 3501 §6.4.4) and the SEARCH response (§7.2.5)', () => {
    it.each([
      ['RECENT', '* SEARCH 1 2 3 4 5 6'],
      ['NEW', '* SEARCH 1 2 3 4 5 6'],
      ['OLD', '* SEARCH'],
      ['NOT RECENT', '* SEARCH'],
    ])('first session: SEARCH %s', (key, expected) => {
      const { c } = imapSession({ select: true });
      expect(lines(c.send(`a3 SEARCH ${key}`))).toEqual([expected, 'a3 OK SEARCH completed']);
    });

    it('NEW is RECENT and not \\Seen; a second session sees only OLD messages', () => {
      const a = imapSession({ select: true });
      a.c.send('a3 STORE 2 +FLAGS.SILENT (\\Seen)');
      expect(lines(a.c.send('a4 SEARCH NEW'))[0]).toBe('* SEARCH 1 3 4 5 6');
      const b = imapSession({ server: a.server, select: true });
      expect(lines(b.c.send('b3 SEARCH OLD'))[0]).toBe('* SEARCH 1 2 3 4 5 6');
      expect(lines(b.c.send('b4 SEARCH RECENT'))[0]).toBe('* SEARCH');
    });
  });

  describe('RFC822, RFC822.HEADER, RFC822.TEXT (RFC 3501 §6.4.5)', () => {
    it('RFC822.HEADER is BODY.PEEK[HEADER]: the header, without setting \\Seen', () => {
      const { c, inbox } = imapSession({ select: true });
      const header = first.slice(0, headerEnd);
      expect(c.send('a3 FETCH 1 RFC822.HEADER')).toBe(
        `* 1 FETCH (RFC822.HEADER {${header.length}}\r\n${header})\r\na3 OK FETCH completed\r\n`,
      );
      expect(inbox.messages[0]!.flags.has('\\Seen')).toBe(false);
    });

    it('RFC822.TEXT is BODY[TEXT] and sets \\Seen', () => {
      const { c, inbox } = imapSession({ select: true });
      const text = first.slice(headerEnd);
      expect(c.send('a3 FETCH 1 RFC822.TEXT')).toBe(
        `* 1 FETCH (RFC822.TEXT {${text.length}}\r\n${text} FLAGS (\\Seen \\Recent))\r\na3 OK FETCH completed\r\n`,
      );
      expect(inbox.messages[0]!.flags.has('\\Seen')).toBe(true);
    });

    it('RFC822 is BODY[] and sets \\Seen', () => {
      const { c } = imapSession({ select: true });
      expect(c.send('a3 FETCH 1 (FLAGS RFC822)')).toBe(
        `* 1 FETCH (FLAGS (\\Seen \\Recent) RFC822 {${first.length}}\r\n${first})\r\na3 OK FETCH completed\r\n`,
      );
    });
  });
});
