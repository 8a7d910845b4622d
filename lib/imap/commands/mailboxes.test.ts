import { describe, expect, it } from 'vitest';
import { imapSession, lines } from '../testing';

describe('mailbox commands', () => {
  it('LIST "" * lists every mailbox with children and special-use attributes, INBOX first', () => {
    const { c } = imapSession();
    c.send('a2 CREATE Projects/2026');
    expect(lines(c.send('a3 LIST "" *'))).toEqual([
      '* LIST (\\HasNoChildren) "/" INBOX',
      '* LIST (\\HasNoChildren \\Drafts) "/" Drafts',
      '* LIST (\\HasChildren) "/" Projects',
      '* LIST (\\HasNoChildren) "/" Projects/2026',
      '* LIST (\\HasNoChildren \\Sent) "/" Sent',
      '* LIST (\\HasNoChildren \\Trash) "/" Trash',
      'a3 OK LIST completed',
    ]);
  });

  it('LIST with % stops at the delimiter; an empty pattern returns the delimiter', () => {
    const { c } = imapSession();
    c.send('a2 CREATE Projects/2026');
    expect(c.send('a3 LIST "" %')).not.toContain('Projects/2026');
    expect(c.send('a4 LIST Projects/ %')).toContain('"/" Projects/2026\r\n');
    expect(c.send('a5 LIST "" ""')).toBe('* LIST (\\Noselect) "/" ""\r\na5 OK LIST completed\r\n');
  });

  it('LIST-EXTENDED: selection (SUBSCRIBED) and RETURN (STATUS ...)', () => {
    const { c } = imapSession();
    c.send('a2 UNSUBSCRIBE Drafts');
    const subscribed = c.send('a3 LIST (SUBSCRIBED) "" *');
    expect(subscribed).not.toContain('Drafts');
    expect(subscribed).toContain('* LIST (\\HasNoChildren \\Subscribed) "/" INBOX');
    expect(c.send('a4 LIST "" INBOX RETURN (STATUS (MESSAGES UNSEEN))')).toBe(
      '* LIST (\\HasNoChildren) "/" INBOX\r\n* STATUS INBOX (MESSAGES 6 UNSEEN 6)\r\na4 OK LIST completed\r\n',
    );
  });

  it('LSUB lists subscribed mailboxes (IMAP4rev1)', () => {
    const { c } = imapSession();
    c.send('a2 UNSUBSCRIBE Trash');
    const reply = c.send('a3 LSUB "" *');
    expect(reply).toContain('* LSUB (\\HasNoChildren) "/" INBOX');
    expect(reply).not.toContain('Trash');
  });

  it('CREATE refuses an existing name; DELETE refuses INBOX and unknown names', () => {
    const { c } = imapSession();
    expect(c.send('a2 CREATE Work')).toBe('a2 OK CREATE completed\r\n');
    expect(c.send('a3 CREATE Work')).toBe('a3 NO [ALREADYEXISTS] Mailbox already exists\r\n');
    expect(c.send('a4 DELETE INBOX')).toBe('a4 NO [CANNOT] INBOX cannot be deleted\r\n');
    expect(c.send('a5 DELETE Nope')).toBe("a5 NO [NONEXISTENT] Mailbox doesn't exist: Nope\r\n");
    expect(c.send('a6 DELETE Work')).toBe('a6 OK DELETE completed\r\n');
    expect(c.send('a7 LIST "" Work')).toBe('a7 OK LIST completed\r\n');
  });

  it('RENAME renames inferiors too; renaming INBOX moves its messages out', () => {
    const { c, server } = imapSession();
    const account = server.store.getAccount('student')!;
    c.send('a2 CREATE Old/Sub');
    expect(c.send('a3 RENAME Old New')).toBe('a3 OK RENAME completed\r\n');
    expect([...account.mailboxes.keys()]).toEqual(expect.arrayContaining(['New', 'New/Sub']));
    expect(c.send('a4 RENAME INBOX Saved')).toBe('a4 OK RENAME completed\r\n');
    expect(account.inbox.messages).toHaveLength(0);
    expect(account.getMailbox('Saved')!.messages).toHaveLength(6);
  });

  it('STATUS counts without selecting', () => {
    const { c, inbox } = imapSession();
    expect(c.send('a2 STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE)')).toBe(
      `* STATUS INBOX (MESSAGES 6 UIDNEXT 7 UIDVALIDITY ${inbox.uidValidity} UNSEEN 6 DELETED 0 SIZE ${inbox.size})\r\na2 OK STATUS completed\r\n`,
    );
    expect(c.send('a3 STATUS INBOX (BOGUS)')).toBe('a3 BAD Unknown status item: BOGUS\r\n');
  });

  it('NAMESPACE reports one personal namespace', () => {
    const { c } = imapSession();
    expect(c.send('a2 NAMESPACE')).toBe('* NAMESPACE (("" "/")) NIL NIL\r\na2 OK NAMESPACE completed\r\n');
  });

  it('APPEND stores the literal with flags and date and answers APPENDUID (RFC 9051 §6.3.12)', () => {
    const { c, server } = imapSession();
    const sent = server.store.getAccount('student')!.getMailbox('Sent')!;
    const message = 'From: student@popvsimap.lab\r\nSubject: hi\r\n\r\nHello\r\n';
    expect(c.send(`a2 APPEND Sent (\\Seen) "05-Mar-2026 10:00:00 +0100" {${message.length}}`)).toBe(
      '+ Ready for literal data\r\n',
    );
    expect(c.sendRaw(message + '\r\n')).toBe(`a2 OK [APPENDUID ${sent.uidValidity} 1] APPEND completed\r\n`);
    expect(sent.messages[0]!.raw).toBe(message);
    expect([...sent.messages[0]!.flags]).toEqual(['\\Seen']);
    expect(sent.messages[0]!.internalDate).toBe(Date.UTC(2026, 2, 5, 9, 0, 0));
    expect(c.send('a3 APPEND Nope {1+}\r\nx')).toBe("a3 NO [TRYCREATE] Mailbox doesn't exist: Nope\r\n");
  });

  it('APPEND past the quota answers NO [OVERQUOTA] and stores nothing', () => {
    const { c, server } = imapSession();
    const account = server.store.getAccount('student')!;
    account.quotaBytes = account.usedBytes + 5;
    expect(c.send('a2 APPEND INBOX {10+}\r\n0123456789')).toBe(
      'a2 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)\r\n',
    );
    expect(account.inbox.messages).toHaveLength(6);
  });

  it('CAPABILITY drops AUTH=PLAIN after login', () => {
    const { c } = imapSession();
    const caps = c.send('a2 CAPABILITY');
    expect(caps).toMatch(
      /^\* CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL\+ ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE ESEARCH SEARCHRES ID QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE SORT SORT=DISPLAY THREAD=ORDEREDSUBJECT THREAD=REFERENCES ESORT PARTIAL CONTEXT=SEARCH CONTEXT=SORT LIST-EXTENDED LIST-STATUS CONDSTORE QRESYNC BINARY MULTIAPPEND UTF8=ACCEPT CATENATE URLAUTH NOTIFY SPECIAL-USE\r\n/,
    );
    expect(caps).not.toContain('AUTH=PLAIN');
  });
});
