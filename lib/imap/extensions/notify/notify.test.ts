import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import type { ServerContext } from '../../../session/types';
import { connectImap, imapSession, lines } from '../../testing';
import { MAX_WATCHED_MAILBOXES } from './watch';

// The seed account: INBOX (six messages, UIDs 1–6), Sent, Drafts and Trash (empty).

/** Another device of the same user, logged in (and with `select`, on that mailbox). */
function otherDevice(server: ServerContext, select?: string) {
  const other = connectImap(server);
  other.send('o1 LOGIN student secret');
  if (select) other.send(`o2 SELECT ${select}`);
  return other;
}

const mail = (subject: string) => `From: someone@example.com\r\nSubject: ${subject}\r\n\r\nHello\r\n`;
const deliver = (server: ServerContext, subject: string) => server.store.deliver('student', mail(subject));
const appendTo = (o: ReturnType<typeof otherDevice>, box: string, tag: string) => {
  const m = mail('Filed');
  return o.send(`${tag} APPEND ${box} {${m.length}+}\r\n${m}`);
};

describe('NOTIFY (RFC 5465)', () => {
  it('is advertised', () => {
    const { c } = imapSession();
    expect(c.send('a2 CAPABILITY')).toMatch(/^\* CAPABILITY .* NOTIFY[ \r]/);
  });

  it("§3.1's example (errata 2318): STATUS of the subtree first, then news of both kinds unasked", () => {
    const { c, server } = imapSession();
    c.send('a2 CREATE Lists/Lemonade');
    c.send('a3 CREATE misc');
    c.send('a4 SELECT INBOX');
    const uidValidity = server.store.getAccount('student')!.getMailbox('Lists/Lemonade')!.uidValidity;
    expect(
      lines(
        c.send(
          'a notify set status (selected (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew MessageExpunge))',
        ),
      ),
    ).toEqual([
      '* STATUS Lists (MESSAGES 0 UIDNEXT 1 UIDVALIDITY ' + (uidValidity - 1) + ')',
      `* STATUS Lists/Lemonade (MESSAGES 0 UIDNEXT 1 UIDVALIDITY ${uidValidity})`,
      'a OK NOTIFY completed',
    ]);
    // No command in progress: the news comes at once, without IDLE (§1, §3.1).
    const other = otherDevice(server);
    appendTo(other, 'Lists/Lemonade', 'o3');
    expect(lines(c.take())).toEqual(['* STATUS Lists/Lemonade (MESSAGES 1 UIDNEXT 2)']);
    deliver(server, 'Lemonade meeting');
    expect(c.take()).toBe(
      '* 7 EXISTS\r\n* 7 RECENT\r\n* 7 FETCH (UID 7 BODY[HEADER.FIELDS (FROM TO SUBJECT)] {56}\r\n' +
        'From: someone@example.com\r\nSubject: Lemonade meeting\r\n\r\n)\r\n',
    );
    // The client knows misc's STATUS already: NOTIFY SET without STATUS sends none.
    expect(
      lines(
        c.send(
          'e notify set (selected (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew MessageExpunge)) (mailboxes misc (MessageNew MessageExpunge))',
        ),
      ),
    ).toEqual(['e OK NOTIFY completed']);
    appendTo(other, 'misc', 'o4');
    expect(lines(c.take())).toEqual(['* STATUS misc (MESSAGES 1 UIDNEXT 2)']);
  });

  it('the original §3.1 example lacks the parentheses and MessageExpunge the grammar needs: BAD', () => {
    const { c } = imapSession({ select: true });
    expect(
      c.send('a3 notify set status (selected MessageNew (uid) MessageExpunge) (subtree Lists MessageNew)'),
    ).toBe('a3 BAD Expected event list or NONE in parentheses\r\n');
    expect(c.send('a4 NOTIFY SET (subtree Lists (MessageNew))')).toBe(
      'a4 BAD MessageNew and MessageExpunge must be given together (RFC 5465 §5)\r\n',
    );
  });

  it('a successful NOTIFY SET is an implicit NOOP: waiting changes come before its OK (§3.1)', () => {
    const { c, server } = imapSession({ select: true });
    const other = otherDevice(server, 'INBOX');
    other.send('o3 STORE 1 +FLAGS (\\Flagged)');
    deliver(server, 'New');
    expect(lines(c.send('a3 NOTIFY SET (selected (MessageNew MessageExpunge FlagChange))'))).toEqual([
      '* 7 EXISTS',
      '* 7 RECENT',
      '* 1 FETCH (UID 1 FLAGS (\\Flagged \\Recent))',
      'a3 OK NOTIFY completed',
    ]);
  });

  it("MessageNew's FETCH is not sent for the client's own APPEND or COPY (§5.2)", () => {
    const { c, server } = imapSession({ select: true });
    c.send('a3 NOTIFY SET (selected (MessageNew (UID) MessageExpunge))');
    const m = mail('Mine');
    expect(lines(c.send(`a4 APPEND INBOX {${m.length}+}\r\n${m}`))).toEqual([
      '* 7 EXISTS',
      '* 7 RECENT',
      expect.stringMatching(/^a4 OK \[APPENDUID \d+ 7\] APPEND completed$/),
    ]);
    expect(lines(c.send('a5 COPY 1 INBOX'))).toEqual([
      '* 8 EXISTS',
      '* 8 RECENT',
      expect.stringMatching(/^a5 OK \[COPYUID \d+ 1 8\] COPY completed$/),
    ]);
    deliver(server, 'Theirs');
    expect(lines(c.take())).toEqual(['* 9 EXISTS', '* 9 RECENT', '* 9 FETCH (UID 9)']);
  });

  it("an item that refuses the new message (BINARY's UNKNOWN-CTE) is left out of its FETCH", () => {
    const { c, server } = imapSession({ select: true });
    c.send('a3 NOTIFY SET (selected (MessageNew (UID BINARY.PEEK[]) MessageExpunge))');
    server.store.deliver('student', 'Subject: Odd\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin\r\n');
    expect(lines(c.take())).toEqual(['* 7 EXISTS', '* 7 RECENT', '* 7 FETCH (UID 7)']);
    deliver(server, 'Plain');
    expect(c.take()).toMatch(/^\* 8 EXISTS\r\n\* 8 RECENT\r\n\* 8 FETCH \(UID 8 BINARY\[\] \{\d+\}\r\n/);
  });

  it('SELECTED: expunges and flag changes (with UID, §5.1) are pushed as they happen', () => {
    const { c, server } = imapSession({ select: true });
    const other = otherDevice(server, 'INBOX');
    c.send('a3 NOTIFY SET (selected (MessageNew MessageExpunge FlagChange))');
    other.send('o3 STORE 2 +FLAGS (\\Seen)');
    expect(c.take()).toBe('* 2 FETCH (UID 2 FLAGS (\\Seen \\Recent))\r\n');
    other.send('o4 STORE 2 +FLAGS.SILENT (\\Deleted)');
    c.take();
    other.send('o5 EXPUNGE');
    expect(c.take()).toBe('* 2 EXPUNGE\r\n');
  });

  it('SELECTED without FlagChange: flag changes wait for a command, new mail does not', () => {
    const { c, server } = imapSession({ select: true });
    const other = otherDevice(server, 'INBOX');
    c.send('a3 NOTIFY SET (selected (MessageNew MessageExpunge))');
    other.send('o3 STORE 2 +FLAGS (\\Seen)');
    expect(c.take()).toBe('');
    deliver(server, 'New');
    expect(c.take()).toBe('* 7 EXISTS\r\n* 7 RECENT\r\n');
    expect(lines(c.send('a4 NOOP'))).toEqual(['* 2 FETCH (FLAGS (\\Seen \\Recent))', 'a4 OK NOOP completed']);
  });

  it('SELECTED-DELAYED holds EXPUNGE until a command allows it (§6.1), or IDLE', () => {
    const { c, server } = imapSession({ select: true });
    const other = otherDevice(server, 'INBOX');
    c.send('a3 NOTIFY SET (selected-delayed (MessageNew MessageExpunge))');
    other.send('o3 STORE 3 +FLAGS.SILENT (\\Deleted)');
    other.send('o4 EXPUNGE');
    deliver(server, 'New');
    // The new message is pushed (numbered as the client knows them: 3 is still there).
    expect(c.take()).toBe('* 7 EXISTS\r\n* 7 RECENT\r\n');
    // FETCH may not report an expunge (RFC 9051 §7.5.1), only the flag change before it; NOOP may.
    expect(lines(c.send('a4 FETCH 3 (UID)'))).toEqual([
      '* 3 FETCH (UID 3)',
      '* 3 FETCH (FLAGS (\\Deleted \\Recent))',
      'a4 OK FETCH completed',
    ]);
    expect(lines(c.send('a5 NOOP'))).toEqual(['* 3 EXPUNGE', 'a5 OK NOOP completed']);
    expect(c.send('a6 IDLE')).toBe('+ idling\r\n');
    other.send('o5 STORE 1 +FLAGS.SILENT (\\Deleted)');
    other.send('o6 EXPUNGE');
    expect(c.take()).toBe('* 1 EXPUNGE\r\n');
    expect(c.send('DONE')).toBe('a6 OK IDLE terminated\r\n');
  });

  it('without SELECTED, nothing about the selected mailbox is pushed, even during IDLE (§3.1, §4)', () => {
    const { c, server } = imapSession({ select: true });
    c.send('a3 NOTIFY SET STATUS (personal (MessageNew MessageExpunge))');
    expect(c.send('a4 IDLE')).toBe('+ idling\r\n');
    deliver(server, 'New');
    // INBOX is selected: no STATUS for it either; its news waits for the end of IDLE.
    expect(c.take()).toBe('');
    expect(lines(c.send('DONE'))).toEqual(['* 7 EXISTS', '* 7 RECENT', 'a4 OK IDLE terminated']);
  });

  it('two sessions: a change in a mailbox that is not selected arrives as STATUS (§5.1–§5.3)', () => {
    const { c, server } = imapSession({ select: true });
    const other = otherDevice(server);
    c.send('a3 NOTIFY SET (personal (MessageNew MessageExpunge FlagChange))');
    appendTo(other, 'Sent', 'o3');
    expect(lines(c.take())).toEqual(['* STATUS Sent (MESSAGES 1 UIDNEXT 2)']);
    other.send('o4 SELECT Sent');
    other.send('o5 STORE 1 +FLAGS (\\Seen)');
    expect(lines(c.take())).toEqual(['* STATUS Sent (UNSEEN 0)']);
    other.send('o6 STORE 1 +FLAGS.SILENT (\\Deleted)');
    expect(c.take()).toBe('');
    other.send('o7 EXPUNGE');
    expect(lines(c.take())).toEqual(['* STATUS Sent (MESSAGES 0 UIDNEXT 2)']);
  });

  // §5.1: "If CONDSTORE/QRESYNC is not enabled by the client and the server chooses not to
  // include the UNSEEN data item, the server does not notify the client." This server includes
  // UNSEEN when the number of messages with \Seen changes, and otherwise says nothing.
  it('FlagChange elsewhere without CONDSTORE: STATUS (UNSEEN n) when \\Seen changed, else nothing (§5.1)', () => {
    const { c, server } = imapSession();
    const other = otherDevice(server);
    appendTo(other, 'Sent', 'o3');
    appendTo(other, 'Sent', 'o4');
    other.send('o5 SELECT Sent');
    c.send('a2 NOTIFY SET (mailboxes Sent (MessageNew MessageExpunge FlagChange))');
    other.send('o6 STORE 1 +FLAGS (\\Flagged)');
    expect(c.take()).toBe('');
    // Each change is told as it happens (no command is in progress here).
    other.send('o7 STORE 1:2 +FLAGS (\\Seen)');
    expect(lines(c.take())).toEqual(['* STATUS Sent (UNSEEN 1)', '* STATUS Sent (UNSEEN 0)']);
    other.send('o8 STORE 2 -FLAGS (\\Seen \\Answered)');
    expect(lines(c.take())).toEqual(['* STATUS Sent (UNSEEN 1)']);
    other.send('o9 STORE 2 FLAGS (\\Draft)');
    expect(c.take()).toBe('');
    // Coalesced with new mail, the \Seen change still shows.
    c.send('a3 APPEND Drafts {7}');
    appendTo(other, 'Sent', 'o10');
    other.send('o11 STORE 1 -FLAGS (\\Seen)');
    expect(lines(c.send('Subject'))).toEqual([
      '* STATUS Sent (MESSAGES 3 UIDNEXT 4 UNSEEN 3)',
      expect.stringMatching(/^a3 OK \[APPENDUID \d+ 1\] APPEND completed$/),
    ]);
  });

  // §5.1: "If CONDSTORE [RFC4551] and/or QRESYNC [RFC5162] are enabled by the client, then the
  // server sends a STATUS response that includes at least HIGHESTMODSEQ and UIDVALIDITY status
  // data items. If the number of messages with the \Seen flag changes, the server MAY also
  // include the UNSEEN data item in the STATUS response."
  it.each(['CONDSTORE', 'QRESYNC'])(
    'FlagChange elsewhere with %s enabled: UIDVALIDITY and HIGHESTMODSEQ, and UNSEEN if \\Seen changed (§5.1)',
    (extension) => {
      const { c, server } = imapSession();
      const other = otherDevice(server);
      appendTo(other, 'Sent', 'o3');
      other.send('o4 SELECT Sent');
      const sent = server.store.getAccount('student')!.getMailbox('Sent')!;
      c.send(`a2 ENABLE ${extension}`);
      c.send('a3 NOTIFY SET (mailboxes Sent (MessageNew MessageExpunge FlagChange))');
      other.send('o5 STORE 1 +FLAGS (\\Flagged)');
      expect(lines(c.take())).toEqual([
        `* STATUS Sent (UIDVALIDITY ${sent.uidValidity} HIGHESTMODSEQ ${sent.highestModseq})`,
      ]);
      other.send('o6 STORE 1 +FLAGS (\\Seen)');
      expect(lines(c.take())).toEqual([
        `* STATUS Sent (UIDVALIDITY ${sent.uidValidity} HIGHESTMODSEQ ${sent.highestModseq} UNSEEN 0)`,
      ]);
    },
  );

  it('once CONDSTORE is enabled, a STATUS for new mail carries HIGHESTMODSEQ (§5.2)', () => {
    const { c, server } = imapSession();
    c.send('a2 ENABLE CONDSTORE');
    c.send('a3 NOTIFY SET (mailboxes Sent (MessageNew MessageExpunge))');
    appendTo(otherDevice(server), 'Sent', 'o3');
    const sent = server.store.getAccount('student')!.getMailbox('Sent')!;
    expect(lines(c.take())).toEqual([
      `* STATUS Sent (MESSAGES 1 UIDNEXT 2 HIGHESTMODSEQ ${sent.highestModseq})`,
    ]);
  });

  it('news waits while a command is in progress, and comes once per mailbox before its reply', () => {
    const { c, server } = imapSession({ select: true });
    const other = otherDevice(server);
    c.send('a3 NOTIFY SET (mailboxes (Sent Trash) (MessageNew MessageExpunge))');
    // The client is sending an APPEND with a literal: that command is in progress.
    expect(c.send('a4 APPEND Drafts {7}')).toBe('+ Ready for literal data\r\n');
    appendTo(other, 'Sent', 'o3');
    appendTo(other, 'Sent', 'o4');
    expect(c.take()).toBe('');
    expect(lines(c.send('Subject'))).toEqual([
      '* STATUS Sent (MESSAGES 2 UIDNEXT 3)',
      expect.stringMatching(/^a4 OK \[APPENDUID \d+ 1\] APPEND completed$/),
    ]);
  });

  it("the client's own changes are not news to it (§5)", () => {
    const { c, server } = imapSession({ select: true });
    c.send('a3 NOTIFY SET (personal (MessageNew MessageExpunge MailboxName SubscriptionChange))');
    expect(lines(c.send('a4 COPY 1 Sent'))[0]).toMatch(/^a4 OK \[COPYUID/);
    expect(c.send('a5 CREATE Mine')).toBe('a5 OK CREATE completed\r\n');
    expect(c.send('a6 SUBSCRIBE Mine')).toBe('a6 OK SUBSCRIBE completed\r\n');
    // Another device's copy is news.
    const other = otherDevice(server, 'INBOX');
    other.send('o3 COPY 2 Sent');
    expect(lines(c.take())).toEqual(['* STATUS Sent (MESSAGES 2 UIDNEXT 3)']);
  });

  it('MailboxName: CREATE, RENAME (with OLDNAME) and DELETE (\\NonExistent) arrive as LIST (§5.4)', () => {
    const { c, server } = imapSession();
    const other = otherDevice(server);
    c.send('a2 NOTIFY SET (personal (MailboxName))');
    other.send('o3 CREATE Projects/2026');
    // CREATE made the superior first (RFC 3501 §6.3.3), then the mailbox; §5.4: the mailbox and
    // its direct parent are affected, so the parent's LIST follows, with its children now.
    expect(lines(c.take())).toEqual([
      '* LIST (\\HasNoChildren) "/" Projects',
      '* LIST (\\HasNoChildren) "/" Projects/2026',
      '* LIST (\\HasChildren) "/" Projects',
    ]);
    other.send('o4 RENAME Projects Work');
    // §5.4: "When a mailbox is renamed, its children are renamed too. No additional MailboxName
    // events are sent for children in this case."
    expect(lines(c.take())).toEqual(['* LIST (\\HasChildren) "/" Work ("OLDNAME" (Projects))']);
    other.send('o5 DELETE Work/2026');
    expect(lines(c.take())).toEqual([
      '* LIST (\\NonExistent) "/" Work/2026',
      '* LIST (\\HasNoChildren) "/" Work',
    ]);
    // A name kept for its inferiors is no mailbox any more: \NonExistent too.
    other.send('o6 CREATE Work/2027');
    expect(lines(c.take())).toEqual([
      '* LIST (\\HasNoChildren) "/" Work/2027',
      '* LIST (\\HasChildren) "/" Work',
    ]);
    other.send('o7 DELETE Work');
    expect(lines(c.take())).toEqual(['* LIST (\\NonExistent \\HasChildren) "/" Work']);
  });

  it('RENAME of a tree is one LIST with OLDNAME, for the mailbox renamed: none for its children (§5.4)', () => {
    const { c, server } = imapSession();
    const other = otherDevice(server);
    other.send('o2 CREATE Projects/2026/Q1');
    other.send('o3 CREATE Projects/2027');
    other.send('o4 DELETE Projects/2026'); // a \Noselect name, kept for Q1, moves too
    c.send('a2 NOTIFY SET (subtree Projects (MailboxName))');
    other.send('o5 RENAME Projects Archive/Work');
    // Archive is created as the new name's superior (RFC 3501 §6.3.5): that is not the rename.
    expect(lines(c.take())).toEqual(['* LIST (\\HasChildren) "/" Archive/Work ("OLDNAME" (Projects))']);
    // A watch of a child alone hears the one event too, which tells of the child's new name.
    c.send('a3 NOTIFY SET (mailboxes Archive/Work/2027 (MailboxName))');
    other.send('o6 RENAME Archive/Work Work');
    expect(lines(c.take())).toEqual(['* LIST (\\HasChildren) "/" Work ("OLDNAME" (Archive/Work))']);
    // A rename of a mailbox without children, for comparison: the same one line.
    c.send('a4 NOTIFY SET (personal (MailboxName))');
    other.send('o7 RENAME Work/2027 Work/2028');
    expect(lines(c.take())).toEqual(['* LIST (\\HasNoChildren) "/" Work/2028 ("OLDNAME" (Work/2027))']);
  });

  it('RENAME INBOX: a LIST for the new name with OLDNAME INBOX, none for INBOX (§5.4)', () => {
    const { c, server } = imapSession();
    const other = otherDevice(server);
    c.send('a2 NOTIFY SET (personal (MessageNew MessageExpunge MailboxName))');
    expect(other.send('o2 RENAME INBOX Old')).toBe('o2 OK RENAME completed\r\n');
    // §5.4: "When INBOX is renamed, a new INBOX is assumed to be created. No MailboxName event is
    // sent for INBOX in this case." INBOX's messages went with the rename, so INBOX is empty now.
    expect(lines(c.take())).toEqual([
      '* LIST (\\HasNoChildren) "/" Old ("OLDNAME" (INBOX))',
      '* STATUS INBOX (MESSAGES 0 UIDNEXT 7)',
    ]);
    // The renamed mailbox is watched like any other.
    appendTo(other, 'Old', 'o3');
    expect(lines(c.take())).toEqual(['* STATUS Old (MESSAGES 7 UIDNEXT 8)']);
  });

  it('SubscriptionChange: LIST with \\Subscribed if and only if subscribed now (§5.5)', () => {
    const { c, server } = imapSession();
    const other = otherDevice(server);
    c.send('a2 NOTIFY SET (personal (SubscriptionChange))');
    other.send('o3 SUBSCRIBE Sent');
    expect(c.take()).toBe(''); // Sent was subscribed already: nothing changed
    other.send('o4 UNSUBSCRIBE Sent');
    expect(lines(c.take())).toEqual(['* LIST (\\HasNoChildren \\Sent) "/" Sent']);
    other.send('o5 SUBSCRIBE Sent');
    expect(lines(c.take())).toEqual(['* LIST (\\HasNoChildren \\Sent \\Subscribed) "/" Sent']);
    other.send('o6 CREATE Sent/Old');
    expect(c.take()).toBe(''); // MailboxName was not asked for
  });

  it('filters: INBOXES, SUBSCRIBED (re-read at each event), SUBTREE and MAILBOXES without wildcards (§6)', () => {
    const { c, server } = imapSession();
    const other = otherDevice(server);
    other.send('o2 CREATE Lists/A/B');
    c.send('a2 NOTIFY SET (inboxes (MessageNew MessageExpunge))');
    appendTo(other, 'Sent', 'o3');
    expect(c.take()).toBe('');
    deliver(server, 'In');
    expect(lines(c.take())).toEqual(['* STATUS INBOX (MESSAGES 7 UIDNEXT 8)']);
    c.send('a3 NOTIFY SET (subscribed (MessageNew MessageExpunge))');
    appendTo(other, 'Lists', 'o4');
    expect(c.take()).toBe('');
    other.send('o5 SUBSCRIBE Lists');
    appendTo(other, 'Lists', 'o6');
    expect(lines(c.take())).toEqual(['* STATUS Lists (MESSAGES 2 UIDNEXT 3)']);
    c.send('a4 NOTIFY SET (subtree Lists/A (MessageNew MessageExpunge))');
    appendTo(other, 'Lists', 'o7');
    appendTo(other, 'Lists/A/B', 'o8');
    expect(lines(c.take())).toEqual(['* STATUS Lists/A/B (MESSAGES 1 UIDNEXT 2)']);
    c.send('a5 NOTIFY SET (mailboxes "S*" (MessageNew MessageExpunge))');
    appendTo(other, 'Sent', 'o9');
    expect(c.take()).toBe('');
  });

  it('events this server lacks: NO [BADEVENT (the events it has)], and the last NOTIFY stays (§3.1)', () => {
    const { c, server } = imapSession();
    c.send('a2 NOTIFY SET (mailboxes Sent (MessageNew MessageExpunge))');
    const badEvent = 'NO [BADEVENT (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange)]';
    for (const [command, what] of [
      ['(selected (MessageNew MessageExpunge AnnotationChange))', 'AnnotationChange'],
      ['(personal (MailboxMetadataChange))', 'MailboxMetadataChange'],
      ['(personal (ServerMetadataChange MailboxName))', 'ServerMetadataChange'],
      ['(inboxes (XFutureEvent))', 'XFutureEvent'],
    ])
      expect(c.send(`a3 NOTIFY SET ${command}`)).toBe(`a3 ${badEvent} Unsupported event: ${what}\r\n`);
    appendTo(otherDevice(server), 'Sent', 'o3');
    expect(lines(c.take())).toEqual(['* STATUS Sent (MESSAGES 1 UIDNEXT 2)']);
  });

  it('formal syntax (§8) and the combinations §5 and §6.1 forbid: BAD, nothing changes', () => {
    const { c, server } = imapSession({ select: true });
    c.send('a3 NOTIFY SET (mailboxes Sent (MessageNew MessageExpunge))');
    const before = JSON.stringify(snapshotStore(server.store));
    const cases: [string, string][] = [
      ['', 'Missing SET or NONE'],
      ['GET', 'Expected SET or NONE'],
      ['SET', 'Missing event group'],
      ['SET STATUS', 'Missing event group'],
      ['NONE (selected (MessageNew MessageExpunge))', 'Too many arguments'],
      ['SET (STATUS) (personal (MailboxName))', 'Unknown mailbox filter: STATUS'],
      ['SET selected (MessageNew MessageExpunge)', 'Expected event group in parentheses'],
      ['SET (selected)', 'Missing event list or NONE'],
      ['SET (selected ())', 'Empty event list'],
      ['SET (elsewhere (MessageNew MessageExpunge))', 'Unknown mailbox filter: ELSEWHERE'],
      ['SET (mailboxes (MessageNew MessageExpunge))', 'Missing event list or NONE'],
      ['SET (mailboxes () (MessageNew MessageExpunge))', 'Empty mailbox list'],
      ['SET (subtree (MessageNew MessageExpunge))', 'Missing event list or NONE'],
      ['SET (personal (MessageNew))', 'MessageNew and MessageExpunge must be given together (RFC 5465 §5)'],
      [
        'SET (personal (MessageExpunge))',
        'MessageNew and MessageExpunge must be given together (RFC 5465 §5)',
      ],
      [
        'SET (personal (FlagChange))',
        'FlagChange and AnnotationChange need MessageNew and MessageExpunge too (RFC 5465 §5)',
      ],
      [
        'SET (selected (MessageNew MessageExpunge MailboxName))',
        'Only message events may be given for the selected mailbox (RFC 5465 §6.1)',
      ],
      [
        'SET (selected NONE) (selected-delayed (MessageNew MessageExpunge))',
        'Only one of SELECTED and SELECTED-DELAYED may be given (RFC 5465 §6.1)',
      ],
      ['SET (selected (MessageNew () MessageExpunge))', 'Empty fetch attribute list'],
      ['SET (selected (MessageNew (ALL) MessageExpunge))', 'Unknown fetch item: ALL'],
      ['SET (personal ("MailboxName"))', 'Expected an event name'],
      ['SET (personal (MailboxName) extra)', 'Too many arguments'],
    ];
    for (const [args, text] of cases)
      expect(c.send(`a4 NOTIFY ${args}`.trimEnd()), args).toBe(`a4 BAD ${text}\r\n`);
    expect(c.send('a5 NOTIFY SET (selected (MessageNew (BODY[]) MessageExpunge))')).toBe(
      'a5 NO [CANNOT] MessageNew cannot fetch items that set \\Seen here; use BODY.PEEK\r\n',
    );
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
    // The NOTIFY before them still holds.
    appendTo(otherDevice(server), 'Sent', 'o3');
    expect(lines(c.take())).toEqual(['* STATUS Sent (MESSAGES 1 UIDNEXT 2)']);
  });

  it('is not valid before login', () => {
    const c = connectImap(imapSession().server);
    expect(c.send('a1 NOTIFY NONE')).toBe('a1 BAD NOTIFY is not valid in the Not Authenticated state\r\n');
  });

  it('NOTIFY NONE: no news at all, not even during IDLE (§3.1, §4)', () => {
    const { c, server } = imapSession({ select: true });
    c.send('a3 NOTIFY SET (selected (MessageNew MessageExpunge)) (personal (MessageNew MessageExpunge))');
    expect(c.send('a4 NOTIFY NONE')).toBe('a4 OK NOTIFY completed\r\n');
    appendTo(otherDevice(server), 'Sent', 'o3');
    c.send('a5 IDLE');
    deliver(server, 'New');
    expect(c.take()).toBe('');
    expect(lines(c.send('DONE'))).toEqual(['* 7 EXISTS', '* 7 RECENT', 'a5 OK IDLE terminated']);
  });

  it('too many mailboxes: NO [NOTIFICATIONOVERFLOW]; a watch that grows too large ends with an untagged OK (§3.1, §5.8)', () => {
    const { c, server } = imapSession();
    const account = server.store.getAccount('student')!;
    const extra = MAX_WATCHED_MAILBOXES - account.mailboxes.size;
    for (let i = 0; i < extra; i++) account.createMailbox(`Box${i}`);
    expect(c.send('a2 NOTIFY SET (personal (MessageNew MessageExpunge))')).toBe('a2 OK NOTIFY completed\r\n');
    const other = otherDevice(server);
    other.send('o3 CREATE OneTooMany');
    expect(lines(c.take())).toEqual([
      '* OK [NOTIFICATIONOVERFLOW] Too many notifications; NOTIFY is now off',
    ]);
    appendTo(other, 'Sent', 'o4');
    expect(c.take()).toBe('');
    expect(c.send('a3 NOTIFY SET (personal (MessageNew MessageExpunge))')).toBe(
      `a3 NO [NOTIFICATIONOVERFLOW] Too many mailboxes to watch (${MAX_WATCHED_MAILBOXES + 1}, limit ${MAX_WATCHED_MAILBOXES})\r\n`,
    );
    expect(c.send('a4 NOTIFY SET (inboxes (MessageNew MessageExpunge))')).toBe('a4 OK NOTIFY completed\r\n');
  });

  it('a RENAME that brings more mailboxes into the watch than the limit ends it with an untagged OK (§5.8)', () => {
    const { c, server } = imapSession();
    const account = server.store.getAccount('student')!;
    account.createMailbox('Lists');
    for (let i = 0; i < MAX_WATCHED_MAILBOXES; i++) account.createMailbox(`Other/Box${i}`);
    expect(c.send('a2 NOTIFY SET (subtree Lists (MessageNew MessageExpunge))')).toBe(
      'a2 OK NOTIFY completed\r\n',
    );
    otherDevice(server).send('o2 RENAME Other Lists/Other');
    expect(lines(c.take())).toEqual([
      '* OK [NOTIFICATIONOVERFLOW] Too many notifications; NOTIFY is now off',
    ]);
  });

  it('a session that ends stops watching', () => {
    const { c, server } = imapSession();
    const sent = server.store.getAccount('student')!.getMailbox('Sent')!;
    const watchers = sent.watcherCount;
    c.send('a2 NOTIFY SET (personal (MessageNew MessageExpunge))');
    expect(sent.watcherCount).toBe(watchers + 1);
    c.send('a3 LOGOUT');
    expect(sent.watcherCount).toBe(watchers);
  });

  it('fuzzed NOTIFY arguments: one tagged reply each, never a server bug, the store unchanged', () => {
    const word = fc.constantFrom(
      'SET',
      'NONE',
      'STATUS',
      'selected',
      'SELECTED-DELAYED',
      'inboxes',
      'personal',
      'subscribed',
      'subtree',
      'mailboxes',
      'INBOX',
      'Sent',
      '"a b"',
      'MessageNew',
      'MessageExpunge',
      'FlagChange',
      'AnnotationChange',
      'MailboxName',
      'SubscriptionChange',
      'XEvent',
      'UID',
      'BODY.PEEK[HEADER]',
      'FLAGS',
      '*',
      '{',
      ')',
      '(',
    );
    const piece: fc.Arbitrary<string> = fc.letrec<{ p: string }>((tie) => ({
      p: fc.oneof(
        { depthSize: 'small' },
        word,
        tie('p').chain((a) =>
          fc.array(tie('p'), { maxLength: 3 }).map((rest) => `(${[a, ...rest].join(' ')})`),
        ),
      ),
    })).p;
    const { c, server } = imapSession({ select: true });
    const before = JSON.stringify(snapshotStore(server.store));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const reply = lines(c.send(`f1 NOTIFY ${pieces.join(' ')}`));
        expect(reply.filter((l) => l.startsWith('f1 '))).toHaveLength(1);
        expect(reply.at(-1)).toMatch(/^f1 (OK|NO|BAD) /);
      }),
      { numRuns: 300 },
    );
    c.send('f2 NOTIFY NONE');
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });
});
