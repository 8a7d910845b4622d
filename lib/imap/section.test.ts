import { describe, expect, it } from 'vitest';
import { imapSession, lines } from './testing';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/**
 * The structure of RFC 9051 §6.4.5's example, plus an enclosed message with a single body
 * (part 5), a message/rfc822 enclosing another (part 6) and a message/global (part 7).
 */
const NESTED = crlf(`From: Outer <outer@x.test>
Subject: outer
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

preamble
--b1
Content-Type: text/plain

part 1 text
--b1
Content-Type: application/octet-stream
Content-Transfer-Encoding: base64

AAEC
--b1
Content-Type: message/rfc822

From: Three <three@x.test>
Subject: part 3
Content-Type: multipart/mixed; boundary="b3"

--b3
Content-Type: text/plain

3.1 text
--b3
Content-Type: application/octet-stream

3.2 data
--b3--
--b1
Content-Type: multipart/mixed; boundary="b4"

--b4
Content-Type: image/gif
Content-Transfer-Encoding: base64

R0lG
--b4
Content-Type: message/rfc822

From: Four Two <42@x.test>
Subject: part 4.2
Content-Type: multipart/mixed; boundary="b42"

--b42
Content-Type: text/plain

4.2.1 text
--b42
Content-Type: multipart/alternative; boundary="b422"

--b422
Content-Type: text/plain

4.2.2.1 plain
--b422
Content-Type: text/richtext

4.2.2.2 rich
--b422--
--b42--
--b4--
--b1
Content-Type: message/rfc822

From: Five <5@x.test>
Subject: single

5 body text
--b1
Content-Type: message/rfc822

From: Six <6@x.test>
Subject: wraps another
Content-Type: message/rfc822

From: Inner <in@x.test>
Subject: innermost

innermost text
--b1
Content-Type: message/global

From: Seven <7@x.test>
Subject: global

7 body
--b1--
`);

function session(raw: string) {
  const s = imapSession();
  s.server.store.deliver('student', raw);
  s.c.send('a2 SELECT INBOX');
  return s;
}

/** The bytes of `BODY.PEEK[section]` of the newest message, as the literal of the response. */
function section(c: ReturnType<typeof session>['c'], spec: string): string {
  const reply = c.send(`f1 FETCH * BODY.PEEK[${spec}]`);
  const m = /^\* \d+ FETCH \(BODY\[([^\]]*)\] \{(\d+)\}\r\n/.exec(reply);
  if (!m) throw new Error(`unexpected reply: ${reply}`);
  expect(m[1]).toBe(spec.toUpperCase());
  const start = m[0].length;
  const data = reply.slice(start, start + Number(m[2]));
  expect(reply.slice(start + data.length)).toBe(')\r\nf1 OK FETCH completed\r\n');
  return data;
}

