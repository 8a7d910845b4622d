import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { imapSession, lines } from '../../testing';
import { encodeMutf7 } from '.';

/**
 * Mailbox names on the wire: modified UTF-7 for an IMAP4rev1 session (RFC 3501 §5.1.3), UTF-8
 * once it enabled IMAP4rev2 (RFC 9051 §5.1); the store keeps the Unicode name either way.
 */
describe('mailbox names in modified UTF-7 (RFC 3501 §5.1.3)', () => {
  const names = (server: ReturnType<typeof imapSession>['server']) => [
    ...server.store.getAccount('student')!.mailboxes.keys(),
  ];

  it("stores RFC 3501 §5.1.3's example name as Unicode and lists it encoded", () => {
    const { c, server } = imapSession();
    expect(c.send('a2 CREATE ~peter/mail/&U,BTFw-/&ZeVnLIqe-')).toBe('a2 OK CREATE completed\r\n');
    expect(names(server)).toContain('~peter/mail/台北/日本語');
    expect(lines(c.send('a3 LIST "" "~peter/mail/&U,BTFw-/*"'))[0]).toBe(
      '* LIST (\\HasNoChildren) "/" ~peter/mail/&U,BTFw-/&ZeVnLIqe-',
    );
  });

  it('STATUS, LSUB and SELECT read the encoded name; STATUS and LSUB write it encoded', () => {
    const { c, server } = imapSession();
    c.send('a2 CREATE Entw&APw-rfe');
    expect(names(server)).toContain('Entwürfe');
    expect(lines(c.send('a3 STATUS Entw&APw-rfe (MESSAGES)'))[0]).toBe('* STATUS Entw&APw-rfe (MESSAGES 0)');
    expect(c.send('a4 SUBSCRIBE Entw&APw-rfe')).toBe('a4 OK SUBSCRIBE completed\r\n');
    expect(lines(c.send('a5 LSUB "" Entw*'))[0]).toBe('* LSUB (\\HasNoChildren) "/" Entw&APw-rfe');
    expect(c.send('a6 SELECT "Entw&APw-rfe"')).toMatch(/a6 OK \[READ-WRITE\]/);
  });

  it('writes "&" as "&-" and reads "&-" as "&"', () => {
    const { c, server } = imapSession();
    expect(c.send('a2 CREATE "Tom &- Jerry"')).toBe('a2 OK CREATE completed\r\n');
    expect(names(server)).toContain('Tom & Jerry');
    expect(lines(c.send('a3 LIST "" Tom*'))[0]).toBe('* LIST (\\HasNoChildren) "/" "Tom &- Jerry"');
  });

  it.each([
    ['raw UTF-8 (8-bit octets)', 'Caf\xc3\xa9'],
    ['a bare "&"', '"Tom & Jerry"'],
    ['a "&" without its "-"', 'Entw&APw'],
    ['BASE64 for a printable character', '&AGE-'],
    ['a null shift (two encoded runs side by side)', '&AOk-&AOk-'],
    ['a character outside the modified BASE64 alphabet', '&AP/-'],
  ])('refuses %s with BAD and changes nothing', (_, wire) => {
    const { c, server } = imapSession();
    const before = JSON.stringify(snapshotStore(server.store));
    for (const command of ['CREATE', 'SELECT', 'DELETE', 'SUBSCRIBE', 'STATUS']) {
      const args = command === 'STATUS' ? ' (MESSAGES)' : '';
      expect(c.send(`a2 ${command} ${wire}${args}`)).toBe(
        'a2 BAD The mailbox name is not valid modified UTF-7\r\n',
      );
    }
    expect(c.send(`a3 RENAME INBOX ${wire}`)).toMatch(/^a3 BAD /);
    expect(c.send(`a4 LIST "" ${wire}`)).toBe('a4 BAD The mailbox pattern is not valid modified UTF-7\r\n');
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it('after ENABLE IMAP4rev2, names are UTF-8 both ways (RFC 9051 §5.1)', () => {
    const { c, server } = imapSession();
    c.send('a2 ENABLE IMAP4rev2');
    expect(c.send('a3 CREATE Caf\xc3\xa9')).toBe('a3 OK CREATE completed\r\n');
    expect(names(server)).toContain('Café');
    // 8-bit, so written as a literal (RFC 9051 §4.3), of its five UTF-8 octets.
    expect(c.send('a4 LIST "" Caf*')).toBe(
      '* LIST (\\HasNoChildren) "/" {5}\r\nCaf\xc3\xa9\r\na4 OK LIST completed\r\n',
    );
    expect(c.send('a5 CREATE Caf\xc3')).toBe('a5 BAD The mailbox name is not valid UTF-8\r\n');
    // The same mailbox, to an IMAP4rev1 session: encoded.
    const other = imapSession({ server });
    expect(lines(other.c.send('b1 LIST "" Caf*'))[0]).toBe('* LIST (\\HasNoChildren) "/" Caf&AOk-');
  });

  it('fuzz: any quoted name is created as its decoding, or refused with BAD and nothing changes', () => {
    const printable = fc.constantFrom(...'aZ&-+,/AOk0 ~.'.split(''));
    fc.assert(
      fc.property(fc.array(printable, { minLength: 1, maxLength: 12 }), (chars) => {
        const wire = chars.join('');
        const { c, server } = imapSession();
        const before = JSON.stringify(snapshotStore(server.store));
        const reply = c.send(`a2 CREATE "${wire}"`);
        expect(reply).toMatch(/^a2 (OK|NO|BAD) [^\r\n]*\r\n$/);
        if (reply.startsWith('a2 OK')) {
          const created = names(server).find((n) => encodeMutf7(n) === wire.replace(/\/+$/, ''));
          expect(created).toBeDefined();
        } else if (reply.startsWith('a2 BAD')) {
          expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a refusal that names a Unicode mailbox', () => {
  it('keeps the response text 7-bit (RFC 3501 §9 resp-text)', () => {
    const { c } = imapSession();
    expect(c.send('a2 DELETE &U,BTFw-')).toBe("a2 NO [NONEXISTENT] Mailbox doesn't exist: ??\r\n");
    expect(c.send('a3 APPEND &U,BTFw- {1+}\r\nx')).toBe("a3 NO [TRYCREATE] Mailbox doesn't exist: ??\r\n");
    c.send('a4 CREATE &U,BTFw-');
    expect(c.send('a5 CREATE &U,BTFw-')).toMatch(/^a5 NO \[ALREADYEXISTS\] [\x20-\x7e]*\r\n$/);
  });
});
