import { describe, expect, it } from 'vitest';
import { imapSession, lines } from './testing';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** Messages 7 to 12, after the six of the seed mailbox. Octets as stored (one char per byte). */
const MESSAGES = [
  // 7: an encoded-word subject (Q), a B-encoded display name, a base64 UTF-8 body.
  crlf(`From: =?UTF-8?B?Sm9zw6k=?= Garc\xc3\xada <jose@x.org>
To: Sam Student <student@popvsimap.lab>
Subject: =?UTF-8?Q?Caf=C3=A9?= tonight
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

TGUgbWVudSBkdSBjYWbDqQ0K
`),
  // 8: an ISO-8859-1 B-encoded subject; a quoted-printable ISO-8859-1 body with a soft break.
  crlf(`From: "Doe, Jane" <jane@y.org>
Cc: Team: ann@z.org, =?ISO-8859-1?Q?Andr=E9?= <andre@z.org>;
Subject: =?ISO-8859-1?B?R3L832U=?=
X-Ticket: =?UTF-8?Q?n=C2=B0_42?=
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Cr=E8me br=FBl=E9e, a very long=
word.
`),
  // 9: multipart: a QP HTML part, a base64 attachment, an enclosed message with an encoded subject.
  crlf(`From: bob@z.org
Subject: parts
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<p>Gr=C3=BC=C3=9Fe aus M=C3=BCnchen</p>
--b
Content-Type: application/octet-stream
Content-Transfer-Encoding: base64

c2VjcmV0IHdvcmQ=
--b
Content-Type: message/rfc822

From: inner@z.org
Subject: =?UTF-8?Q?r=C3=A9sum=C3=A9?=

inner text
--b--
`),
  // 10: raw 8-bit UTF-8 in the header (RFC 6532) and a plain 7bit body.
  crlf(`From: Zo\xc3\xab <zoe@x.org>
Bcc: hidden@x.org
Subject: Caf\xc3\xa9 au lait

plain words here
`),
];

function session() {
  const s = imapSession();
  for (const raw of MESSAGES) s.server.store.deliver('student', raw);
  s.c.send('a2 SELECT INBOX');
  return s;
}

/** The numbers SEARCH returns, among messages 7 to 10 (the seed's 1 to 6 left out). */
function search(c: ReturnType<typeof session>['c'], criteria: string): number[] {
  const reply = lines(c.send(`s1 SEARCH ${criteria}`));
  expect(reply.at(-1)).toBe('s1 OK SEARCH completed');
  return reply[0]!
    .split(' ')
    .slice(2)
    .map(Number)
    .filter((n) => n >= 7);
}

