import { describe, expect, it } from 'vitest';
import { imapSession } from '../testing';

function searchIn(criteria: string, prepare?: (send: (l: string) => string) => void) {
  const { c } = imapSession({ select: true });
  prepare?.((l) => c.send(l));
  const reply = c.send(`s1 SEARCH ${criteria}`);
  const m = /^\* SEARCH([\d ]*)\r\ns1 OK SEARCH completed\r\n$/.exec(reply);
  if (!m) throw new Error(`unexpected reply: ${reply}`);
  return m[1]!.trim() === '' ? [] : m[1]!.trim().split(' ').map(Number);
}

describe('SEARCH', () => {
  it.each([
    ['ALL', [1, 2, 3, 4, 5, 6]],
    ['FROM chris', [4, 6]],
    ['FROM "Chris Classmate"', [4, 6]],
    ['TO student', [1, 2, 3, 4, 5, 6]],
    ['CC ada', [3]],
    ['SUBJECT "study group"', [4, 5, 6]],
    ['SUBJECT re: NOT FROM dana', [6]],
    ['OR FROM ada FROM ben', [1, 3]],
    ['(FROM chris SUBJECT study)', [4, 6]],
    ['BODY "room A210"', [2]],
    ['TEXT schedule', [3]],
    ['HEADER In-Reply-To thread.1', [5]],
    ['HEADER References ""', [5, 6]],
    ['SINCE 4-Mar-2026', [3, 4, 5, 6]],
    ['BEFORE 4-Mar-2026', [1, 2]],
    ['ON 3-Mar-2026', [2]],
    ['SENTSINCE 5-Mar-2026', [5, 6]],
    ['SENTBEFORE 3-Mar-2026', [1]],
    ['SENTON 4-Mar-2026', [3, 4]],
    ['LARGER 700', [2, 3]],
    ['SMALLER 500', [4]],
    ['UID 2:3', [2, 3]],
    ['2:4 NOT 3', [2, 4]],
    ['UNSEEN', [1, 2, 3, 4, 5, 6]],
    ['RECENT', [1, 2, 3, 4, 5, 6]],
    ['NEW', [1, 2, 3, 4, 5, 6]],
    ['OLD', []],
  ])('%s', (criteria, expected) => {
    expect(searchIn(criteria)).toEqual(expected);
  });

  it('finds flags and keywords after STORE', () => {
    const prepare = (send: (l: string) => string) => {
      send('p1 STORE 2 +FLAGS (\\Seen \\Flagged todo)');
      send('p2 STORE 3 +FLAGS (\\Answered \\Draft \\Deleted)');
    };
    expect(searchIn('SEEN', prepare)).toEqual([2]);
    expect(searchIn('FLAGGED KEYWORD todo', prepare)).toEqual([2]);
    expect(searchIn('UNKEYWORD todo ANSWERED DRAFT DELETED', prepare)).toEqual([3]);
    expect(searchIn('UNSEEN UNFLAGGED UNANSWERED UNDELETED UNDRAFT', prepare)).toEqual([1, 4, 5, 6]);
  });

  it('UID SEARCH answers with UIDs', () => {
    const { c } = imapSession({ select: true });
    c.send('a3 STORE 1 +FLAGS.SILENT (\\Deleted)');
    c.send('a4 EXPUNGE');
    expect(c.send('a5 UID SEARCH FROM chris')).toBe('* SEARCH 4 6\r\na5 OK UID SEARCH completed\r\n');
  });

  it('answers ESEARCH for RETURN options, and for IMAP4rev2 clients (RFC 9051 §7.3.4)', () => {
    const { c } = imapSession();
    expect(c.send('a2 SELECT INBOX')).toContain('OK');
    expect(c.send('a3 SEARCH RETURN (MIN MAX COUNT) FROM chris')).toBe(
      '* ESEARCH (TAG "a3") MIN 4 MAX 6 COUNT 2\r\na3 OK SEARCH completed\r\n',
    );
    c.send('a4 UNSELECT');
    c.send('a5 ENABLE IMAP4rev2');
    c.send('a6 SELECT INBOX');
    expect(c.send('a7 UID SEARCH SUBJECT study')).toBe(
      '* ESEARCH (TAG "a7") UID ALL 4:6\r\na7 OK UID SEARCH completed\r\n',
    );
    expect(c.send('a8 SEARCH FROM nobody')).toBe('* ESEARCH (TAG "a8")\r\na8 OK SEARCH completed\r\n');
  });

  it('accepts CHARSET UTF-8 and refuses an unknown charset with BADCHARSET', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 SEARCH CHARSET UTF-8 FROM ada')).toBe('* SEARCH 1\r\na3 OK SEARCH completed\r\n');
    expect(c.send('a4 SEARCH CHARSET KOI8-R FROM ada')).toBe(
      'a4 NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset\r\n',
    );
  });

  it.each([
    ['an unknown key', 'FOO', 'Unknown search key: FOO'],
    ['a bad date', 'SINCE yesterday', 'Invalid date in search (expected e.g. 1-Feb-2026)'],
    ['a missing operand', 'OR SEEN', 'Missing search key in search'],
    ['nothing', '', 'Missing search criteria'],
  ])('answers BAD for %s', (_, criteria, text) => {
    const { c } = imapSession({ select: true });
    expect(c.send(`a3 SEARCH ${criteria}`.trimEnd())).toBe(`a3 BAD ${text}\r\n`);
  });
});
