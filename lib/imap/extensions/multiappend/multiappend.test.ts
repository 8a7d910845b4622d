import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { connectImap, imapSession, imapTestServer, lines } from '../../testing';

/** MULTIAPPEND (RFC 3502): the examples of §6.3.11, the formal syntax, and all or none. */
const FIRST = [
  'Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)',
  'From: Fred Foobar <foobar@Blurdybloop.example.COM>',
  'Subject: afternoon meeting',
  'To: mooch@owatagu.example.net',
  'Message-Id: <B27397-0100000@Blurdybloop.example.COM>',
  'MIME-Version: 1.0',
  'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII',
  '',
  'Hello Joe, do you think we can meet at 3:30 tomorrow?',
  '',
].join('\r\n');
const SECOND = [
  'Date: Mon, 7 Feb 1994 22:43:04 -0800 (PST)',
  'From: Joe Mooch <mooch@OWaTaGu.example.net>',
  'Subject: Re: afternoon meeting',
  'To: foobar@blurdybloop.example.com',
  'Message-Id: <a0434793874930@OWaTaGu.example.net>',
  'MIME-Version: 1.0',
  'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII',
  '',
  '3:30 is fine with me.',
  '',
].join('\r\n');

describe('MULTIAPPEND (RFC 3502)', () => {
  it('is advertised', () => {
    expect(connectImap(imapTestServer()).send('a0 CAPABILITY')).toMatch(/ MULTIAPPEND[ \r]/);
  });

  it('the RFC example: two messages in one APPEND, each with its flags and date, one APPENDUID', () => {
    const { c, server } = imapSession();
    c.send('a2 CREATE saved-messages');
    // The sizes are those of the RFC's example: {329} and {295}.
    expect(FIRST.length).toBe(329);
    expect(SECOND.length).toBe(295);
    expect(c.send('A003 APPEND saved-messages (\\Seen) {329}')).toBe('+ Ready for literal data\r\n');
    expect(c.sendRaw(`${FIRST} (\\Seen) " 7-Feb-1994 22:43:04 -0800" {295}\r\n`)).toBe(
      '+ Ready for literal data\r\n',
    );
    const box = server.store.getAccount('student')!.getMailbox('saved-messages')!;
    expect(c.sendRaw(`${SECOND}\r\n`)).toBe(
      `A003 OK [APPENDUID ${box.uidValidity} 1:2] APPEND completed\r\n`,
    );
    expect(box.messages.map((m) => m.raw)).toEqual([FIRST, SECOND]);
    expect(box.messages.map((m) => [...m.flags])).toEqual([['\\Seen'], ['\\Seen']]);
    expect(box.messages[1]!.internalDate).toBe(Date.UTC(1994, 1, 8, 6, 43, 4));
  });

  it('a missing mailbox is NO [TRYCREATE] (the RFC example A004)', () => {
    const { c } = imapSession();
    expect(c.send(`A004 APPEND bogusname (\\Flagged) {3+}\r\nabc {3+}\r\ndef`)).toMatch(
      /^A004 NO \[TRYCREATE\] /,
    );
  });

  it('over quota: NO [OVERQUOTA] and none of the messages is stored (the RFC example A005)', () => {
    const { c, server } = imapSession();
    const account = server.store.getAccount('student')!;
    account.quotaBytes = account.usedBytes + 400;
    const before = JSON.stringify(snapshotStore(server.store));
    // The first message fits; the two together do not.
    expect(c.send(`A005 APPEND INBOX (\\Flagged) {329+}\r\n${FIRST} {295+}\r\n${SECOND}`)).toMatch(
      /^A005 NO \[OVERQUOTA\] /,
    );
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it('a zero-length message is a NO that cancels the whole APPEND (§6.3.11)', () => {
    const { c, inbox } = imapSession();
    const before = inbox.messages.length;
    expect(c.send(`a3 APPEND INBOX {3+}\r\nabc {0+}\r\n`)).toMatch(/^a3 NO /);
    expect(inbox.messages.length).toBe(before);
  });

  it('the selected mailbox hears one EXISTS for the new messages', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send(`a3 APPEND INBOX {3+}\r\nabc (\\Draft) {3+}\r\ndef {3+}\r\nghi`))).toEqual([
      '* 9 EXISTS',
      '* 9 RECENT',
      expect.stringMatching(/^a3 OK \[APPENDUID \d+ 7:9\] APPEND completed$/),
    ]);
  });

  it.each([
    ['a second message without data', 'a3 APPEND INBOX {3+}\r\nabc (\\Seen)'],
    ['flags after the date', 'a3 APPEND INBOX {3+}\r\nabc "07-Feb-1994 22:43:04 -0800" (\\Seen) {3+}\r\ndef'],
    ['a bad date in the second', 'a3 APPEND INBOX {3+}\r\nabc "yesterday" {3+}\r\ndef'],
    ['an atom for data', 'a3 APPEND INBOX {3+}\r\nabc def'],
    ['a quoted string for data', 'a3 APPEND INBOX {3+}\r\nabc "def"'],
    ['no space between messages', 'a3 APPEND INBOX {3+}\r\nabc{3+}\r\ndef'],
  ])('%s is BAD, and nothing is stored', (_, command) => {
    const { c, inbox } = imapSession();
    const before = inbox.messages.length;
    expect(c.send(command)).toMatch(/^a3 BAD /);
    expect(inbox.messages.length).toBe(before);
  });

  it('fuzzing: any list of messages is stored whole, or refused with the store unchanged', () => {
    const part = fc.oneof(
      fc.string({ minLength: 1, maxLength: 20 }).map((t) => `{${t.length}+}\r\n${t}`),
      fc.constantFrom(
        '{0+}\r\n',
        '(\\Seen) ',
        '(\\Bogus ',
        '"7-Feb-1994 22:43:04 -0800" ',
        '"bad" ',
        'x ',
        '() ',
      ),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        const { c, server, inbox } = imapSession();
        const before = JSON.stringify(snapshotStore(server.store));
        const count = inbox.messages.length;
        const reply = c.send(`a3 APPEND INBOX ${parts.join(' ')}`.replace(/ +$/, ''));
        const tagged = reply.split('\r\n').find((l) => l.startsWith('a3 '));
        if (tagged?.startsWith('a3 OK')) {
          const added = inbox.messages.length - count;
          expect(added).toBeGreaterThan(0);
          expect(tagged).toMatch(added === 1 ? /APPENDUID \d+ \d+\]/ : /APPENDUID \d+ \d+:\d+\]/);
        } else if (tagged) {
          expect(tagged).toMatch(/^a3 (BAD|NO) /);
          expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
  });
});
