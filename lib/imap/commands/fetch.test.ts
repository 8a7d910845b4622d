import { describe, expect, it } from 'vitest';
import { SEED_MESSAGES } from '../../mailstore/seed';
import { imapSession, lines } from '../testing';

const first = SEED_MESSAGES[0]!;
const headerEnd = first.indexOf('\r\n\r\n') + 4;

describe('FETCH', () => {
  it('returns FLAGS, UID, RFC822.SIZE and INTERNALDATE', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 FETCH 1 (FLAGS UID RFC822.SIZE INTERNALDATE)')).toBe(
      `* 1 FETCH (FLAGS (\\Recent) UID 1 RFC822.SIZE ${first.length} INTERNALDATE "02-Mar-2026 09:00:00 +0000")\r\na3 OK FETCH completed\r\n`,
    );
  });

  it('returns the ENVELOPE with Sender and Reply-To defaulting to From', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 FETCH 1 ENVELOPE')).toBe(
      '* 1 FETCH (ENVELOPE ("Mon, 02 Mar 2026 09:00:00 +0000" "Welcome to the mail lab" ' +
        '(("Ada Admin" NIL "ada" "popvsimap.lab")) (("Ada Admin" NIL "ada" "popvsimap.lab")) (("Ada Admin" NIL "ada" "popvsimap.lab")) ' +
        '(("Sam Student" NIL "student" "popvsimap.lab")) NIL NIL NIL "<welcome.1@popvsimap.lab>"))\r\na3 OK FETCH completed\r\n',
    );
  });

  it('BODY[] sends the whole message as a literal and sets \\Seen, reporting the new FLAGS', () => {
    const { c, inbox } = imapSession({ select: true });
    expect(c.send('a3 FETCH 1 BODY[]')).toBe(
      `* 1 FETCH (BODY[] {${first.length}}\r\n${first} FLAGS (\\Seen \\Recent))\r\na3 OK FETCH completed\r\n`,
    );
    expect(inbox.messages[0]!.flags.has('\\Seen')).toBe(true);
  });

  it('BODY.PEEK[] leaves \\Seen alone', () => {
    const { c, inbox } = imapSession({ select: true });
    expect(c.send('a3 FETCH 1 BODY.PEEK[]')).toBe(
      `* 1 FETCH (BODY[] {${first.length}}\r\n${first})\r\na3 OK FETCH completed\r\n`,
    );
    expect(inbox.messages[0]!.flags.size).toBe(0);
  });

  it('BODY.PEEK[HEADER] and [TEXT] split the message at the blank line', () => {
    const { c } = imapSession({ select: true });
    const header = first.slice(0, headerEnd);
    const text = first.slice(headerEnd);
    expect(c.send('a3 FETCH 1 (BODY.PEEK[HEADER] BODY.PEEK[TEXT])')).toBe(
      `* 1 FETCH (BODY[HEADER] {${header.length}}\r\n${header} BODY[TEXT] {${text.length}}\r\n${text})\r\na3 OK FETCH completed\r\n`,
    );
  });

  it('HEADER.FIELDS picks fields (case-insensitively) and ends with a blank line; .NOT drops them', () => {
    const { c } = imapSession({ select: true });
    const picked = 'From: Ada Admin <ada@popvsimap.lab>\r\nSubject: Welcome to the mail lab\r\n\r\n';
    expect(c.send('a3 FETCH 1 BODY.PEEK[HEADER.FIELDS (subject FROM)]')).toBe(
      `* 1 FETCH (BODY[HEADER.FIELDS (SUBJECT FROM)] {${picked.length}}\r\n${picked})\r\na3 OK FETCH completed\r\n`,
    );
    const rest = c.send('a4 FETCH 1 BODY.PEEK[HEADER.FIELDS.NOT (From Subject)]');
    expect(rest).toContain('BODY[HEADER.FIELDS.NOT (FROM SUBJECT)]');
    expect(rest).not.toContain('From: Ada');
    expect(rest).toContain('To: Sam Student');
  });

  it('a partial fetch <origin.count> returns that slice and names only the origin', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 FETCH 1 BODY.PEEK[]<0.11>')).toBe(
      `* 1 FETCH (BODY[]<0> {11}\r\n${first.slice(0, 11)})\r\na3 OK FETCH completed\r\n`,
    );
  });

  it('fetches MIME parts by number: text, MIME header, and a base64 attachment', () => {
    const { c } = imapSession({ select: true });
    const part1 = c.send('a3 FETCH 2 BODY.PEEK[1]');
    expect(part1).toContain('Library hours change on Friday. The mail workshop is in room A210.');
    expect(part1).not.toContain('<p>');
    expect(c.send('a4 FETCH 2 BODY.PEEK[2.MIME]')).toContain('Content-Type: text/html; charset=utf-8\r\n');
    const attachment = c.send('a5 FETCH 3 BODY.PEEK[2]');
    const data = /\{(\d+)\}\r\n([\s\S]*)\)\r\na5 OK/.exec(attachment)!;
    expect(atob(data[2]!.replace(/\r\n/g, ''))).toContain('POP3 in practice,Monday,11:00,A210');
  });

  it('BODYSTRUCTURE describes multipart/alternative and an attachment with its disposition', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 FETCH 2 BODYSTRUCTURE')).toMatch(
      /^\* 2 FETCH \(BODYSTRUCTURE \(\("TEXT" "PLAIN" \("CHARSET" "utf-8"\) NIL NIL "7BIT" 68 1 NIL NIL NIL NIL\)\("TEXT" "HTML" \("CHARSET" "utf-8"\) NIL NIL "7BIT" 82 1 NIL NIL NIL NIL\) "ALTERNATIVE" \("BOUNDARY" "=_alt_7f3a"\) NIL NIL NIL\)\)\r\n/,
    );
    expect(c.send('a4 FETCH 3 BODYSTRUCTURE')).toContain(
      '"TEXT" "CSV" ("NAME" "schedule.csv") NIL NIL "BASE64"',
    );
    expect(c.send('a5 FETCH 3 BODYSTRUCTURE')).toContain('("ATTACHMENT" ("FILENAME" "schedule.csv"))');
    expect(c.send('a6 FETCH 1 BODY')).toMatch(
      /^\* 1 FETCH \(BODY \("TEXT" "PLAIN" \("CHARSET" "utf-8"\) NIL NIL "7BIT" \d+ 8\)\)\r\n/,
    );
  });

  it('expands the macros FAST, ALL and FULL', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 FETCH 1 FAST')).toMatch(
      /^\* 1 FETCH \(FLAGS \(\\Recent\) INTERNALDATE "[^"]+" RFC822\.SIZE \d+\)\r\n/,
    );
    expect(c.send('a4 FETCH 1 ALL')).toMatch(/RFC822\.SIZE \d+ ENVELOPE \(/);
    expect(c.send('a5 FETCH 1 FULL')).toMatch(/ENVELOPE \(.*\) BODY \("TEXT"/);
  });

  it('RFC822.HEADER does not set \\Seen; RFC822 does', () => {
    const { c, inbox } = imapSession({ select: true });
    c.send('a3 FETCH 1 RFC822.HEADER');
    expect(inbox.messages[0]!.flags.size).toBe(0);
    expect(c.send('a4 FETCH 1 RFC822')).toContain(`RFC822 {${first.length}}\r\n`);
    expect(inbox.messages[0]!.flags.has('\\Seen')).toBe(true);
  });

  it('UID FETCH names messages by UID, always returns UID, and skips UIDs that do not exist', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 UID FETCH 2:3,99 FLAGS'))).toEqual([
      '* 2 FETCH (UID 2 FLAGS (\\Recent))',
      '* 3 FETCH (UID 3 FLAGS (\\Recent))',
      'a3 OK UID FETCH completed',
    ]);
    expect(c.send('a4 UID FETCH 100:* FLAGS')).toBe(
      '* 6 FETCH (UID 6 FLAGS (\\Recent))\r\na4 OK UID FETCH completed\r\n',
    );
  });

  it('fetches a range with * in sequence order', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 FETCH 5:* UID'))).toEqual([
      '* 5 FETCH (UID 5)',
      '* 6 FETCH (UID 6)',
      'a3 OK FETCH completed',
    ]);
  });
});
