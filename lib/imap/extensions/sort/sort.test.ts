import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { imapSession, lines } from '../../testing';

/*
 * The seed INBOX: 1 Ada "Welcome to the mail lab", 2 Campus News "This week on campus",
 * 3 Ben (Cc Ada) "Workshop schedule (attached)", 4 Chris "Study group on Thursday?",
 * 5 Dana (Cc Chris) "Re: Study group…", 6 Chris (Cc Dana) "Re: Study group…"; dated in that
 * order, arrived one day apart.
 */
const sort = (command: string) => {
  const { c } = imapSession({ select: true });
  return lines(c.send(command));
};

describe('SORT (RFC 5256 §3)', () => {
  it('is advertised with SORT=DISPLAY (RFC 5957)', () => {
    expect(sort('a3 CAPABILITY')[0]).toMatch(/ SORT SORT=DISPLAY( |$)/);
  });

  it.each([
    // Replies sort with what they answer: "Re:" is not part of the base subject (§2.1).
    ['(SUBJECT)', '4 5 6 2 1 3'],
    // Ties keep mailbox order; REVERSE turns only the key after it.
    ['(SUBJECT REVERSE DATE)', '6 5 4 2 1 3'],
    ['(REVERSE DATE)', '6 5 4 3 2 1'],
    ['(DATE)', '1 2 3 4 5 6'],
    ['(ARRIVAL)', '1 2 3 4 5 6'],
    // FROM, TO, CC compare the first address's local part: ada ben chris chris dana news.
    ['(FROM)', '1 3 4 6 5 2'],
    ['(TO)', '1 2 3 4 5 6'],
    // No Cc is the empty string, which sorts first.
    ['(CC)', '1 2 4 3 5 6'],
    // DISPLAYFROM compares display names: Ada Admin, Ben Trainer, Campus News, Chris…, Dana….
    ['(DISPLAYFROM)', '1 3 2 4 6 5'],
    ['(REVERSE DISPLAYFROM)', '5 4 6 2 3 1'],
    ['(displayto)', '1 2 3 4 5 6'],
    ['(FROM REVERSE ARRIVAL)', '1 3 6 4 5 2'],
  ])('SORT %s UTF-8 ALL answers %s', (criteria, order) => {
    expect(sort(`a3 SORT ${criteria} UTF-8 ALL`)).toEqual([`* SORT ${order}`, 'a3 OK SORT completed']);
  });

  it('SIZE orders by RFC822.SIZE', () => {
    const { c, inbox } = imapSession({ select: true });
    const bySize = inbox.messages
      .map((m, i) => ({ n: i + 1, size: m.size }))
      .sort((a, b) => a.size - b.size || a.n - b.n)
      .map((x) => x.n);
    expect(lines(c.send('a3 SORT (SIZE) US-ASCII ALL'))[0]).toBe(`* SORT ${bySize.join(' ')}`);
  });

  it('searches first, as SEARCH would, and answers UIDs for UID SORT', () => {
    const { c } = imapSession({ select: true });
    c.send('a3 STORE 5 +FLAGS (\\Seen)');
    expect(lines(c.send('a4 UID SORT (REVERSE SUBJECT) UTF-8 UNSEEN FROM chris'))).toEqual([
      '* SORT 4 6',
      'a4 OK UID SORT completed',
    ]);
    // RFC 5256 §3's third example: nothing matches, an empty SORT response.
    expect(lines(c.send('a5 SORT (SUBJECT) US-ASCII TEXT "not in mailbox"'))).toEqual([
      '* SORT',
      'a5 OK SORT completed',
    ]);
  });

  it('compares strings under i;unicode-casemap (RFC 5256 §7, RFC 5051 §2): any case, an accented letter among its letter', () => {
    const { c } = imapSession({ select: true });
    // Messages 7–11; É and é as RFC 2047 words, as a client without UTF8=ACCEPT sends them.
    for (const subject of ['=?UTF-8?Q?=C3=89lan?=', 'eland', 'Zulu', 'ELAN', 'Fable']) {
      const text = `Subject: ${subject}\r\nDate: 1 May 2026 08:00 +0000\r\n\r\nx`;
      expect(c.send(`a3 APPEND INBOX {${text.length}+}\r\n${text}`)).toMatch(/a3 OK/);
    }
    // i;ascii-casemap would put "Élan" last, after "Zulu": 10 8 11 9 7.
    expect(lines(c.send('a4 SORT (SUBJECT) UTF-8 7:*'))[0]).toBe('* SORT 10 8 7 11 9');
    expect(lines(c.send('a5 SORT (REVERSE SUBJECT) UTF-8 7:*'))[0]).toBe('* SORT 9 11 7 8 10');
  });

  it.each([
    ['empty criteria', 'a3 SORT () UTF-8 ALL', 'a3 BAD Missing sort criteria'],
    ['REVERSE alone', 'a3 SORT (REVERSE) UTF-8 ALL', 'a3 BAD REVERSE must precede a sort key'],
    ['REVERSE REVERSE', 'a3 SORT (REVERSE REVERSE DATE) UTF-8 ALL', 'a3 BAD Unknown sort key: REVERSE'],
    ['an unknown key', 'a3 SORT (THREAD) UTF-8 ALL', 'a3 BAD Unknown sort key: THREAD'],
    ['criteria not in a list', 'a3 SORT DATE UTF-8 ALL', 'a3 BAD Expected sort criteria in parentheses'],
    ['no charset', 'a3 SORT (DATE)', 'a3 BAD Missing charset'],
    ['no search criteria', 'a3 SORT (DATE) UTF-8', 'a3 BAD Missing search criteria'],
    ['a bad search key', 'a3 SORT (DATE) UTF-8 BOGUS', 'a3 BAD Unknown search key: BOGUS'],
    [
      'another charset',
      'a3 SORT (DATE) KOI8-R ALL',
      'a3 NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset',
    ],
  ])('refuses %s', (_, command, answer) => {
    const { c, server } = imapSession({ select: true });
    const before = JSON.stringify(snapshotStore(server.store));
    expect(c.send(command)).toBe(answer + '\r\n');
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it('needs a selected mailbox', () => {
    const { c } = imapSession();
    expect(c.send('a3 SORT (DATE) UTF-8 ALL')).toBe('a3 BAD No mailbox selected\r\n');
  });

  it('fuzzed: any SORT arguments get at most one SORT response and one tagged OK, NO or BAD', () => {
    const word = fc.constantFrom(
      'SUBJECT',
      'REVERSE',
      'DATE',
      'FROM',
      'CC',
      'TO',
      'SIZE',
      'ARRIVAL',
      'DISPLAYFROM',
      'x',
      'UTF-8',
      'US-ASCII',
      'ALL',
      'UNSEEN',
      '(',
      ')',
      '()',
      '"a"',
      'NOT',
      'OR',
      '1:*',
      '{1}\r\nx',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.array(word, { maxLength: 4 }), (inList, after) => {
        const { c, server } = imapSession({ select: true });
        const before = JSON.stringify(snapshotStore(server.store));
        const reply = c.send(`a9 SORT (${inList.join(' ')}) ${after.join(' ')}`.trimEnd());
        expect(reply).toMatch(
          /^(\+ Ready for literal data\r\n)*(\* SORT( \d+)*\r\n)?a9 (OK|NO|BAD) [^\r\n]*\r\n$/,
        );
        expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe('THREAD=ORDEREDSUBJECT (RFC 5256 §3)', () => {
  it('is advertised', () => {
    const { c } = imapSession();
    expect(c.send('a3 CAPABILITY')).toMatch(/ THREAD=ORDEREDSUBJECT[ \r]/);
  });

  it('groups the seed thread by base subject: the first message is the root, the replies its children', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 THREAD ORDEREDSUBJECT UTF-8 ALL'))).toEqual([
      '* THREAD (1)(2)(3)(4 (5)(6))',
      'a3 OK THREAD completed',
    ]);
    // One child is written without parentheses (thread-nested needs two lists, §5).
    expect(lines(c.send('a4 UID THREAD orderedsubject US-ASCII NOT UID 6'))[0]).toBe(
      '* THREAD (1)(2)(3)(4 5)',
    );
    expect(lines(c.send('a5 THREAD ORDEREDSUBJECT UTF-8 SUBJECT nothing-like-this'))[0]).toBe('* THREAD');
  });

  it('orders threads by the sent date of their first message, whatever the arrival order', () => {
    const { c } = imapSession({ select: true });
    const text = 'Subject: Re: Welcome to the mail lab\r\nDate: 1 Mar 2026 08:00 +0000\r\n\r\nx';
    expect(c.send(`a3 APPEND INBOX {${text.length}+}\r\n${text}`)).toMatch(/a3 OK/);
    // Message 7 is dated before message 1, so it is the root of their thread and leads.
    expect(lines(c.send('a4 THREAD ORDEREDSUBJECT UTF-8 ALL'))[0]).toBe('* THREAD (7 1)(2)(3)(4 (5)(6))');
  });

  it('groups subjects equal under i;unicode-casemap: "Re: Élan" answers "élan" (RFC 5256 §7)', () => {
    const { c } = imapSession({ select: true });
    const messages = [
      'Subject: =?UTF-8?Q?=C3=A9lan?=\r\nDate: 1 May 2026 08:00 +0000',
      'Subject: Re: =?UTF-8?Q?=C3=89LAN?=\r\nDate: 2 May 2026 08:00 +0000',
    ];
    for (const head of messages) {
      const text = `${head}\r\n\r\nx`;
      expect(c.send(`a3 APPEND INBOX {${text.length}+}\r\n${text}`)).toMatch(/a3 OK/);
    }
    expect(lines(c.send('a4 THREAD ORDEREDSUBJECT UTF-8 7:*'))[0]).toBe('* THREAD (7 8)');
  });

  it.each([
    [
      'an algorithm RFC 5256 does not define',
      'a3 THREAD X-JWZ UTF-8 ALL',
      'a3 BAD Unknown threading algorithm: X-JWZ',
    ],
    ['no charset', 'a3 THREAD ORDEREDSUBJECT', 'a3 BAD Missing charset'],
    ['no criteria', 'a3 THREAD ORDEREDSUBJECT UTF-8', 'a3 BAD Missing search criteria'],
    [
      'another charset',
      'a3 THREAD ORDEREDSUBJECT ISO-8859-1 ALL',
      'a3 NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset',
    ],
    ['an algorithm in a list', 'a3 THREAD (ORDEREDSUBJECT) UTF-8 ALL', 'a3 BAD Expected threading algorithm'],
  ])('refuses %s', (_, command, answer) => {
    const { c } = imapSession({ select: true });
    expect(c.send(command)).toBe(answer + '\r\n');
  });
});
