import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { isUtf8 } from '../../parser';
import { connectImap, imapSession, imapTestServer, lines } from '../../testing';

/** UTF8=ACCEPT (RFC 9755, obsoleting RFC 6855): ENABLE, UTF-8 quoted strings and names, APPEND. */
const CAFE = 'Caf\xc3\xa9'; // "Café" as UTF-8 octets
const UTF8_HEADERS = `From: ${CAFE} <a@b.example>\r\nSubject: ${CAFE}\r\n\r\nbody\r\n`;

function enabled() {
  const s = imapSession();
  expect(s.c.send('e1 ENABLE UTF8=ACCEPT')).toBe('* ENABLED UTF8=ACCEPT\r\ne1 OK ENABLE completed\r\n');
  return s;
}

describe('UTF8=ACCEPT (RFC 9755)', () => {
  it('is advertised, and ENABLE is valid only after login (§3)', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a0 CAPABILITY')).toMatch(/ UTF8=ACCEPT[ \r]/);
    expect(c.send('a1 ENABLE UTF8=ACCEPT')).toMatch(/^a1 BAD /);
  });

  it('mailbox names: modified UTF-7 before ENABLE, UTF-8 both ways after (§3)', () => {
    const { c } = imapSession();
    expect(c.send('a2 CREATE "Caf&AOk-"')).toBe('a2 OK CREATE completed\r\n');
    expect(lines(c.send('a3 LIST "" Caf*'))[0]).toBe('* LIST (\\HasNoChildren) "/" Caf&AOk-');
    expect(c.send('e1 ENABLE UTF8=ACCEPT')).toContain('* ENABLED UTF8=ACCEPT');
    expect(c.send('a4 LIST "" Caf*')).toBe(
      `* LIST (\\HasNoChildren) "/" {5}\r\n${CAFE}\r\na4 OK LIST completed\r\n`,
    );
    expect(c.send(`a5 SELECT "${CAFE}"`)).toMatch(/a5 OK \[READ-WRITE\]/);
    expect(c.send(`a6 CREATE "${CAFE}/Entw\xc3\xbcrfe"`)).toBe('a6 OK CREATE completed\r\n');
  });

  it('a quoted UTF-8 mailbox name is accepted before ENABLE too (§3), and LIST still answers in modified UTF-7', () => {
    const { c, server } = imapSession();
    expect(c.send(`a2 CREATE "${CAFE}"`)).toBe('a2 OK CREATE completed\r\n');
    expect(server.store.getAccount('student')!.getMailbox('Café')).toBeDefined();
    expect(lines(c.send(`a3 LIST "" "Caf${'\xc3\xa9'}"`))[0]).toBe('* LIST (\\HasNoChildren) "/" Caf&AOk-');
    // An atom is no string: 8-bit octets there stay BAD (RFC 3501 §9, ATOM-CHAR is 7-bit).
    expect(c.send(`a4 SELECT ${CAFE}`)).toMatch(/^a4 BAD /);
  });

  it('a quoted string may hold UTF-8: SEARCH finds "Café" with no CHARSET', () => {
    const { c } = enabled();
    c.send(`b1 APPEND INBOX {${UTF8_HEADERS.length}+}\r\n${UTF8_HEADERS}`);
    c.send('a2 SELECT INBOX');
    expect(c.send(`a3 SEARCH SUBJECT "${CAFE}"`)).toMatch(/^\* SEARCH 7\r\n/);
  });

  it.each([
    ['a lone continuation octet', 'Caf\xa9'],
    ['a truncated sequence', 'Caf\xc3'],
    ['an overlong encoding', '\xc0\xaf'],
    ['a surrogate', '\xed\xa0\x80'],
  ])('malformed UTF-8 in a quoted string (%s) is BAD, enabled or not (§3)', (_, bytes) => {
    for (const s of [imapSession({ select: true }), enabled()]) {
      s.c.send('a1 SELECT INBOX');
      expect(s.c.send(`a2 SEARCH SUBJECT "${bytes}"`)).toMatch(/^a2 BAD /);
      expect(s.c.send(`a3 CREATE "${bytes}"`)).toMatch(/^a3 BAD /);
    }
  });

  it('SEARCH with a CHARSET is BAD once UTF-8 is on (§3), and fine before', () => {
    const before = imapSession({ select: true });
    expect(before.c.send('a3 SEARCH CHARSET UTF-8 ALL')).toMatch(/^\* SEARCH 1 2 3 4 5 6\r\na3 OK/);
    const after = enabled();
    after.c.send('a2 SELECT INBOX');
    expect(after.c.send('a3 SEARCH CHARSET UTF-8 ALL')).toMatch(/^a3 BAD /);
  });

  it('APPEND with 8-bit header fields is NO before ENABLE and stored after (§4)', () => {
    const { c, server } = imapSession();
    const snapshot = JSON.stringify(snapshotStore(server.store));
    expect(c.send(`b1 APPEND INBOX {${UTF8_HEADERS.length}+}\r\n${UTF8_HEADERS}`)).toMatch(/^b1 NO /);
    expect(JSON.stringify(snapshotStore(server.store))).toBe(snapshot);
    // 8-bit octets in the body alone are fine (8BITMIME content).
    const body = `Subject: x\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${CAFE}\r\n`;
    expect(c.send(`b2 APPEND INBOX {${body.length}+}\r\n${body}`)).toMatch(/^b2 OK /);
    expect(c.send('e1 ENABLE UTF8=ACCEPT')).toContain('ENABLED');
    expect(c.send(`b3 APPEND INBOX {${UTF8_HEADERS.length}+}\r\n${UTF8_HEADERS}`)).toMatch(
      /^b3 OK \[APPENDUID /,
    );
  });

  it('IMAP4rev2 allows UTF-8 headers too (RFC 9051 includes this extension)', () => {
    const { c } = imapSession();
    c.send('e1 ENABLE IMAP4rev2');
    expect(c.send(`b1 APPEND INBOX {${UTF8_HEADERS.length}+}\r\n${UTF8_HEADERS}`)).toMatch(/^b1 OK /);
  });

  it('the RFC 6855 form APPEND … UTF8 (~{n}) is read once enabled (RFC 9755 removed it)', () => {
    const { c, inbox } = enabled();
    expect(c.send(`b1 APPEND INBOX (\\Seen) UTF8 (~{${UTF8_HEADERS.length}+}\r\n${UTF8_HEADERS})`)).toMatch(
      /^b1 OK \[APPENDUID \d+ 7\] /,
    );
    expect(inbox.messages.at(-1)!.raw).toBe(UTF8_HEADERS);
    // With MULTIAPPEND, forms mix.
    expect(c.send(`b2 APPEND INBOX UTF8 (~{3+}\r\nabc) {3+}\r\ndef`)).toMatch(
      /^b2 OK \[APPENDUID \d+ 8:9\] /,
    );
  });

  it.each([
    ['before ENABLE', 'UTF8 (~{3+}\r\nabc)', false],
    ['a literal, not a literal8', 'UTF8 ({3+}\r\nabc)', true],
    ['two literal8s', 'UTF8 (~{3+}\r\nabc ~{3+}\r\ndef)', true],
    ['no parentheses', 'UTF8 ~{3+}\r\nabc', true],
    ['an empty list', 'UTF8 ()', true],
    ['nothing after UTF8', 'UTF8', true],
  ])('UTF8 data %s is BAD, and nothing is stored', (_, data, enable) => {
    const { c, inbox } = enable ? enabled() : imapSession();
    const before = inbox.messages.length;
    expect(c.send(`b1 APPEND INBOX ${data}`)).toMatch(/^b1 BAD /);
    expect(inbox.messages.length).toBe(before);
  });

  it('fuzzing: quoted strings of any octets get OK or BAD, never a crash, and BAD changes nothing', () => {
    const octets = fc
      .uint8Array({ maxLength: 12 })
      .map((a) => String.fromCharCode(...a).replace(/[\r\n"\\\0]/g, 'x'));
    fc.assert(
      fc.property(octets, fc.boolean(), (text, on) => {
        const { c, server } = on ? enabled() : imapSession();
        const before = JSON.stringify(snapshotStore(server.store));
        const reply = c.send(`a1 CREATE "z${text}"`);
        expect(reply).toMatch(/^a1 (OK|BAD|NO) /);
        if (!reply.startsWith('a1 OK')) expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
        // Well-formed UTF-8 in a quoted name is accepted either way (§3); anything else 8-bit is BAD.
        if (/[\x80-\xff]/.test(text) && !isUtf8(text)) expect(reply).toMatch(/^a1 BAD /);
      }),
      { numRuns: 200 },
    );
  });
});
