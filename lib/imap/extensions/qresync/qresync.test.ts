import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { connectImap, imapSession, lines } from '../../testing';

/**
 * QRESYNC (RFC 7162 §3.2), from the RFC's examples and §7's grammar. The seed INBOX: UIDs 1–6,
 * UIDVALIDITY 1700000000, HIGHESTMODSEQ 7. `away()` plays "the phone was away": another session
 * flags UID 3, deletes UIDs 2 and 5, and a new message (UID 7) arrives.
 */
function away() {
  const s = imapSession();
  const laptop = connectImap(s.server);
  laptop.send('l1 LOGIN student secret');
  laptop.send('l2 SELECT INBOX');
  laptop.send('l3 UID STORE 3 +FLAGS.SILENT (\\Flagged)'); // mod-sequence 8
  laptop.send('l4 UID STORE 2,5 +FLAGS.SILENT (\\Deleted)'); // 9, 10
  laptop.send('l5 EXPUNGE'); // 11
  laptop.send('l6 APPEND INBOX {20}\r\nSubject: new\r\n\r\nhi\r\n'); // 12
  return s;
}

describe('QRESYNC: resync in one SELECT (RFC 7162 §3.2)', () => {
  it('is advertised; ENABLE QRESYNC turns CONDSTORE on too (§3.2.3)', () => {
    const { c } = imapSession();
    expect(c.send('a0 CAPABILITY')).toMatch(/ CONDSTORE QRESYNC /);
    expect(lines(c.send('a1 ENABLE QRESYNC'))).toEqual(['* ENABLED QRESYNC', 'a1 OK ENABLE completed']);
    expect(c.send('a2 SELECT INBOX')).toContain('* OK [HIGHESTMODSEQ 7] Highest\r\n');
  });

  it('SELECT (QRESYNC (uidvalidity modseq)) answers VANISHED (EARLIER), then the changed messages (§3.2.5)', () => {
    const { c } = away();
    c.send('a1 ENABLE QRESYNC');
    const reply = lines(c.send('a2 SELECT INBOX (QRESYNC (1700000000 7))'));
    expect(reply.slice(-6)).toEqual([
      '* OK [HIGHESTMODSEQ 12] Highest',
      '* OK [URLMECH INTERNAL] URLAUTH mechanisms',
      '* VANISHED (EARLIER) 2,5',
      '* 2 FETCH (UID 3 FLAGS (\\Flagged) MODSEQ (8))',
      // UID 7 is not \\Recent here: the laptop, selected when it came, was first to see it.
      '* 5 FETCH (UID 7 FLAGS () MODSEQ (12))',
      'a2 OK [READ-WRITE] SELECT completed',
    ]);
    expect(reply).toContain('* 5 EXISTS');
  });

  it('known UIDs limit VANISHED (§3.2.5.1); sequence match data is checked (§3.2.5.2)', () => {
    const { c } = away();
    c.send('a1 ENABLE QRESYNC');
    const reply = c.send('a2 EXAMINE INBOX (QRESYNC (1700000000 7 1:4 (1:3 1,3:4)))');
    expect(reply).toContain('* VANISHED (EARLIER) 2\r\n');
    expect(reply).not.toContain('VANISHED (EARLIER) 2,5');
  });

  it('another UIDVALIDITY: the rest of the parameters is ignored (§3.2.5.1)', () => {
    const { c } = away();
    c.send('a1 ENABLE QRESYNC');
    const reply = c.send('a2 SELECT INBOX (QRESYNC (42 7))');
    expect(reply).not.toMatch(/VANISHED|FETCH/);
    expect(reply).toMatch(/a2 OK \[READ-WRITE\]/);
  });

  it('UID FETCH … (CHANGEDSINCE n VANISHED) names what went, `*` reaching the newest UIDs (§3.2.6)', () => {
    const { c, server } = imapSession();
    c.send('a1 ENABLE QRESYNC');
    c.send('a2 SELECT INBOX');
    const laptop = connectImap(server);
    laptop.send('l1 LOGIN student secret');
    laptop.send('l2 SELECT INBOX');
    laptop.send('l3 UID STORE 6 +FLAGS.SILENT (\\Deleted)');
    laptop.send('l4 EXPUNGE');
    c.send('a3 NOOP'); // told: * VANISHED 6
    expect(lines(c.send('a4 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 7 VANISHED)'))).toEqual([
      '* VANISHED (EARLIER) 6',
      'a4 OK UID FETCH completed',
    ]);
  });

  it('a message not yet reported gone is answered as it stands, its VANISHED after (§3.2.6, §3.2.10.2)', () => {
    const { c, server } = imapSession();
    c.send('a1 ENABLE QRESYNC');
    c.send('a2 SELECT INBOX');
    const laptop = connectImap(server);
    laptop.send('l1 LOGIN student secret');
    laptop.send('l2 SELECT INBOX');
    laptop.send('l3 UID STORE 6 +FLAGS.SILENT (\\Deleted)');
    laptop.send('l4 EXPUNGE');
    expect(lines(c.send('a3 UID FETCH 6 (FLAGS) (CHANGEDSINCE 7 VANISHED)'))).toEqual([
      '* 6 FETCH (UID 6 FLAGS (\\Deleted \\Recent) MODSEQ (8))',
      '* VANISHED 6',
      'a3 OK UID FETCH completed',
    ]);
  });

  it('once enabled, VANISHED replaces EXPUNGE (§3.2.10.2), and SELECT says [CLOSED] (§3.2.11)', () => {
    const { c } = imapSession();
    c.send('a1 ENABLE QRESYNC');
    c.send('a2 SELECT INBOX');
    c.send('a3 STORE 2:3 +FLAGS.SILENT (\\Deleted)');
    // §3.2.7: with QRESYNC enabled and a message expunged, the tagged OK carries HIGHESTMODSEQ
    // (the two flag changes made 8 and 9, the expunge 10).
    expect(lines(c.send('a4 EXPUNGE'))).toEqual([
      '* VANISHED 2:3',
      'a4 OK [HIGHESTMODSEQ 10] EXPUNGE completed',
    ]);
    expect(c.send('a5 SELECT INBOX')).toMatch(/^\* OK \[CLOSED\] /);
  });

  it('EXPUNGE and UID EXPUNGE end with OK [HIGHESTMODSEQ n] once QRESYNC is on and something went (§3.2.7, §3.2.9)', () => {
    const { c } = imapSession();
    c.send('a1 ENABLE QRESYNC');
    c.send('a2 SELECT INBOX');
    // Nothing expunged: no code ("If at least one message got expunged").
    expect(c.send('a3 EXPUNGE')).toBe('a3 OK EXPUNGE completed\r\n');
    c.send('a4 UID STORE 4,6 +FLAGS.SILENT (\\Deleted)'); // 8, 9
    expect(lines(c.send('a5 UID EXPUNGE 6'))).toEqual([
      '* VANISHED 6',
      'a5 OK [HIGHESTMODSEQ 10] UID EXPUNGE completed',
    ]);
    // CLOSE expunges too, but "MUST NOT send the updated per-mailbox modification sequence" (§3.2.8).
    expect(c.send('a6 CLOSE')).toBe('a6 OK CLOSE completed\r\n');
    // Without QRESYNC the code is optional (§3.2.7's note); this server leaves it out.
    const plain = imapSession({ select: true });
    plain.c.send('b1 STORE 1 +FLAGS.SILENT (\\Deleted)');
    expect(lines(plain.c.send('b2 EXPUNGE'))).toEqual(['* 1 EXPUNGE', 'b2 OK EXPUNGE completed']);
  });

  // §3.2.11: "A server that advertises "QRESYNC" or "CONDSTORE" in the capability string must
  // return the CLOSED response code in this case, whether or not a CONDSTORE enabling command was
  // issued", the case being "when the currently selected mailbox is closed implicitly using the
  // SELECT/EXAMINE command on another mailbox". This server advertises both: an IMAP4rev1 session
  // that enabled nothing hears it too.
  it('SELECT and EXAMINE say [CLOSED] when they close a mailbox, in every session (§3.2.11)', () => {
    const { c } = imapSession();
    expect(c.send('a1 SELECT INBOX')).not.toContain('CLOSED'); // nothing was selected
    const again = lines(c.send('a2 EXAMINE INBOX'));
    // "all responses before the CLOSED response code relate to the mailbox that was closed, and
    // all subsequent responses relate to the newly opened mailbox": it comes first.
    expect(again[0]).toBe('* OK [CLOSED] Previous mailbox is now closed');
    expect(again.filter((l) => l.includes('[CLOSED]'))).toHaveLength(1);
    expect(again.at(-1)).toBe('a2 OK [READ-ONLY] EXAMINE completed');
    expect(lines(c.send('a3 SELECT Sent'))[0]).toBe('* OK [CLOSED] Previous mailbox is now closed');
    // A SELECT that fails closes the mailbox too (RFC 9051 §6.3.2: "if a mailbox is selected and a
    // SELECT command that fails is attempted, no mailbox is selected").
    expect(lines(c.send('a4 SELECT Nowhere'))).toEqual([
      '* OK [CLOSED] Previous mailbox is now closed',
      "a4 NO [NONEXISTENT] Mailbox doesn't exist: Nowhere",
    ]);
    expect(c.send('a5 SELECT Nowhere')).toBe("a5 NO [NONEXISTENT] Mailbox doesn't exist: Nowhere\r\n");
    // "There is no need to return the CLOSED response code on completion of the CLOSE or the
    // UNSELECT [UNSELECT] command": the tagged OK says it, and this server adds nothing.
    c.send('a6 SELECT INBOX');
    expect(c.send('a7 UNSELECT')).toBe('a7 OK UNSELECT completed\r\n');
    c.send('a8 SELECT INBOX');
    expect(c.send('a9 CLOSE')).toBe('a9 OK CLOSE completed\r\n');
  });

  it.each([
    [
      'QRESYNC before ENABLE QRESYNC (§3.2.5: MUST be BAD)',
      false,
      'a1 SELECT INBOX (QRESYNC (1700000000 7))',
    ],
    ['VANISHED before ENABLE QRESYNC', false, 'a1 UID FETCH 1:* FLAGS (CHANGEDSINCE 1 VANISHED)'],
    ['VANISHED without CHANGEDSINCE (§3.2.6)', true, 'a1 UID FETCH 1:* FLAGS (VANISHED)'],
    ['VANISHED in a FETCH by sequence number', true, 'a1 FETCH 1:* FLAGS (CHANGEDSINCE 1 VANISHED)'],
    ['QRESYNC without its list', true, 'a1 SELECT INBOX (QRESYNC)'],
    ['a mod-sequence of 0', true, 'a1 SELECT INBOX (QRESYNC (1700000000 0))'],
    ['a UIDVALIDITY of 0', true, 'a1 SELECT INBOX (QRESYNC (0 7))'],
    ['known UIDs with *', true, 'a1 SELECT INBOX (QRESYNC (1700000000 7 1:*))'],
    ['sequence match sets of different sizes', true, 'a1 SELECT INBOX (QRESYNC (1700000000 7 1:6 (1:2 1)))'],
    ['too many QRESYNC values', true, 'a1 SELECT INBOX (QRESYNC (1700000000 7 1:6 (1 1) 9))'],
  ])('BAD, changing nothing: %s', (_why, enable, command) => {
    const { c, server } = imapSession();
    if (enable) c.send('e1 ENABLE QRESYNC');
    if (command.includes('FETCH')) c.send('s1 SELECT INBOX');
    const before = JSON.stringify(snapshotStore(server.store));
    expect(c.send(command)).toMatch(/^a1 BAD /);
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });
});

describe('QRESYNC fuzzed (RFC 7162 §7 grammar)', () => {
  it('any QRESYNC parameter list gets one tagged reply, and a refusal selects nothing new', () => {
    const part = fc.constantFrom(
      '1700000000',
      '42',
      '0',
      '7',
      '1',
      '9223372036854775808',
      '1:6',
      '1:*',
      '$',
      '(1:2 1,3)',
      '(1 2 3)',
      '()',
      '"7"',
      'x',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), fc.boolean(), (parts, examine) => {
        const { c, server } = imapSession();
        c.send('e1 ENABLE QRESYNC');
        const before = JSON.stringify(snapshotStore(server.store));
        const reply = c.send(`a9 ${examine ? 'EXAMINE' : 'SELECT'} INBOX (QRESYNC (${parts.join(' ')}))`);
        expect(reply).toMatch(/(^|\r\n)a9 (OK|NO|BAD) [^\r\n]*\r\n$/);
        if (/(^|\r\n)a9 BAD/.test(reply)) expect(reply).toMatch(/^a9 BAD/);
        expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
