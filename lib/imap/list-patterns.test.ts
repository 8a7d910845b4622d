import { describe, expect, it } from 'vitest';
import { connectImap, imapSession, imapTestServer, lines } from './testing';

/**
 * LIST and LSUB patterns are `list-mailbox` (RFC 9051 §9: `1*list-char / string`, list-char =
 * ATOM-CHAR / list-wildcards / resp-specials), their references `mailbox`; every other astring
 * argument refuses the wildcards (ASTRING-CHAR = ATOM-CHAR / resp-specials). A backslash is in
 * none of these character sets, and inside a quoted string it only escapes `"` or `\` (§4.3).
 */
describe('list-mailbox: LIST and LSUB patterns', () => {
  const seedNames = ['INBOX', 'Drafts', 'Sent', 'Trash'];

  /** The names a LIST or LSUB reply lists, in order. */
  function names(reply: string): string[] {
    return lines(reply)
      .filter((l) => l.startsWith('* LIST') || l.startsWith('* LSUB'))
      .map((l) => l.slice(l.lastIndexOf(' ') + 1));
  }

  describe.each(['LIST', 'LSUB'])('%s', (command) => {
    it.each([
      ['"%" as an atom', '%', seedNames],
      ['"*" as an atom', '*', seedNames],
      ['wildcards inside an atom', 'S*t', ['Sent']],
      ['"]" with a wildcard (resp-specials)', 'a]%', []],
      ['a quoted pattern', '"Dr%"', ['Drafts']],
      ['a quoted pattern with an escaped backslash', '"a\\\\b"', []],
      ['a literal', '{2+}\r\nT*', ['Trash']],
    ])('accepts %s', (_, pattern, expected) => {
      const { c } = imapSession();
      const reply = c.send(`a2 ${command} "" ${pattern}`);
      expect(reply).toMatch(new RegExp(`a2 OK ${command} completed\\r\\n$`));
      expect(names(reply)).toEqual(expected);
    });

    it.each([
      ['a backslash in an atom', 'a\\b'],
      ['a backslash at the end of an atom', '%\\'],
      ['a quote inside an atom', 'a"b"'],
      ['a parenthesis inside an atom', 'a(b)'],
      ['a brace inside an atom', 'a{b'],
      ['a control character', 'a\x01b'],
      ['a quoted string escaping another character', '"a\\b"'],
      ['an unterminated quoted string', '"abc'],
      ['no pattern at all', ''],
    ])('BAD for %s', (_, pattern) => {
      const { c } = imapSession();
      expect(lines(c.send(`a2 ${command} "" ${pattern}`))).toEqual([expect.stringMatching(/^a2 BAD /)]);
    });

    it.each([
      ['"%"', 'a%'],
      ['"*"', '*'],
      ['a backslash', 'a\\b'],
    ])('BAD for a reference (a mailbox, not a pattern) with %s', (_, reference) => {
      const { c } = imapSession();
      expect(lines(c.send(`a2 ${command} ${reference} %`))).toEqual([expect.stringMatching(/^a2 BAD /)]);
    });
  });

  it('LIST takes a parenthesized list of list-mailbox patterns, each checked', () => {
    const { c } = imapSession();
    expect(names(c.send('a2 LIST "" (INBOX "S%" T*)'))).toEqual(['INBOX', 'Sent', 'Trash']);
    expect(c.send('a3 LIST "" (INBOX a\\b)')).toMatch(/^a3 BAD /);
    expect(c.send('a4 LIST "" ()')).toMatch(/^a4 BAD /);
  });
});

describe('astring arguments refuse the wildcards (ASTRING-CHAR has no list-wildcards)', () => {
  it.each([
    ['"*" in the user name', 'stu*dent secret'],
    ['"%" in the password', 'student sec%ret'],
    ['a backslash in the user name', 'stu\\dent secret'],
  ])('LOGIN with %s is BAD, and does not count as a failed login', (_, args) => {
    const server = imapTestServer();
    const c = connectImap(server);
    for (let i = 0; i < 5; i++) expect(c.send(`a${i} LOGIN ${args}`)).toMatch(new RegExp(`^a${i} BAD `));
    expect(c.send('b LOGIN student secret')).toMatch(/^b OK /);
  });

  it('the same characters quoted are a string, and LOGIN reads them as such', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 LOGIN "stu*dent" "sec%ret"')).toMatch(/^a1 NO \[AUTHENTICATIONFAILED\] /);
  });

  it('"]" is an ASTRING-CHAR: LOGIN reads the atom and refuses the credentials with NO', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 LOGIN stu]dent secret')).toMatch(/^a1 NO \[AUTHENTICATIONFAILED\] /);
  });

  it('SEARCH CHARSET with a wildcard is BAD', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 SEARCH CHARSET UTF-* ALL')).toMatch(/^a3 BAD /);
  });
});
