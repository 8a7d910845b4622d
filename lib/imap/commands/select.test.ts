import { describe, expect, it } from 'vitest';
import { imapSession, lines } from '../testing';

describe('SELECT and EXAMINE', () => {
  it('SELECT reports EXISTS, RECENT, UNSEEN, UIDVALIDITY, UIDNEXT and flags to an IMAP4rev1 client', () => {
    const { c, inbox } = imapSession();
    expect(lines(c.send('a2 SELECT INBOX'))).toEqual([
      '* 6 EXISTS',
      '* 6 RECENT',
      '* OK [UNSEEN 1] First unseen',
      `* OK [UIDVALIDITY ${inbox.uidValidity}] UIDs valid`,
      '* OK [UIDNEXT 7] Predicted next UID',
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
      '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted',
      '* OK [URLMECH INTERNAL] URLAUTH mechanisms',
      'a2 OK [READ-WRITE] SELECT completed',
    ]);
    expect(c.session.state).toBe('Selected');
  });

  it('gives \\Recent to the first session only', () => {
    const { server } = imapSession({ select: true });
    const { c } = imapSession({ server });
    expect(c.send('b1 SELECT INBOX')).toContain('* 0 RECENT\r\n');
  });

  it('EXAMINE reports \\Recent without clearing it (RFC 3501 §6.3.2)', () => {
    const { server, c } = imapSession();
    expect(lines(c.send('a2 EXAMINE INBOX')).slice(0, 3)).toEqual([
      '* 6 EXISTS',
      '* 6 RECENT',
      '* OK [UNSEEN 1] First unseen',
    ]);
    expect(c.send('a3 FETCH 1 FLAGS')).toBe('* 1 FETCH (FLAGS (\\Recent))\r\na3 OK FETCH completed\r\n');
    // A second read-only session sees them too; the first read-write session still gets them.
    expect(imapSession({ server }).c.send('b1 EXAMINE INBOX')).toContain('* 6 RECENT\r\n');
    expect(imapSession({ server }).c.send('d1 SELECT INBOX')).toContain('* 6 RECENT\r\n');
    expect(imapSession({ server }).c.send('e1 EXAMINE INBOX')).toContain('* 0 RECENT\r\n');
  });

  it('new mail during EXAMINE is reported as RECENT and stays recent for the next SELECT', () => {
    const { server, c } = imapSession();
    c.send('a2 EXAMINE INBOX');
    server.store.deliver('student', 'Subject: new\r\n\r\nhi\r\n');
    expect(c.send('a3 NOOP')).toBe('* 7 EXISTS\r\n* 7 RECENT\r\na3 OK NOOP completed\r\n');
    expect(imapSession({ server }).c.send('b1 SELECT INBOX')).toContain('* 7 RECENT\r\n');
  });

  it('[UNSEEN n] names the first unseen sequence number, and is left out when all are seen', () => {
    const { c, inbox } = imapSession();
    for (const m of inbox.messages.slice(0, 3)) inbox.setFlags(m, ['\\Seen']);
    expect(c.send('a2 SELECT INBOX')).toContain('* OK [UNSEEN 4] First unseen\r\n');
    c.send('a3 STORE 4:* +FLAGS.SILENT (\\Seen)');
    expect(c.send('a4 SELECT INBOX')).not.toContain('UNSEEN');
  });

  it('EXAMINE answers PERMANENTFLAGS () and [READ-ONLY]', () => {
    const { c } = imapSession();
    const reply = lines(c.send('a2 EXAMINE INBOX'));
    expect(reply).toContain('* OK [PERMANENTFLAGS ()] Read-only mailbox');
    expect(reply.at(-1)).toBe('a2 OK [READ-ONLY] EXAMINE completed');
  });

  it('answers an IMAP4rev2 client in RFC 9051 form: no RECENT or UNSEEN, a LIST, [CLOSED] on reselect', () => {
    const { c, inbox } = imapSession();
    expect(c.send('a2 ENABLE IMAP4rev2')).toBe('* ENABLED IMAP4rev2\r\na2 OK ENABLE completed\r\n');
    expect(lines(c.send('a3 SELECT INBOX'))).toEqual([
      '* 6 EXISTS',
      `* OK [UIDVALIDITY ${inbox.uidValidity}] UIDs valid`,
      '* OK [UIDNEXT 7] Predicted next UID',
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
      '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted',
      '* LIST (\\HasNoChildren) "/" INBOX',
      '* OK [URLMECH INTERNAL] URLAUTH mechanisms',
      'a3 OK [READ-WRITE] SELECT completed',
    ]);
    const sent = c.send('a4 EXAMINE Sent');
    expect(sent).toMatch(/^\* OK \[CLOSED\] Previous mailbox is now closed\r\n\* 0 EXISTS\r\n/);
    expect(sent).toContain('* LIST (\\HasNoChildren \\Sent) "/" Sent\r\n');
  });

  it('EXAMINE is read-only: fetching a body does not set \\Seen, STORE is refused', () => {
    const { c, inbox } = imapSession();
    expect(c.send('a2 EXAMINE INBOX')).toContain('a2 OK [READ-ONLY] EXAMINE completed');
    expect(c.send('a3 FETCH 1 BODY[]')).not.toContain('FLAGS');
    expect(inbox.messages[0]!.flags.size).toBe(0);
    expect(c.send('a4 STORE 1 +FLAGS (\\Seen)')).toBe('a4 NO [READ-ONLY] Mailbox is read-only\r\n');
  });

  it('a failed SELECT leaves no mailbox selected, and says the one selected is closed', () => {
    const { c } = imapSession({ select: true });
    // RFC 9051 §6.3.2: "if a mailbox is selected and a SELECT command that fails is attempted, no
    // mailbox is selected. When deselecting a selected mailbox, the server MUST return an untagged
    // OK response with the "[CLOSED]" response code"; RFC 7162 §3.2.11 asks the same of a server
    // advertising CONDSTORE or QRESYNC, as this one does, in IMAP4rev1 sessions too.
    expect(c.send('a3 SELECT Nope')).toBe(
      "* OK [CLOSED] Previous mailbox is now closed\r\na3 NO [NONEXISTENT] Mailbox doesn't exist: Nope\r\n",
    );
    expect(c.session.state).toBe('Authenticated');
  });

  it('INBOX is case-insensitive', () => {
    const { c } = imapSession();
    expect(c.send('a2 SELECT inbox')).toContain('a2 OK [READ-WRITE]');
  });

  it('CLOSE removes \\Deleted messages silently; UNSELECT removes nothing', () => {
    const { c, inbox } = imapSession({ select: true });
    c.send('a3 STORE 1 +FLAGS.SILENT (\\Deleted)');
    expect(c.send('a4 UNSELECT')).toBe('a4 OK UNSELECT completed\r\n');
    expect(inbox.messages).toHaveLength(6);
    c.send('a5 SELECT INBOX');
    expect(c.send('a6 CLOSE')).toBe('a6 OK CLOSE completed\r\n');
    expect(inbox.messages).toHaveLength(5);
    expect(c.session.state).toBe('Authenticated');
  });
});
