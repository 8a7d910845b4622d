import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { imapSession, lines } from '../../testing';

describe('LIST-EXTENDED (RFC 5258) and LIST-STATUS (RFC 5819)', () => {
  it('are advertised to IMAP4rev1 clients, which may then use the extended forms', () => {
    const { c } = imapSession();
    expect(c.send('a2 CAPABILITY')).toMatch(/ LIST-EXTENDED LIST-STATUS[ \r]/);
  });

  it('(SUBSCRIBED) lists subscribed names, \\NonExistent for one without a mailbox (§3.1)', () => {
    const { c } = imapSession();
    c.send('a2 CREATE Foo/Bar');
    c.send('a3 SUBSCRIBE Foo/Bar');
    c.send('a4 DELETE Foo/Bar');
    expect(lines(c.send('a5 LIST (SUBSCRIBED) "" "*"'))).toContain(
      '* LIST (\\NonExistent \\Subscribed) "/" Foo/Bar',
    );
    // RECURSIVEMATCH: a parent not subscribed itself is listed for its subscribed child (§3.5).
    expect(lines(c.send('a6 LIST (SUBSCRIBED RECURSIVEMATCH) "" "%"'))).toContain(
      '* LIST (\\HasNoChildren) "/" Foo ("CHILDINFO" ("SUBSCRIBED"))',
    );
  });

  it('several patterns in parentheses, and RETURN (STATUS …) after each LIST line (RFC 5819 §2)', () => {
    const { c } = imapSession();
    expect(lines(c.send('a2 LIST "" ("INBOX" "Tr*") RETURN (STATUS (MESSAGES UNSEEN))'))).toEqual([
      '* LIST (\\HasNoChildren) "/" INBOX',
      '* STATUS INBOX (MESSAGES 6 UNSEEN 6)',
      '* LIST (\\HasNoChildren \\Trash) "/" Trash',
      '* STATUS Trash (MESSAGES 0 UNSEEN 0)',
      'a2 OK LIST completed',
    ]);
  });

  it('no STATUS for a name that cannot be selected (RFC 5819 §2)', () => {
    const { c } = imapSession();
    c.send('a2 CREATE Archive/2024');
    c.send('a3 DELETE Archive');
    expect(lines(c.send('a4 LIST "" "Archive*" RETURN (STATUS (MESSAGES))'))).toEqual([
      '* LIST (\\Noselect \\HasChildren) "/" Archive',
      '* LIST (\\HasNoChildren) "/" Archive/2024',
      '* STATUS Archive/2024 (MESSAGES 0)',
      'a4 OK LIST completed',
    ]);
  });

  it.each([
    [
      'RECURSIVEMATCH alone (§3.1)',
      'a2 LIST (RECURSIVEMATCH) "" "%"',
      'a2 BAD RECURSIVEMATCH must be used together with SUBSCRIBED',
    ],
    ['an unknown selection option (§3)', 'a2 LIST (FANCY) "" "%"', 'a2 BAD Unknown selection option: FANCY'],
    ['an unknown return option (§3)', 'a2 LIST "" "%" RETURN (FANCY)', 'a2 BAD Unknown return option: FANCY'],
    ['STATUS without its items', 'a2 LIST "" "%" RETURN (STATUS)', 'a2 BAD STATUS needs a list of items'],
    ['an unknown status item', 'a2 LIST "" "%" RETURN (STATUS (FANCY))', 'a2 BAD Unknown status item: FANCY'],
    ['an empty pattern list', 'a2 LIST "" ()', 'a2 BAD Expected a mailbox pattern'],
  ])('refuses %s', (_, command, answer) => {
    const { c } = imapSession();
    expect(c.send(command)).toBe(answer + '\r\n');
  });

  it('fuzzed: any option lists get LIST (and STATUS) data and one tagged OK or BAD; nothing changes', () => {
    const word = fc.constantFrom(
      'SUBSCRIBED',
      'REMOTE',
      'RECURSIVEMATCH',
      'SPECIAL-USE',
      'CHILDREN',
      'STATUS',
      '(MESSAGES)',
      '(UNSEEN SIZE)',
      '()',
      'RETURN',
      'x',
      '"*"',
      '%',
      '(',
      ')',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), fc.array(word, { maxLength: 5 }), (sel, ret) => {
        const { c, server } = imapSession();
        const before = JSON.stringify(snapshotStore(server.store));
        const reply = c.send(`a9 LIST (${sel.join(' ')}) "" "*" RETURN (${ret.join(' ')})`);
        expect(reply).toMatch(/^(\* (LIST|STATUS) [^\r\n]*\r\n)*a9 (OK|BAD) [^\r\n]*\r\n$/);
        expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