describe('SEARCH compares decoded text, case-insensitively (RFC 9051 §6.4.4)', () => {
  const { c } = session();

  it.each<[string, string, number[]]>([
    ['the report: UTF-8 search for an encoded subject', 'CHARSET UTF-8 SUBJECT Caf\xc3\xa9', [7, 10]],
    ['upper case, as a quoted string', 'SUBJECT "CAF\xc3\x89 TONIGHT"', [7]],
    ['as a literal', 'CHARSET UTF-8 SUBJECT {5+}\r\ncaf\xc3\xa9', [7, 10]],
    ['no match without the accent', 'SUBJECT cafe', []],
    ['a B-encoded ISO-8859-1 subject; \xc3\x9f matches SS', 'SUBJECT GR\xc3\x9cSSE', [8]],
    ['raw 8-bit UTF-8 in a header (RFC 6532)', 'SUBJECT "au LAIT"', [10]],
    ['HEADER decodes its field too', 'HEADER X-Ticket "n\xc2\xb0 42"', [8]],
    ['HEADER with an empty string: every message with the field', 'HEADER X-Ticket ""', [8]],
  ])('SUBJECT/HEADER: %s', (_, criteria, expected) => {
    expect(search(c, criteria)).toEqual(expected);
  });

  it.each<[string, string, number[]]>([
    ['a display name, B-encoded', 'FROM Jos\xc3\xa9', [7]],
    ['a display name with raw UTF-8 after the encoded word', 'FROM "JOS\xc3\x89 GARC\xc3\x8dA"', [7]],
    ['an address', 'FROM jose@x.org', [7]],
    ['a domain', 'FROM x.org', [7, 10]],
    ['a quoted display name with a comma', 'FROM "doe, jane"', [8]],
    ['name and address together', 'FROM "Jane <jane@y.org>"', [8]],
    ['TO by name', 'TO "sam student"', [7]],
    ['CC by an encoded name inside a group', 'CC andr\xc3\xa9', [8]],
    ['CC by the group name', 'CC team', [8]],
    ['BCC', 'BCC hidden', [10]],
    ['raw UTF-8 name', 'FROM zo\xc3\xab', [10]],
  ])('FROM/TO/CC/BCC: %s', (_, criteria, expected) => {
    expect(search(c, criteria)).toEqual(expected);
  });

  it.each<[string, string, number[]]>([
    ['a base64 UTF-8 body', 'BODY "MENU DU CAF\xc3\x89"', [7]],
    ['base64 is not matched as encoded text', 'BODY TGUgbWVudSBkdSBjYWbDqQ0K', []],
    ['quoted-printable ISO-8859-1', 'BODY "cr\xc3\xa8me br\xc3\xbbl\xc3\xa9e"', [8]],
    ['across a QP soft line break', 'BODY longword', [8]],
    ['a QP UTF-8 HTML part', 'BODY "gr\xc3\xbc\xc3\x9fe aus m\xc3\xbcnchen"', [9]],
    ['not inside a non-text attachment', 'BODY secret', []],
    ['the header of an enclosed message, decoded', 'BODY r\xc3\xa9sum\xc3\xa9', [9]],
    ['the text of an enclosed message', 'BODY "INNER TEXT"', [9]],
    ['a 7bit body', 'BODY "Plain Words"', [10]],
    ['not in the header', 'BODY jose@x.org', []],
  ])('BODY: %s', (_, criteria, expected) => {
    expect(search(c, criteria)).toEqual(expected);
  });

  it.each<[string, string, number[]]>([
    ['a decoded header', 'TEXT caf\xc3\xa9', [7, 10]],
    ['a field name', 'TEXT x-ticket', [8]],
    ['a decoded body', 'TEXT "cr\xc3\xa8me"', [8]],
  ])('TEXT: %s', (_, criteria, expected) => {
    expect(search(c, criteria)).toEqual(expected);
  });

  it('combines with other keys, and the answer stays the same when asked again', () => {
    expect(search(c, 'OR FROM jose BODY longword')).toEqual([7, 8]);
    expect(search(c, 'NOT BODY "plain words" FROM x.org')).toEqual([7]);
    expect(search(c, 'OR FROM jose BODY longword')).toEqual([7, 8]);
  });

  it('a charset we do not know is NO [BADCHARSET], and the search is not run', () => {
    expect(c.send('s2 SEARCH CHARSET KOI8-R SUBJECT x')).toBe(
      's2 NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset\r\n',
    );
  });
});

describe('SEARCH reads message bytes only for keys that need them', () => {
  it('flag, UID and sequence keys never parse a message; a text key does, once per message', () => {
    const { c, server } = imapSession();
    server.store.deliver('student', 'Subject: untouched\r\n\r\nfresh body\r\n');
    c.send('a2 SELECT INBOX');
    const message = server.store.getAccount('student')!.inbox.messages.at(-1)!;
    const raw = message.raw;
    let reads = 0;
    Object.defineProperty(message, 'raw', {
      get: () => {
        reads++;
        return raw;
      },
    });
    c.send('a3 SEARCH UNSEEN');
    c.send('a4 UID SEARCH FLAGGED NOT DELETED UID 1:*');
    c.send('a5 SEARCH OR SEEN 7 KEYWORD $Junk');
    expect(reads).toBe(0);
    expect(lines(c.send('a6 SEARCH BODY "FRESH"'))[0]).toBe('* SEARCH 7');
    const afterFirst = reads;
    expect(afterFirst).toBeGreaterThan(0);
    expect(lines(c.send('a7 SEARCH SUBJECT untouched'))[0]).toBe('* SEARCH 7');
    expect(lines(c.send('a8 SEARCH BODY fresh'))[0]).toBe('* SEARCH 7');
    expect(reads).toBe(afterFirst);
  });
});