describe('FETCH sections of enclosed messages (RFC 9051 §6.4.5)', () => {
  const { c } = session(NESTED);
  const header = (text: string) => crlf(text) + '\r\n';

  it.each([
    ['1', 'part 1 text'],
    ['1.MIME', 'Content-Type: text/plain\r\n\r\n'],
    ['2', 'AAEC'],
    [
      '3.HEADER',
      header('From: Three <three@x.test>\nSubject: part 3\nContent-Type: multipart/mixed; boundary="b3"\n'),
    ],
    [
      '3.TEXT',
      crlf(
        '--b3\nContent-Type: text/plain\n\n3.1 text\n--b3\nContent-Type: application/octet-stream\n\n3.2 data\n--b3--',
      ),
    ],
    ['3.HEADER.FIELDS (SUBJECT)', 'Subject: part 3\r\n\r\n'],
    ['3.HEADER.FIELDS.NOT (FROM CONTENT-TYPE)', 'Subject: part 3\r\n\r\n'],
    ['3.1', '3.1 text'],
    ['3.2', '3.2 data'],
    ['3.2.MIME', 'Content-Type: application/octet-stream\r\n\r\n'],
    ['4.1', 'R0lG'],
    ['4.1.MIME', 'Content-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\n'],
    ['4.2.MIME', 'Content-Type: message/rfc822\r\n\r\n'],
    [
      '4.2.HEADER',
      header(
        'From: Four Two <42@x.test>\nSubject: part 4.2\nContent-Type: multipart/mixed; boundary="b42"\n',
      ),
    ],
    ['4.2.1', '4.2.1 text'],
    ['4.2.1.MIME', 'Content-Type: text/plain\r\n\r\n'],
    [
      '4.2.2',
      crlf(
        '--b422\nContent-Type: text/plain\n\n4.2.2.1 plain\n--b422\nContent-Type: text/richtext\n\n4.2.2.2 rich\n--b422--',
      ),
    ],
    ['4.2.2.1', '4.2.2.1 plain'],
    ['4.2.2.2', '4.2.2.2 rich'],
    ['4.2.2.2.MIME', 'Content-Type: text/richtext\r\n\r\n'],
    // An enclosed message with a single body: that body is its part 1.
    ['5.HEADER', header('From: Five <5@x.test>\nSubject: single\n')],
    ['5.TEXT', '5 body text'],
    ['5.1', '5 body text'],
    // A message/rfc822 whose enclosed message is itself a message/rfc822.
    ['6.HEADER', header('From: Six <6@x.test>\nSubject: wraps another\nContent-Type: message/rfc822\n')],
    ['6.TEXT', crlf('From: Inner <in@x.test>\nSubject: innermost\n\ninnermost text')],
    ['6.1', crlf('From: Inner <in@x.test>\nSubject: innermost\n\ninnermost text')],
    ['6.1.HEADER', header('From: Inner <in@x.test>\nSubject: innermost\n')],
    ['6.1.TEXT', 'innermost text'],
    ['6.1.1', 'innermost text'],
    ['7.HEADER', header('From: Seven <7@x.test>\nSubject: global\n')],
    ['7.1', '7 body'],
  ])('BODY[%s]', (spec, expected) => {
    expect(section(c, spec)).toBe(expected);
  });

  it.each([
    ['a part past the last', '8'],
    ['a part past the last of a multipart', '4.3'],
    ['below a leaf part', '1.1'],
    ['part 2 of an enclosed message with a single body', '5.2'],
    ['HEADER of a part that is not a message', '1.HEADER'],
    ['TEXT of a multipart part', '4.TEXT'],
    ['TEXT of a text part inside an enclosed message', '5.1.TEXT'],
    ['TEXT below a leaf', '4.2.1.TEXT'],
  ])('%s (BODY[%s]) is empty', (_, spec) => {
    expect(section(c, spec)).toBe('');
  });

  it('a partial fetch of an enclosed section counts from its own first octet', () => {
    expect(c.send('f2 FETCH * BODY.PEEK[4.2.2.1]<2.5>')).toMatch(/BODY\[4\.2\.2\.1\]<2> \{5\}\r\n2\.2\.1\)/);
  });

  it('BODYSTRUCTURE gives a message/rfc822 part its envelope, body and lines (§7.5.2)', () => {
    const reply = lines(c.send('f3 FETCH * BODY'))[0]!;
    const five =
      '("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 53 (NIL "single" (("Five" NIL "5" "x.test")) ' +
      '(("Five" NIL "5" "x.test")) (("Five" NIL "5" "x.test")) NIL NIL NIL NIL NIL) ' +
      '("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 11 1) 4)';
    expect(reply).toContain(five);
    // Part 6: the enclosed message's body is a message/rfc822 in turn, with its own envelope.
    expect(reply).toContain(
      '("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 61 (NIL "innermost" (("Inner" NIL "in" "x.test"))',
    );
    // Part 3: the enclosed multipart is described inside the message/rfc822 part.
    expect(reply).toContain(
      '(("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 8 1)("APPLICATION" "OCTET-STREAM" NIL NIL NIL "7BIT" 8) "MIXED") 13)',
    );
    expect(reply).toContain('("MESSAGE" "GLOBAL" NIL NIL NIL "7BIT"');
  });
});

describe('sections of a message that is not multipart', () => {
  it('a text message: part 1 is its body, and it has no part 2 or 1.1', () => {
    const { c } = session('Subject: plain\r\n\r\nhello\r\n');
    expect(section(c, '1')).toBe('hello\r\n');
    expect(section(c, 'TEXT')).toBe('hello\r\n');
    expect(section(c, '1.MIME')).toBe('Subject: plain\r\n\r\n');
    expect(section(c, '2')).toBe('');
    expect(section(c, '1.1')).toBe('');
  });

  it('a message whose body is message/rfc822: part 1 is the enclosed message', () => {
    const inner = 'From: In <in@x.test>\r\nSubject: in\r\n\r\ninner body\r\n';
    const { c } = session(`Subject: wrapper\r\nContent-Type: message/rfc822\r\n\r\n${inner}`);
    expect(section(c, 'TEXT')).toBe(inner);
    expect(section(c, '1')).toBe(inner);
    expect(section(c, '1.HEADER')).toBe('From: In <in@x.test>\r\nSubject: in\r\n\r\n');
    expect(section(c, '1.TEXT')).toBe('inner body\r\n');
    expect(section(c, '1.1')).toBe('inner body\r\n');
    expect(section(c, '1.1.TEXT')).toBe('');
    expect(section(c, '1.2')).toBe('');
  });
});
