import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { connectImap, imapSession, lines } from '../../testing';

/**
 * CONDSTORE (RFC 7162 §3.1), from the RFC's examples and §7's grammar. The seed INBOX holds six
 * messages, UIDs 1–6, appended with mod-sequences 2–7 (the counter starts at 1), so
 * HIGHESTMODSEQ is 7 at first.
 */
function condstore(enable = true) {
  const s = imapSession();
  if (enable) s.c.send('e1 ENABLE CONDSTORE');
  s.c.send('s1 SELECT INBOX');
  return s;
}

describe('CONDSTORE: mod-sequences (RFC 7162 §3.1)', () => {
  it('is advertised, and ENABLE CONDSTORE answers ENABLED (§3.1, RFC 5161)', () => {
    const { c } = imapSession();
    expect(c.send('a0 CAPABILITY')).toMatch(/ CONDSTORE /);
    expect(lines(c.send('a1 ENABLE CONDSTORE'))).toEqual(['* ENABLED CONDSTORE', 'a1 OK ENABLE completed']);
  });

  it('SELECT says HIGHESTMODSEQ once CONDSTORE is on, and not before (§3.1.2.1)', () => {
    const { c } = imapSession();
    expect(c.send('a1 SELECT INBOX')).not.toContain('HIGHESTMODSEQ');
    // The CONDSTORE parameter is a CONDSTORE-enabling command (§3.1.8).
    expect(c.send('a2 SELECT INBOX (CONDSTORE)')).toContain('* OK [HIGHESTMODSEQ 7] Highest\r\n');
    expect(c.send('a3 EXAMINE INBOX')).toContain('* OK [HIGHESTMODSEQ 7] Highest\r\n');
  });

  it('FETCH MODSEQ returns `MODSEQ (n)` (§3.1.4.2), and the counter moves with every change', () => {
    const { c, server } = condstore();
    expect(lines(c.send('a1 FETCH 1:2 (MODSEQ)'))).toEqual([
      '* 1 FETCH (MODSEQ (2))',
      '* 2 FETCH (MODSEQ (3))',
      'a1 OK FETCH completed',
    ]);
    // Another session's flag change arrives with MODSEQ (§3.1) and UID (§3.2.4: "both UID and
    // mod-sequence").
    const other = connectImap(server);
    other.send('o1 LOGIN student secret');
    other.send('o2 SELECT INBOX');
    other.send('o3 STORE 3 +FLAGS (\\Answered)');
    expect(lines(c.send('a2 NOOP'))).toEqual([
      '* 3 FETCH (FLAGS (\\Answered \\Recent) UID 3 MODSEQ (8))',
      'a2 OK NOOP completed',
    ]);
  });

  it('FETCH … (CHANGEDSINCE n) answers only what changed after n, with MODSEQ (§3.1.4.1)', () => {
    const { c } = condstore();
    c.send('a1 STORE 2,5 +FLAGS.SILENT (\\Seen)');
    expect(lines(c.send('a2 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 7)'))).toEqual([
      '* 2 FETCH (UID 2 FLAGS (\\Seen \\Recent) MODSEQ (8))',
      '* 5 FETCH (UID 5 FLAGS (\\Seen \\Recent) MODSEQ (9))',
      'a2 OK UID FETCH completed',
    ]);
    expect(c.send('a3 FETCH 1:* (FLAGS) (CHANGEDSINCE 9)')).toBe('a3 OK FETCH completed\r\n');
  });

  it('STORE … (UNCHANGEDSINCE n): changed messages are left alone and named in MODIFIED (§3.1.3)', () => {
    const { c, inbox } = condstore();
    c.send('a1 STORE 3 +FLAGS.SILENT (\\Flagged)'); // message 3 now at mod-sequence 8
    // §3.1.3's example: .SILENT, yet each message stored is reported with its new MODSEQ.
    expect(lines(c.send('a2 STORE 1:4 (UNCHANGEDSINCE 7) +FLAGS.SILENT (\\Deleted)'))).toEqual([
      '* 1 FETCH (UID 1 MODSEQ (9))',
      '* 2 FETCH (UID 2 MODSEQ (10))',
      '* 4 FETCH (UID 4 MODSEQ (11))',
      'a2 OK [MODIFIED 3] STORE completed',
    ]);
    expect(inbox.messages[2]!.flags.has('\\Deleted')).toBe(false);
    // UID STORE names UIDs; UNCHANGEDSINCE 0 fails for every message (§3.1.3).
    expect(c.send('a3 UID STORE 5:6 (UNCHANGEDSINCE 0) FLAGS (\\Seen)')).toBe(
      'a3 OK [MODIFIED 5:6] UID STORE completed\r\n',
    );
  });

  it('SEARCH MODSEQ finds messages changed at or after n and reports the highest (§3.1.5, §3.1.6)', () => {
    const { c } = condstore();
    c.send('a1 STORE 4 +FLAGS.SILENT (\\Seen)'); // mod-sequence 8
    expect(c.send('a2 SEARCH MODSEQ 7')).toBe('* SEARCH 4 6 (MODSEQ 8)\r\na2 OK SEARCH completed\r\n');
    expect(c.send('a3 UID SEARCH MODSEQ "/flags/\\\\Seen" all 8')).toContain('* SEARCH 4 (MODSEQ 8)\r\n');
    expect(c.send('a4 SEARCH RETURN (ALL) MODSEQ 2')).toContain('* ESEARCH (TAG "a4") ALL 1:6 MODSEQ 8\r\n');
    // Nothing found: no MODSEQ (§3.1.6).
    expect(c.send('a5 SEARCH MODSEQ 9')).toBe('* SEARCH\r\na5 OK SEARCH completed\r\n');
  });

  it('STATUS HIGHESTMODSEQ (§3.1.7)', () => {
    const { c } = imapSession();
    expect(c.send('a1 STATUS INBOX (MESSAGES HIGHESTMODSEQ)')).toBe(
      '* STATUS INBOX (MESSAGES 6 HIGHESTMODSEQ 7)\r\na1 OK STATUS completed\r\n',
    );
  });

  it('an implicit \\Seen carries MODSEQ too once enabled (§3.1)', () => {
    const { c } = condstore();
    expect(c.send('a1 FETCH 1 (BODY[HEADER.FIELDS (SUBJECT)])')).toContain(
      ' FLAGS (\\Seen \\Recent) UID 1 MODSEQ (8))',
    );
  });

  it.each([
    ['CHANGEDSINCE 0 (a mod-sequence-value is at least 1)', 'a1 FETCH 1 (FLAGS) (CHANGEDSINCE 0)'],
    ['a quoted mod-sequence', 'a1 FETCH 1 (FLAGS) (CHANGEDSINCE "5")'],
    ['a mod-sequence past 2^63 - 1', 'a1 FETCH 1 (FLAGS) (CHANGEDSINCE 9223372036854775808)'],
    ['CHANGEDSINCE without a value', 'a1 FETCH 1 (FLAGS) (CHANGEDSINCE)'],
    ['CHANGEDSINCE twice', 'a1 FETCH 1 (FLAGS) (CHANGEDSINCE 1 CHANGEDSINCE 2)'],
    ['UNCHANGEDSINCE with a sign', 'a1 STORE 1 (UNCHANGEDSINCE -1) +FLAGS (\\Seen)'],
    ['MODSEQ without a value', 'a1 SEARCH MODSEQ'],
    ['MODSEQ with a bad entry type', 'a1 SEARCH MODSEQ "/flags/\\\\Seen" mine 5'],
    ['MODSEQ with an entry name that is not a flag entry', 'a1 SEARCH MODSEQ "/other/x" all 5'],
    ['a CONDSTORE parameter with a value', 'a1 SELECT INBOX (CONDSTORE 1)'],
  ])('BAD, changing nothing: %s (§7)', (_why, command) => {
    const { c, server } = condstore();
    const before = JSON.stringify(snapshotStore(server.store));
    expect(c.send(command)).toMatch(/^a1 BAD /);
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it('accepts the largest mod-sequence (2^63 - 1) and finds nothing newer', () => {
    const { c } = condstore();
    expect(c.send('a1 FETCH 1:* (FLAGS) (CHANGEDSINCE 9223372036854775807)')).toBe(
      'a1 OK FETCH completed\r\n',
    );
  });
});

describe('CONDSTORE fuzzed (RFC 7162 §7 grammar)', () => {
  it('any modifier, key or parameter text gets one tagged reply, and a refusal changes nothing', () => {
    const value = fc.oneof(
      fc.constantFrom(
        '0',
        '1',
        '7',
        '9223372036854775807',
        '9223372036854775808',
        '-1',
        '"3"',
        '()',
        'x',
        '',
      ),
      fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String),
    );
    const command = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('FETCH 1:*', 'UID FETCH 1:*'),
          fc.constantFrom('(FLAGS)', 'MODSEQ', '(UID MODSEQ)'),
          value,
        )
        .map(([c, items, v]) => `${c} ${items} (CHANGEDSINCE ${v})`),
      fc
        .tuple(fc.constantFrom('STORE 1:3', 'UID STORE 2:*'), value)
        .map(([c, v]) => `${c} (UNCHANGEDSINCE ${v}) +FLAGS (\\Seen)`),
      value.map((v) => `SEARCH MODSEQ ${v}`),
      fc
        .tuple(
          fc.constantFrom('"/flags/\\\\Seen"', '"/flags/x"', '/flags/x', '""'),
          fc.constantFrom('all', 'priv', 'shared', 'both'),
          value,
        )
        .map(([n, t, v]) => `UID SEARCH MODSEQ ${n} ${t} ${v}`),
      fc.string({ maxLength: 30 }).map((s) => `FETCH 1 (FLAGS) (${s.replace(/[\r\n]/g, '')})`),
      fc.string({ maxLength: 30 }).map((s) => `STORE 1 (${s.replace(/[\r\n]/g, '')}) +FLAGS (\\Seen)`),
    );
    fc.assert(
      fc.property(command, (cmd) => {
        const { c, server } = condstore();
        const before = JSON.stringify(snapshotStore(server.store));
        const reply = c.send(`a9 ${cmd}`);
        expect(reply).toMatch(/(^|\r\n)a9 (OK|NO|BAD) [^\r\n]*\r\n$/);
        if (!/(^|\r\n)a9 OK/.test(reply)) expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
