import { describe, expect, it } from 'vitest';
import { imapSession, lines } from './testing';

/**
 * Each argument type of the IMAP formal syntax (RFC 9051 §9), through the session: what the
 * grammar accepts is accepted, and anything else is a tagged BAD that changes nothing.
 */
describe('IMAP argument grammar (RFC 9051 §9)', () => {
  // Every ASTRING-CHAR that is not alphanumeric: the atom-specials are ( ) { SP CTL % * " \ ],
  // and resp-specials (]) are ASTRING-CHARs. This is the name from the bug report, with its `&`
  // written `&-` as an IMAP4rev1 session must (modified UTF-7, RFC 3501 §5.1.3).
  const specials = "!#$&-'+,-.0123456789:;<=>?@^_`|[}";
  const reportName = specials.replace('[}', '[]}');

  describe('mailbox: "INBOX" / astring', () => {
    it.each([
      ['every ASTRING-CHAR special, "]" included', reportName],
      ['the name as the report typed it', specials],
      ['"[" without "]"', 'a[b'],
      ['"]" alone', ']'],
      ['a bracketed word', '[Gmail]'],
      ['a modified UTF-7 name (RFC 3501 §5.1.3)', 'Caf&AOk-'],
    ])('as an atom: %s', (_, name) => {
      const { c } = imapSession();
      expect(c.send(`a2 CREATE ${name}`)).toBe('a2 OK CREATE completed\r\n');
      expect(c.send(`a3 SELECT ${name}`)).toMatch(/a3 OK \[READ-WRITE\] SELECT completed\r\n$/);
      expect(c.send(`a4 STATUS ${name} (MESSAGES)`)).toMatch(/^\* STATUS [\s\S]* \(MESSAGES 0\)\r\na4 OK/);
    });

    it('the server writes such a name back as an atom', () => {
      const { c } = imapSession();
      c.send(`a2 CREATE ${reportName}`);
      expect(lines(c.send(`a3 STATUS ${reportName} (MESSAGES)`))[0]).toBe(
        `* STATUS ${reportName} (MESSAGES 0)`,
      );
    });

    it.each([
      ['a quoted string with a space', '"a b"', 'a b'],
      ['a quoted string with escaped quote and backslash', '"q\\"x\\\\y"', 'q"x\\y'],
      ['a quoted string with wildcards', '"50% *off*"', '50% *off*'],
      ['a synchronizing literal', '{3}\r\nx y', 'x y'],
      ['a non-synchronizing literal (LITERAL+)', '{4+}\r\n(a) ', '(a) '],
      ['inbox in any case', 'iNbOx', 'INBOX'],
    ])('as %s', (_, wire, name) => {
      const { c, server } = imapSession();
      const reply = c.send(`a2 CREATE ${wire}`);
      const account = server.store.getAccount('student')!;
      if (name === 'INBOX') expect(reply).toMatch(/^a2 NO /);
      else expect(reply).toContain('a2 OK CREATE completed');
      expect(account.getMailbox(name)).toBeTruthy();
    });

    it.each([
      ['"%"', 'a%b'],
      ['"*"', 'a*'],
      ['a backslash', 'a\\b'],
      ['a quote inside', 'a"b"'],
      ['a parenthesis', 'a(b)'],
      ['a bad escape in a quoted string', '"a\\b"'],
      ['an unterminated quoted string', '"abc'],
      ['a list', '(a)'],
      ['nothing', ''],
    ])('BAD with %s, and nothing is created', (_, wire) => {
      const { c, server } = imapSession();
      const before = server.store.getAccount('student')!.mailboxes.size;
      expect(c.send(`a2 CREATE ${wire}`)).toMatch(/^a2 BAD /);
      expect(server.store.getAccount('student')!.mailboxes.size).toBe(before);
    });
  });

  describe('tag: 1*<ASTRING-CHAR except "+">', () => {
    it.each(['a]1', 'a[1', "x!#$&'", '0'])('accepts %s', (tag) => {
      const { c } = imapSession();
      expect(c.send(`${tag} NOOP`)).toBe(`${tag} OK NOOP completed\r\n`);
    });
    it.each(['a+1', 'a%1', 'a*1', 'a"1', 'a\\1', 'a{1', 'a(1'])('refuses %s with an untagged BAD', (tag) => {
      const { c } = imapSession();
      expect(c.send(`${tag} NOOP`)).toBe('* BAD Invalid tag\r\n');
    });
  });

  describe('flag: system flag / keyword atom / "\\" atom', () => {
    it.each([
      ['\\Seen', '\\Seen'],
      ['\\sEEn', '\\Seen'],
      ['$Forwarded', '$Forwarded'],
      ['x[1', 'x[1'],
    ])('STORE accepts %s', (wire, stored) => {
      const { c, inbox } = imapSession({ select: true });
      // A new keyword is announced in FLAGS first (keywords.test.ts); the command succeeds.
      expect(c.send(`a3 STORE 1 +FLAGS.SILENT (${wire})`)).toMatch(
        /^(\* [^\r]*\r\n)*a3 OK STORE completed\r\n$/,
      );
      expect(inbox.messages[0]!.flags.has(stored)).toBe(true);
    });

    it.each(['a]b', 'a%b', 'a*', '\\*', '\\Recent', '\\Unknown', '"quoted"', '(nested)'])(
      'STORE refuses %s and changes nothing',
      (flag) => {
        const { c, inbox } = imapSession({ select: true });
        expect(c.send(`a3 STORE 1 +FLAGS (${flag})`)).toMatch(/^a3 BAD /);
        expect(inbox.messages[0]!.flags.size).toBe(0);
      },
    );

    it('SEARCH KEYWORD takes an atom', () => {
      const { c } = imapSession({ select: true });
      c.send('a3 STORE 2 +FLAGS.SILENT (x[1)');
      expect(lines(c.send('a4 SEARCH KEYWORD x[1'))[0]).toBe('* SEARCH 2');
      expect(c.send('a5 SEARCH KEYWORD a]b')).toMatch(/^a5 BAD /);
      expect(c.send('a6 SEARCH KEYWORD "x[1"')).toMatch(/^a6 BAD /);
    });
  });

  describe('sequence-set', () => {
    it.each([
      ['1', '1'],
      ['1:3', '1 2 3'],
      ['3:1', '1 2 3'],
      ['5:*', '5 6'],
      ['*:5', '5 6'],
      ['*', '6'],
      ['1,3:4,6', '1 3 4 6'],
    ])('%s', (set, expected) => {
      const { c } = imapSession({ select: true });
      const reply = lines(c.send(`a3 FETCH ${set} UID`));
      expect(
        reply
          .slice(0, -1)
          .map((l) => l.split(' ')[1])
          .join(' '),
      ).toBe(expected);
    });

    it.each(['0', '1:0', '01', '1:', ':1', ',1', '1,,2', '1:2:3', '4294967296', 'a', '1 2', '7'])(
      'BAD for %s',
      (set) => {
        const { c } = imapSession({ select: true });
        expect(c.send(`a3 FETCH ${set} UID`)).toMatch(/^a3 BAD /);
      },
    );
  });

  describe('date (SEARCH): date-day "-" date-month "-" date-year, quoted or not', () => {
    it.each(['2-Mar-2026', '02-Mar-2026', '2-mar-2026', '"2-MAR-2026"'])('ON %s', (date) => {
      const { c } = imapSession({ select: true });
      expect(lines(c.send(`a3 SEARCH ON ${date}`))[0]).toBe('* SEARCH 1');
    });

    it.each([
      '32-Mar-2026',
      '29-Feb-2026',
      '0-Mar-2026',
      '2-Mar-26',
      '2 Mar 2026',
      '2-March-2026',
      '123-Mar-2026',
    ])('BAD for %s', (date) => {
      const { c } = imapSession({ select: true });
      expect(c.send(`a3 SEARCH SINCE ${date}`)).toMatch(/^a3 BAD /);
    });

    it('a leap day is a date', () => {
      const { c } = imapSession({ select: true });
      expect(c.send('a3 SEARCH BEFORE 29-Feb-2028')).toContain('a3 OK');
    });
  });

  describe('APPEND: date-time is quoted; the message is a literal', () => {
    const message = 'Subject: t\r\n\r\nx\r\n';
    it.each([
      ['" 2-Mar-2026 09:00:00 +0000"', Date.UTC(2026, 2, 2, 9)],
      ['"02-mar-2026 09:00:00 -0130"', Date.UTC(2026, 2, 2, 10, 30)],
    ])('accepts %s', (date, ms) => {
      const { c, inbox } = imapSession();
      expect(c.send(`a3 APPEND INBOX ${date} {${message.length}+}\r\n${message}`)).toContain(
        'a3 OK [APPENDUID',
      );
      expect(inbox.messages.at(-1)!.internalDate).toBe(ms);
    });

    it.each([
      ['an unquoted date-time', `2-Mar-2026 {${message.length}+}\r\n${message}`],
      ['a one-digit day without its space', `"2-Mar-2026 09:00:00 +0000" {${message.length}+}\r\n${message}`],
      ['the 30th of February', `"30-Feb-2026 09:00:00 +0000" {${message.length}+}\r\n${message}`],
      ['hour 24', `"02-Mar-2026 24:00:00 +0000" {${message.length}+}\r\n${message}`],
      ['a zone of +2400', `"02-Mar-2026 09:00:00 +2400" {${message.length}+}\r\n${message}`],
      ['the message as a quoted string', '"Subject: t"'],
      // A literal8 (`~{n}`) is valid since BINARY: extensions/binary/binary.test.ts.
    ])('BAD with %s, and nothing is stored', (_, rest) => {
      const { c, inbox } = imapSession();
      const before = inbox.messages.length;
      expect(c.send(`a3 APPEND INBOX ${rest}`)).toMatch(/^a3 BAD /);
      expect(inbox.messages.length).toBe(before);
    });
  });

  describe('search strings: astring', () => {
    it.each([
      ['an atom', 'SUBJECT welcome'],
      ['an atom with "]"', 'NOT SUBJECT a]b'],
      ['a quoted string', 'SUBJECT "mail lab"'],
      ['a literal', 'SUBJECT {8+}\r\nmail lab'],
    ])('%s', (_, criteria) => {
      const { c } = imapSession({ select: true });
      expect(lines(c.send(`a3 SEARCH ${criteria}`))[0]).toMatch(/^\* SEARCH 1\b/);
    });

    it.each(['SUBJECT a%b', 'SUBJECT a*b', 'SUBJECT a\\b', 'HEADER a* x'])('BAD for %s', (criteria) => {
      const { c } = imapSession({ select: true });
      expect(c.send(`a3 SEARCH ${criteria}`)).toMatch(/^a3 BAD /);
    });
  });

  describe('fetch-att sections run to their "]"', () => {
    it('BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.10> is one item', () => {
      const { c } = imapSession({ select: true });
      expect(c.send('a3 FETCH 1 (UID BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.10>)')).toMatch(
        /^\* 1 FETCH \(UID 1 BODY\[HEADER\.FIELDS \(FROM TO\)\]<0> \{10\}\r\n/,
      );
    });

    it.each(['BODY[HEADER', 'BODY[HEADER.FIELDS (FROM)', 'BODY[1]]', 'BODY[[1]]'])('BAD for %s', (item) => {
      const { c } = imapSession({ select: true });
      expect(c.send(`a3 FETCH 1 ${item}`)).toMatch(/^a3 BAD /);
    });
  });
});
