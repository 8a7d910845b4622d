import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { connectImap, imapSession, imapTestServer, lines } from '../../testing';

/**
 * BINARY (RFC 3516; RFC 9051 §6.4.5) and literal8 (`~{n}`, RFC 3516 §7, RFC 9051 §9). Seed
 * message 3 is multipart/mixed: part 1 text/plain in 7bit, part 2 a text/csv attachment in
 * base64 (its CSV has bare LF line ends, sent as CRLF once decoded, §6).
 */
const CSV =
  'Session,Day,Time,Room\r\nIntroduction to e-mail,Monday,09:00,A210\r\nPOP3 in practice,Monday,11:00,A210\r\nIMAP in practice,Tuesday,09:00,A210\r\n';

/** Appends `message` with a non-synchronizing literal8 and returns the tagged reply. */
function appendBinary(c: ReturnType<typeof imapSession>['c'], message: string, tag = 'b1'): string {
  return c.send(`${tag} APPEND INBOX ~{${message.length}+}\r\n${message}`);
}

const OCTETS = 'Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n';

describe('BINARY FETCH items (RFC 3516 §4.2, §4.3)', () => {
  it('is advertised, before and after login', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a0 CAPABILITY')).toMatch(/^\* CAPABILITY .* BINARY[ \r]/);
    c.send('a1 LOGIN student secret');
    expect(c.send('a2 CAPABILITY')).toMatch(/^\* CAPABILITY .* BINARY[ \r]/);
  });

  it('BINARY.PEEK[2] undoes base64, as a literal since there is no NUL', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 FETCH 3 BINARY.PEEK[2]')).toBe(
      `* 3 FETCH (BINARY[2] {${CSV.length}}\r\n${CSV})\r\na3 OK FETCH completed\r\n`,
    );
  });

  it('BINARY.SIZE[2] is the size BINARY[2] returns, and the part as stored is larger', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 FETCH 3 (BINARY.SIZE[2] BINARY.SIZE[1])'))).toEqual([
      `* 3 FETCH (BINARY.SIZE[2] ${CSV.length} BINARY.SIZE[1] 52)`,
      'a3 OK FETCH completed',
    ]);
    const encoded = c.send('a4 FETCH 3 BODY.PEEK[2]');
    expect(Number(/\{(\d+)\}/.exec(encoded)![1])).toBeGreaterThan(CSV.length);
  });

  it('a 7bit part comes as it is stored', () => {
    const { c } = imapSession({ select: true });
    const body = c.send('a3 FETCH 3 BODY.PEEK[1]').replace('BODY[1]', 'BINARY[1]').replace('a3', 'a4');
    expect(c.send('a4 FETCH 3 BINARY.PEEK[1]')).toBe(body);
  });

  it('a partial range counts decoded octets, and the response names its origin', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 UID FETCH 3 BINARY.PEEK[2]<8.3>'))).toEqual([
      '* 3 FETCH (UID 3 BINARY[2]<8> {3}',
      'Day)',
      'a3 OK UID FETCH completed',
    ]);
  });

  it('BINARY[] is the whole message: its header, then its body decoded', () => {
    const { c } = imapSession({ select: true });
    const message = 'Subject: hi\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8sIHdvcmxk\r\n';
    expect(c.send(`b1 APPEND INBOX {${message.length}+}\r\n${message}`)).toMatch(/^\* 7 EXISTS/);
    expect(c.send('a3 FETCH 7 BINARY.PEEK[]')).toContain(
      '{62}\r\nSubject: hi\r\nContent-Transfer-Encoding: base64\r\n\r\nhello, world)',
    );
  });

  it('decodes quoted-printable: =XX octets and soft line breaks (RFC 2045 §6.7)', () => {
    const { c } = imapSession({ select: true });
    const message =
      'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: Quoted-Printable\r\n\r\ncaf=C3=A9 au =\r\nlait\r\n';
    c.send(`b1 APPEND INBOX {${message.length}+}\r\n${message}`);
    expect(c.send('a3 FETCH 7 BINARY.PEEK[1]')).toContain('BINARY[1] {15}\r\ncaf\xc3\xa9 au lait\r\n)');
  });

  it('BINARY[…] sets \\Seen, BINARY.PEEK and BINARY.SIZE do not (RFC 3516 §4.2)', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 FETCH 1 (BINARY.SIZE[1] BINARY.PEEK[1]<0.2>)')).not.toContain('FLAGS');
    expect(c.send('a4 FETCH 1 BINARY[1]<0.2>')).toMatch(
      /^\* 1 FETCH \(BINARY\[1\]<0> \{2\}\r\nHi FLAGS \(\\Seen/,
    );
  });

  it('an unknown encoding refuses the whole FETCH with [UNKNOWN-CTE], changing nothing', () => {
    const { c } = imapSession({ select: true });
    const message = 'Subject: old\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 a\r\n';
    c.send(`b1 APPEND INBOX {${message.length}+}\r\n${message}`);
    const reply = c.send('a3 FETCH 6:7 BINARY[1]');
    expect(reply).toMatch(/^a3 NO \[UNKNOWN-CTE\] /);
    expect(c.send('a4 FETCH 6:7 FLAGS')).not.toContain('\\Seen');
    expect(c.send('a5 FETCH 7 BINARY.SIZE[1]')).toMatch(/^a5 NO \[UNKNOWN-CTE\] /);
    // BODY[] still works: the client can decode it itself (RFC 3516 §6).
    expect(c.send('a6 FETCH 7 BODY.PEEK[1]')).toContain('begin 644 a');
  });

  it.each([
    ['BINARY[1.HEADER]', 'only part numbers'],
    ['BINARY[0]', 'nz-number'],
    ['BINARY[1.]', 'trailing dot'],
    ['BINARY[TEXT]', 'no section text'],
    ['BINARY.SIZE[1]<0.5>', 'no partial for the size'],
    ['BINARY[1]<5.0>', 'empty range'],
    ['BINARY.PEEK', 'no section'],
    ['BINARY[1', 'unclosed'],
  ])('%s is BAD (%s)', (item) => {
    const { c } = imapSession({ select: true });
    expect(c.send(`a3 FETCH 1 ${item}`)).toMatch(/^a3 BAD /);
  });
});

