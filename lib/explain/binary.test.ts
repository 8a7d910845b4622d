import { describe, expect, it } from 'vitest';
import { explainWire } from './index';

/** BINARY lines (RFC 3516; RFC 9051 §6.4.5 once IMAP4rev2 is on), as a student reads them. */
const s2c = (raw: string, rev2 = false) =>
  explainWire({ protocol: 'imap', direction: 's2c', raw, rev2, command: 'FETCH' });
const c2s = (raw: string, command: string, rev2 = false) =>
  explainWire({ protocol: 'imap', direction: 'c2s', raw, rev2, command });

const tokenOf = (e: ReturnType<typeof s2c>, text: string) => e.tokens.find((t) => t.text === text);

describe('explaining BINARY (RFC 3516)', () => {
  it('a literal8 in a FETCH response says why it is ~{n}: the octets hold NUL', () => {
    const e = s2c('* 7 FETCH (BINARY[1] ~{3}\r\na\0b)\r\n');
    expect(tokenOf(e, '~{3}')?.explanation).toMatch(/literal8.*include NUL/);
    expect(tokenOf(e, '~{3}')?.rfc).toBe('RFC 3516 §4.3');
    expect(tokenOf(e, 'a\0b')?.explanation).toMatch(/part 1 .*transfer encoding .* undone/);
    expect(tokenOf(e, 'BINARY[1]')?.rfc).toBe('RFC 3516 §4.3');
    expect(tokenOf(s2c('* 7 FETCH (BINARY[1] {1}\r\na)\r\n', true), 'BINARY[1]')?.rfc).toBe(
      'RFC 9051 §7.5.2',
    );
    expect(
      s2c('* 7 FETCH (BINARY[1] ~{3}\r\na\0b)\r\n', true).tokens.some((t) => t.rfc === 'RFC 9051 §4.3.1'),
    ).toBe(true);
  });

  it('BINARY.SIZE is the decoded size', () => {
    const e = s2c('* 3 FETCH (BINARY.SIZE[2] 140)\r\n');
    expect(tokenOf(e, 'BINARY.SIZE[2]')?.explanation).toMatch(
      /size of part 2 .* transfer encoding is undone/,
    );
    expect(tokenOf(e, '140')?.explanation).toMatch(/BINARY\[2\] returns exactly this many/);
  });

  it('[TOOBIG] cites CATENATE, which defines it, in both revisions: RFC 9051 §7.1 does not list it', () => {
    expect(s2c('a5 NO [TOOBIG] Message too large\r\n').rfc).toBe('RFC 4469 §4.2');
    expect(s2c('a5 NO [TOOBIG] Message too large\r\n', true).rfc).toBe('RFC 4469 §4.2');
  });

  it('[UNKNOWN-CTE] says the client can fetch BODY[] and decode it itself', () => {
    const e = s2c('a3 NO [UNKNOWN-CTE] Unknown Content-Transfer-Encoding in part 1\r\n');
    expect(e.explanation).toMatch(/cannot undo .*BODY\[\]/);
    expect(e.tokens.some((t) => t.rfc === 'RFC 3516 §4.3, §4.4')).toBe(true);
  });

  it('the client’s BINARY items and a literal8 APPEND are explained', () => {
    const fetch = c2s('a3 FETCH 3 (BINARY.PEEK[2]<0.100> BINARY.SIZE[2])\r\n', 'FETCH');
    expect(tokenOf(fetch, 'BINARY.PEEK[2]<0.100>')?.explanation).toMatch(/without setting \\Seen.*undoes/);
    expect(tokenOf(fetch, 'BINARY.SIZE[2]')?.explanation).toMatch(/size of part 2/);
    expect(tokenOf(fetch, 'BINARY.PEEK[2]<0.100>')?.rfc).toBe('RFC 3516 §4.2');
    const rev2 = c2s('a3 FETCH 3 (BINARY.PEEK[2])\r\n', 'FETCH', true);
    expect(tokenOf(rev2, 'BINARY.PEEK[2]')?.rfc).toBe('RFC 9051 §6.4.5');
    const append = c2s('a4 APPEND INBOX ~{5+}\r\na\0bcd\r\n', 'APPEND');
    expect(tokenOf(append, '~{5+}')?.explanation).toMatch(/literal8 .*NUL/);
    expect(tokenOf(append, '~{5+}')?.rfc).toBe('RFC 3516 §4.4');
  });

  it('MULTIAPPEND: the capability, and APPENDUID naming several UIDs', () => {
    const caps = s2c('* CAPABILITY IMAP4rev1 BINARY MULTIAPPEND\r\n');
    expect(tokenOf(caps, 'MULTIAPPEND')?.explanation).toMatch(/several messages, stored all or none/);
    expect(tokenOf(caps, 'BINARY')?.rfc).toBe('RFC 3516 §4.1');
    const ok = s2c('a3 OK [APPENDUID 1772000000 7:9] APPEND completed\r\n');
    expect(ok.explanation).toMatch(/got UIDs 7:9, in the order they were sent/);
    expect(tokenOf(ok, '7:9')?.explanation).toMatch(/the UIDs the new messages got/);
  });

  it('UTF8=ACCEPT: the capability, and the RFC 6855 UTF8 (~{n}) APPEND form', () => {
    const caps = s2c('* CAPABILITY IMAP4rev1 UTF8=ACCEPT\r\n');
    expect(tokenOf(caps, 'UTF8=ACCEPT')?.explanation).toMatch(/UTF-8 instead of modified UTF-7/);
    expect(tokenOf(caps, 'UTF8=ACCEPT')?.rfc).toBe('RFC 9755 §3');
    const append = c2s('a4 APPEND INBOX UTF8 (~{3+}\r\nabc)\r\n', 'APPEND');
    expect(tokenOf(append, 'UTF8')?.explanation).toMatch(/RFC 9755 removed/);
    expect(tokenOf(append, '~{3+}')?.explanation).toMatch(/literal8/);
  });

  it('CATENATE: the capability, the pieces of the APPEND, and [BADURL …]', () => {
    const append = c2s(
      'a3 APPEND Drafts CATENATE (TEXT {3+}\r\nabc URL "/INBOX;UIDVALIDITY=9/;UID=3/;SECTION=2")\r\n',
      'APPEND',
    );
    expect(tokenOf(append, 'CATENATE')?.explanation).toMatch(/built on the server from the pieces/);
    expect(tokenOf(append, 'TEXT')?.explanation).toMatch(/literal that follows/);
    expect(tokenOf(append, 'URL')?.explanation).toMatch(/copied from a message on the server/);
    expect(tokenOf(append, '"/INBOX;UIDVALIDITY=9/;UID=3/;SECTION=2"')?.explanation).toMatch(/IMAP URL/);
    const no = s2c('a3 NO [BADURL /INBOX/;UID=99] CATENATE failed: no message with that UID\r\n');
    expect(no.explanation).toMatch(/could not read the URL \/INBOX\/;UID=99/);
    expect(no.tokens.some((t) => t.rfc === 'RFC 4469 §4.1')).toBe(true);
  });
});
