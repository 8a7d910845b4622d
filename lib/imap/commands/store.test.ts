import { describe, expect, it } from 'vitest';
import { imapSession, lines } from '../testing';

describe('STORE', () => {
  it('adds, removes and replaces flags, answering with FETCH FLAGS', () => {
    const { c, inbox } = imapSession({ select: true });
    expect(c.send('a3 STORE 2 +FLAGS (\\Seen \\Flagged)')).toBe(
      '* 2 FETCH (FLAGS (\\Seen \\Flagged \\Recent))\r\na3 OK STORE completed\r\n',
    );
    expect(c.send('a4 STORE 2 -FLAGS \\Flagged')).toBe(
      '* 2 FETCH (FLAGS (\\Seen \\Recent))\r\na4 OK STORE completed\r\n',
    );
    expect(lines(c.send('a5 STORE 2 FLAGS (todo)'))).toEqual([
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft todo)',
      '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft todo \\*)] Flags permitted',
      '* 2 FETCH (FLAGS (todo \\Recent))',
      'a5 OK STORE completed',
    ]);
    expect([...inbox.messages[1]!.flags]).toEqual(['todo']);
  });

  it('.SILENT changes flags without a FETCH response', () => {
    const { c, inbox } = imapSession({ select: true });
    expect(c.send('a3 STORE 1:2 +FLAGS.SILENT (\\Deleted)')).toBe('a3 OK STORE completed\r\n');
    expect(inbox.messages.filter((m) => m.flags.has('\\Deleted'))).toHaveLength(2);
  });

  it('UID STORE includes the UID in each FETCH response', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 UID STORE 4 +FLAGS (\\Answered)')).toBe(
      '* 4 FETCH (UID 4 FLAGS (\\Answered \\Recent))\r\na3 OK UID STORE completed\r\n',
    );
  });

  it('refuses \\Recent and unknown system flags with BAD, changing nothing', () => {
    const { c, inbox } = imapSession({ select: true });
    expect(c.send('a3 STORE 1 +FLAGS (\\Recent)')).toBe('a3 BAD Invalid flag: \\Recent\r\n');
    expect(c.send('a4 STORE 1 +FLAGS (\\Bogus)')).toBe('a4 BAD Invalid flag: \\Bogus\r\n');
    expect(c.send('a5 STORE 1 XFLAGS (\\Seen)')).toBe('a5 BAD Invalid store item: XFLAGS\r\n');
    expect(inbox.messages[0]!.flags.size).toBe(0);
  });
});

describe('EXPUNGE', () => {
  it('removes \\Deleted messages with one EXPUNGE each; later numbers shift down (RFC 9051 §7.5.1)', () => {
    const { c, inbox } = imapSession({ select: true });
    c.send('a3 STORE 2,4 +FLAGS.SILENT (\\Deleted)');
    expect(lines(c.send('a4 EXPUNGE'))).toEqual(['* 2 EXPUNGE', '* 3 EXPUNGE', 'a4 OK EXPUNGE completed']);
    expect(inbox.messages.map((m) => m.uid)).toEqual([1, 3, 5, 6]);
    expect(c.send('a5 FETCH 2 UID')).toBe('* 2 FETCH (UID 3)\r\na5 OK FETCH completed\r\n');
  });

  it('UID EXPUNGE removes only the named \\Deleted messages', () => {
    const { c, inbox } = imapSession({ select: true });
    c.send('a3 STORE 1:2 +FLAGS.SILENT (\\Deleted)');
    expect(lines(c.send('a4 UID EXPUNGE 2'))).toEqual(['* 2 EXPUNGE', 'a4 OK UID EXPUNGE completed']);
    expect(inbox.messages.map((m) => m.uid)).toEqual([1, 3, 4, 5, 6]);
  });

  it('UIDs are never reused after an expunge', () => {
    const { c, inbox } = imapSession({ select: true });
    c.send('a3 STORE 6 +FLAGS.SILENT (\\Deleted)');
    c.send('a4 EXPUNGE');
    expect(c.send('a5 APPEND INBOX {5+}\r\nHi!\r\n')).toMatch(/APPENDUID \d+ 7\]/);
    expect(inbox.messages.map((m) => m.uid)).toEqual([1, 2, 3, 4, 5, 7]);
  });
});

describe('COPY and MOVE', () => {
  it('COPY puts copies in the target with COPYUID and leaves the originals', () => {
    const { c, server } = imapSession({ select: true });
    const account = server.store.getAccount('student')!;
    const trash = account.getMailbox('Trash')!;
    expect(c.send('a3 COPY 1:2 Trash')).toBe(
      `a3 OK [COPYUID ${trash.uidValidity} 1,2 1,2] COPY completed\r\n`,
    );
    expect(trash.messages).toHaveLength(2);
    expect(account.inbox.messages).toHaveLength(6);
  });

  it('MOVE sends COPYUID, then EXPUNGE, then OK (RFC 6851)', () => {
    const { c, server } = imapSession({ select: true });
    const trash = server.store.getAccount('student')!.getMailbox('Trash')!;
    expect(lines(c.send('a3 MOVE 3 Trash'))).toEqual([
      `* OK [COPYUID ${trash.uidValidity} 3 1] Moved`,
      '* 3 EXPUNGE',
      'a3 OK MOVE completed',
    ]);
  });

  it('answers NO [TRYCREATE] for a target that does not exist', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 COPY 1 Archive')).toBe("a3 NO [TRYCREATE] Mailbox doesn't exist: Archive\r\n");
  });

  it('answers NO [OVERQUOTA] when the copies would pass the quota, copying nothing', () => {
    const { c, server } = imapSession({ select: true });
    const account = server.store.getAccount('student')!;
    account.quotaBytes = account.usedBytes + 10;
    expect(c.send('a3 COPY 1 Trash')).toBe('a3 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)\r\n');
    expect(account.getMailbox('Trash')!.messages).toHaveLength(0);
  });
});