describe('literal8 and APPEND (RFC 3516 §4.4, RFC 9051 §9)', () => {
  it('a literal8 message with NUL octets is stored with that part in base64, and BINARY gives the octets back', () => {
    const { c } = imapSession({ select: true });
    const data = 'a\0b\x01\xff\r\nend';
    expect(appendBinary(c, `Subject: raw\r\n${OCTETS}${data}`)).toMatch(/b1 OK \[APPENDUID \d+ 7\] /);
    expect(c.send('a3 FETCH 7 BINARY.PEEK[1]')).toContain(`BINARY[1] ~{${data.length}}\r\n${data})`);
    const stored = c.send('a4 FETCH 7 BODY.PEEK[]');
    expect(stored).toContain('Content-Transfer-Encoding: base64\r\n\r\n' + btoa(data));
    expect(stored).not.toContain('\0');
    expect(c.send('a5 FETCH 7 BODYSTRUCTURE')).toContain('"BASE64"');
  });

  it('a synchronizing literal8 waits for "+" like a literal', () => {
    const { c } = imapSession();
    const message = 'Subject: x\r\n\r\nhello\r\n';
    expect(c.send(`b1 APPEND INBOX ~{${message.length}}`)).toBe('+ Ready for literal data\r\n');
    expect(c.send(message)).toMatch(/^b1 OK \[APPENDUID /);
  });

  it('a literal8 without NUL is stored as sent', () => {
    const { c, inbox } = imapSession();
    appendBinary(c, 'Subject: x\r\n\r\ncaf\xc3\xa9\r\n');
    expect(inbox.messages.at(-1)!.raw).toBe('Subject: x\r\n\r\ncaf\xc3\xa9\r\n');
  });

  it('a NUL outside a body part cannot be stored: NO [UNKNOWN-CTE], nothing appended', () => {
    const { c, server } = imapSession();
    const before = JSON.stringify(snapshotStore(server.store));
    expect(appendBinary(c, 'Subject: a\0b\r\n\r\nbody\r\n')).toMatch(/^b1 NO \[UNKNOWN-CTE\] /);
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it.each([
    ['a NUL in a literal', 'b1 APPEND INBOX {3+}\r\na\0b'],
    ['a literal8 as a mailbox name', 'b1 SELECT ~{5+}\r\nINBOX'],
    ['a literal8 as a search string', 'b1 SEARCH SUBJECT ~{3+}\r\nabc'],
    ['a literal8 as a LIST pattern', 'b1 LIST "" ~{1+}\r\n*'],
    ['a literal8 as a flag', 'b1 APPEND INBOX (~{3+}\r\nabc) ~{3+}\r\nabc'],
    ['a literal8 as the date', 'b1 APPEND INBOX ~{26+}\r\n07-Feb-1994 22:43:04 -0800 ~{3+}\r\nabc ~'],
    ['a literal8 without its CRLF', 'b1 APPEND INBOX ~{3}abc'],
    ['a tilde without a brace', 'b1 APPEND INBOX ~5'],
  ])('%s is BAD', (_, command) => {
    const { c } = imapSession({ select: true });
    expect(c.send(command)).toMatch(/^b1 BAD /);
  });

  it('before login a literal8 has the same 8 KiB limit as a literal (docs/SECURITY.md)', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 LOGIN ~{9000}')).toMatch(/^a1 NO \[TOOBIG\] /);
    expect(c.send('a2 LOGIN ~{7+}\r\nstudent ~{6+}\r\nsecret')).toMatch(/^a2 BAD /);
  });
});

describe('fuzzing BINARY', () => {
  it('any octets appended as a binary part come back from BINARY exactly', () => {
    const { c } = imapSession({ select: true });
    let n = 6;
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (array) => {
        const data = String.fromCharCode(...array);
        expect(appendBinary(c, OCTETS + data)).toMatch(/b1 OK /);
        n++;
        const reply = c.send(`a3 FETCH ${n} (BINARY.SIZE[1] BINARY.PEEK[1])`);
        const literal = `${data.includes('\0') ? '~' : ''}{${data.length}}`;
        expect(reply).toBe(
          `* ${n} FETCH (BINARY.SIZE[1] ${data.length} BINARY[1] ${literal}\r\n${data})\r\na3 OK FETCH completed\r\n`,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('malformed BINARY items and literal8s get BAD or NO and change nothing', () => {
    const word = fc.constantFrom('BINARY', 'BINARY.PEEK', 'BINARY.SIZE', 'binary', 'BINARY.', '~', '~{', '{');
    const junk = fc.stringMatching(/^[\[\]<>.0-9a-zA-Z ~{}+()\x00]{0,12}$/);
    fc.assert(
      fc.property(word, junk, fc.boolean(), (w, rest, append) => {
        const { c, server } = imapSession({ select: true });
        const before = JSON.stringify(snapshotStore(server.store));
        const command = append ? `a1 APPEND INBOX ${w}${rest}` : `a1 FETCH 1:* (${w}${rest})`;
        const reply = c.send(command);
        const tagged = reply.split('\r\n').filter((l) => l.startsWith('a1 '));
        if (!reply.startsWith('+ ') && !/^a1 OK/m.test(reply)) expect(tagged[0]).toMatch(/^a1 (BAD|NO) /);
        if (!/a1 OK/.test(reply) && !/\bBINARY\[/.test(reply))
          expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
