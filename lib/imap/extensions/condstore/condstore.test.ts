import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { connectImap, imapSession, lines } from '../../testing';
import { pagePositions, parsePartialRange } from '../partial';

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

describe('a refused command turns nothing on', () => {
  it('a STORE or SEARCH refused with BAD or NO sends no HIGHESTMODSEQ; the next enabling command does (§3.1)', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 STORE 99 (UNCHANGEDSINCE 5) +FLAGS (\\Seen)'))).toEqual([
      'a3 BAD Invalid message sequence number',
    ]);
    expect(lines(c.send('a4 SEARCH CHARSET KOI8-R MODSEQ 1'))).toEqual([
      'a4 NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset',
    ]);
    expect(lines(c.send('a5 FETCH 1 (MODSEQ)'))[0]).toBe('* OK [HIGHESTMODSEQ 7] Highest');
  });
});

describe('MODSEQ in ESEARCH is that of the messages returned (RFC 7162 §3.1.10, RFC 4731 §3.2)', () => {
  it.each([
    // Messages 2 and 4 flagged: mod-sequences 8 and 9; every other message keeps its own.
    ['MIN', 'MIN 2 MODSEQ 8'],
    ['MAX', 'MAX 4 MODSEQ 9'],
    ['MIN MAX', 'MIN 2 MAX 4 MODSEQ 9'],
    ['COUNT', 'COUNT 2 MODSEQ 9'],
  ])('SEARCH RETURN (%s) … MODSEQ', (options, data) => {
    const { c } = imapSession({ select: true });
    c.send('f1 STORE 2 +FLAGS.SILENT (\\Flagged)');
    c.send('f2 STORE 4 +FLAGS.SILENT (\\Flagged)');
    expect(lines(c.send(`a3 SEARCH RETURN (${options}) FLAGGED MODSEQ 1`)).at(-2)).toBe(
      `* ESEARCH (TAG "a3") ${data}`,
    );
  });
});

describe('the first CONDSTORE enabling command with a mailbox selected (RFC 7162 §3.1)', () => {
  // §3.1: "A first CONDSTORE enabling command executed in the session with a mailbox selected MUST
  // cause the server to return HIGHESTMODSEQ (Section 3.1.2.1) for the mailbox (if any is
  // selected), unless the server has sent a NOMODSEQ (Section 3.1.2.2) response code when the
  // currently selected mailbox was selected." This server never sends NOMODSEQ.
  it.each([
    ['FETCH with the MODSEQ item', 'FETCH 1 (MODSEQ)', '* 1 FETCH (MODSEQ (2))'],
    ['FETCH with CHANGEDSINCE', 'UID FETCH 1:* (FLAGS) (CHANGEDSINCE 7)', null],
    ['SEARCH with the MODSEQ key', 'SEARCH MODSEQ 7', '* SEARCH 6 (MODSEQ 7)'],
    [
      'STATUS (HIGHESTMODSEQ) of the selected mailbox',
      'STATUS INBOX (HIGHESTMODSEQ)',
      '* STATUS INBOX (HIGHESTMODSEQ 7)',
    ],
    [
      'STATUS (HIGHESTMODSEQ) of another mailbox',
      'STATUS Sent (HIGHESTMODSEQ)',
      '* STATUS Sent (HIGHESTMODSEQ 1)',
    ],
    // Example 5 of §3.1.3: the response code comes first, with the value before the STORE.
    [
      'STORE with UNCHANGEDSINCE',
      'STORE 1 (UNCHANGEDSINCE 7) +FLAGS.SILENT (\\Seen)',
      '* 1 FETCH (UID 1 MODSEQ (8))',
    ],
  ])('%s returns `OK [HIGHESTMODSEQ n]` for the selected mailbox, once', (_what, command, response) => {
    const { c } = imapSession({ select: true });
    const reply = lines(c.send(`a3 ${command}`));
    expect(reply[0]).toBe('* OK [HIGHESTMODSEQ 7] Highest');
    expect(reply.filter((l) => l.includes('HIGHESTMODSEQ 7]'))).toHaveLength(1);
    if (response) expect(reply[1]).toBe(response);
    expect(reply.at(-1)).toMatch(/^a3 OK /);
    // Only the first: CONDSTORE is on now.
    expect(c.send(`a4 ${command.replace('UNCHANGEDSINCE 7', 'UNCHANGEDSINCE 8')}`)).not.toContain(
      '[HIGHESTMODSEQ',
    );
  });

  it('not when no mailbox is selected (SELECT says it then, §3.1.2.1), nor when CONDSTORE was already on', () => {
    const { c } = imapSession();
    expect(c.send('a1 STATUS INBOX (HIGHESTMODSEQ)')).toBe(
      '* STATUS INBOX (HIGHESTMODSEQ 7)\r\na1 OK STATUS completed\r\n',
    );
    expect(c.send('a2 SELECT INBOX')).toContain('* OK [HIGHESTMODSEQ 7] Highest\r\n');
    expect(lines(c.send('a3 FETCH 1 (MODSEQ)'))).toEqual(['* 1 FETCH (MODSEQ (2))', 'a3 OK FETCH completed']);
  });

  it('SELECT (CONDSTORE) while another mailbox is selected: only the new mailbox’s HIGHESTMODSEQ, after [CLOSED]', () => {
    const { c } = imapSession({ select: true });
    const reply = lines(c.send('a3 EXAMINE Sent (CONDSTORE)'));
    expect(reply[0]).toBe('* OK [CLOSED] Previous mailbox is now closed');
    // Sent is empty: its HIGHESTMODSEQ is the counter's start, 1; INBOX's (7) is not sent.
    expect(reply.filter((l) => l.includes('HIGHESTMODSEQ'))).toEqual(['* OK [HIGHESTMODSEQ 1] Highest']);
  });

  it('held below an expunge this session has not been told of (§3.2)', () => {
    // §3.2: "if the server sends MODSEQ FETCH data items while EXPUNGE (or VANISHED) replies with
    // lower mod-sequences being delayed, the server MUST send the HIGHESTMODSEQ response code
    // with a lower value than the EXPUNGE's mod-sequence." FETCH may not report an EXPUNGE (RFC
    // 9051 §7.5.1), so another session's expunge (mod-sequence 9) waits for the NOOP.
    const { c, server } = imapSession({ select: true });
    const other = connectImap(server);
    other.send('o1 LOGIN student secret');
    other.send('o2 SELECT INBOX');
    other.send('o3 STORE 6 +FLAGS.SILENT (\\Deleted)'); // mod-sequence 8
    other.send('o4 EXPUNGE'); // 9
    expect(lines(c.send('a3 FETCH 1 (MODSEQ)'))).toEqual([
      '* OK [HIGHESTMODSEQ 8] Highest',
      '* 1 FETCH (MODSEQ (2))',
      '* 6 FETCH (FLAGS (\\Deleted \\Recent) UID 6 MODSEQ (8))',
      'a3 OK FETCH completed',
    ]);
    expect(lines(c.send('a4 NOOP'))).toEqual(['* 6 EXPUNGE', 'a4 OK NOOP completed']);
  });
});

describe('CONDSTORE with SORT, ESORT and THREAD (RFC 7162 §3.1.9, §3.1.10)', () => {
  // §3.1.9: "If a client specifies a MODSEQ criterion in a SORT (or UID SORT) command and the
  // server returns a non-empty SORT result, the server MUST also append (to the end of the
  // untagged SORT response) the highest mod-sequence for all messages being returned", as §7's
  // `sort-data = "SORT" [1*(SP nz-number) SP search-sort-mod-seq]`, `search-sort-mod-seq = "("
  // "MODSEQ" SP mod-sequence-value ")"`. The seed's messages are in DATE order 1–6 and carry
  // mod-sequences 2–7; the STORE below gives message 2 mod-sequence 8.
  it('SORT and UID SORT end with `(MODSEQ n)`, the highest of the messages returned (§3.1.9)', () => {
    const { c } = condstore();
    expect(c.send('a1 SORT (DATE) UTF-8 MODSEQ 1')).toBe(
      '* SORT 1 2 3 4 5 6 (MODSEQ 7)\r\na1 OK SORT completed\r\n',
    );
    c.send('a2 STORE 2 +FLAGS.SILENT (\\Seen)');
    expect(c.send('a3 SORT (REVERSE DATE) UTF-8 MODSEQ 7')).toBe(
      '* SORT 6 2 (MODSEQ 8)\r\na3 OK SORT completed\r\n',
    );
    expect(lines(c.send('a4 UID SORT (DATE) UTF-8 MODSEQ 7 NOT SEEN'))[0]).toBe('* SORT 6 (MODSEQ 7)');
    // "(omitted if no match)"; and without a MODSEQ criterion, SORT is as RFC 5256 has it.
    expect(c.send('a5 SORT (DATE) UTF-8 MODSEQ 9')).toBe('* SORT\r\na5 OK SORT completed\r\n');
    expect(lines(c.send('a6 SORT (DATE) UTF-8 ALL'))[0]).toBe('* SORT 1 2 3 4 5 6');
  });

  // §3.1.10: "If a client specifies a MODSEQ criterion in an extended SORT (or extended UID SORT)
  // [RFC5267] command and the server returns a non-empty SORT result, the server MUST return the
  // ESEARCH response containing the MODSEQ result option defined in Section 3.2 of [RFC4731]."
  // RFC 4731 §3.2: "If the SEARCH/UID SEARCH command contained a single MIN or MAX result option,
  // the MODSEQ result option contains the mod-sequence for the found message. If [it] contained
  // both MIN and MAX result options and no ALL/COUNT option, the MODSEQ result option contains the
  // highest mod-sequence for the two returned messages. Otherwise the MODSEQ result option
  // contains the highest mod-sequence for all messages being returned."
  it('ESORT answers `MODSEQ n` in its ESEARCH, for the messages its options return (§3.1.10, RFC 4731 §3.2)', () => {
    const { c } = condstore();
    c.send('a1 STORE 2 +FLAGS.SILENT (\\Seen)'); // message 2: mod-sequence 8
    const esort = (returns: string) =>
      lines(c.send(`a2 SORT RETURN (${returns}) (REVERSE DATE) UTF-8 MODSEQ 1`))[0];
    // Example 20's form: `* ESEARCH (TAG "a") ALL 5,3,2,1 MODSEQ 1236`.
    expect(esort('ALL')).toBe('* ESEARCH (TAG "a2") ALL 6,5,4,3,2,1 MODSEQ 8');
    expect(esort('')).toBe('* ESEARCH (TAG "a2") ALL 6,5,4,3,2,1 MODSEQ 8');
    // MIN is message 6 (mod-sequence 7), MAX message 1 (2): the ends of the sort order.
    expect(esort('MIN')).toBe('* ESEARCH (TAG "a2") MIN 6 MODSEQ 7');
    expect(esort('MAX')).toBe('* ESEARCH (TAG "a2") MAX 1 MODSEQ 2');
    expect(esort('MIN MAX')).toBe('* ESEARCH (TAG "a2") MIN 6 MAX 1 MODSEQ 7');
    expect(esort('MAX COUNT')).toBe('* ESEARCH (TAG "a2") MAX 1 COUNT 6 MODSEQ 8');
    // PARTIAL (RFC 9394) returns its page: messages 4 and 3 (5 and 4), then 2 and 1 (8 and 2).
    expect(esort('PARTIAL 3:4')).toBe('* ESEARCH (TAG "a2") PARTIAL (3:4 4,3) MODSEQ 5');
    expect(esort('PARTIAL -1:-2')).toBe('* ESEARCH (TAG "a2") PARTIAL (-1:-2 2,1) MODSEQ 8');
    expect(esort('PARTIAL 7:8')).toBe('* ESEARCH (TAG "a2") PARTIAL (7:8 NIL)');
    expect(lines(c.send('a3 UID SORT RETURN (ALL) (DATE) UTF-8 MODSEQ 8'))[0]).toBe(
      '* ESEARCH (TAG "a3") UID ALL 2 MODSEQ 8',
    );
    // An empty result: no MODSEQ.
    expect(lines(c.send('a4 SORT RETURN (COUNT) (DATE) UTF-8 MODSEQ 9'))[0]).toBe(
      '* ESEARCH (TAG "a4") COUNT 0',
    );
  });

  it('fuzzed: SORT, ESORT and THREAD with MODSEQ answer once, with the mod-sequence the RFCs name', () => {
    // Mod-sequences after the STOREs below: message n → MODSEQ[n].
    const MODSEQ = [0, 2, 8, 4, 5, 9, 7];
    const option = fc.constantFrom(
      'MIN',
      'MAX',
      'ALL',
      'COUNT',
      'PARTIAL 1:2',
      'PARTIAL -1:-3',
      'PARTIAL 9:10',
    );
    const key = fc.constantFrom('DATE', 'REVERSE DATE', 'SIZE', 'REVERSE ARRIVAL', 'SUBJECT');
    const search = fc.constantFrom('', 'NOT SEEN', 'SEEN', 'OR SEEN 1', '1:3', 'UNDELETED');
    fc.assert(
      fc.property(
        fc.option(fc.uniqueArray(option, { maxLength: 3 }), { nil: null }),
        key,
        fc.integer({ min: 0, max: 10 }),
        search,
        fc.boolean(),
        fc.boolean(),
        (returns, sortKey, since, more, uid, thread) => {
          const { c } = condstore();
          c.send('p1 STORE 2 +FLAGS.SILENT (\\Seen)');
          c.send('p2 STORE 5 +FLAGS.SILENT (\\Seen)');
          const criteria = `MODSEQ ${since} ${more}`.trimEnd();
          const by = uid ? 'UID ' : '';
          const plain = lines(c.send(`a1 ${by}SORT (${sortKey}) UTF-8 ${criteria}`));
          expect(plain.at(-1)).toMatch(/^a1 OK /);
          expect(plain).toHaveLength(2);
          const m = /^\* SORT((?: \d+)*)(?: \(MODSEQ (\d+)\))?$/.exec(plain[0]!)!;
          expect(m).not.toBeNull();
          const order = m[1]!.trim() ? m[1]!.trim().split(' ').map(Number) : [];
          // §3.1.9: the highest mod-sequence of the messages returned; none when nothing is.
          const highest = (ns: readonly number[]) =>
            ns.length ? Math.max(...ns.map((n) => MODSEQ[n]!)) : null;
          expect(m[2] ? Number(m[2]) : null).toBe(highest(order));
          if (thread) {
            const t = lines(c.send(`a3 ${by}THREAD REFERENCES UTF-8 ${criteria}`));
            expect(t).toHaveLength(2);
            expect(t[0]).toMatch(/^\* THREAD[ ()\d]*$/);
          }
          if (returns === null) return;
          const reply = lines(
            c.send(`a2 ${by}SORT RETURN (${returns.join(' ')}) (${sortKey}) UTF-8 ${criteria}`),
          );
          // RFC 9394 §3.1: "either one PARTIAL, one ALL, or neither PARTIAL nor ALL is allowed".
          const partials = returns.filter((r) => r.startsWith('PARTIAL')).length;
          if (partials > 1 || (partials && returns.includes('ALL'))) {
            expect(reply).toHaveLength(1);
            expect(reply[0]).toMatch(/^a2 BAD /);
            return;
          }
          expect(reply).toHaveLength(2);
          expect(reply[1]).toMatch(/^a2 OK /);
          // RFC 4731 §3.2, read for SORT's order (RFC 5267 §3): MIN and MAX the ends, ALL and COUNT
          // (and RETURN (), which is ALL) everything, a PARTIAL page its messages.
          const opts = returns.length ? returns : ['ALL'];
          let returned: number[];
          if (opts.includes('ALL') || opts.includes('COUNT')) returned = order;
          else {
            const at = new Set<number>();
            if (opts.includes('MIN') && order.length) at.add(0);
            if (opts.includes('MAX') && order.length) at.add(order.length - 1);
            for (const o of opts.filter((x) => x.startsWith('PARTIAL')))
              for (const i of pagePositions(parsePartialRange(o.slice(8)), order.length)) at.add(i);
            returned = order.filter((_, i) => at.has(i));
          }
          const modseq = / MODSEQ (\d+)$/.exec(reply[0]!);
          expect(reply[0]).toMatch(new RegExp(`^\\* ESEARCH \\(TAG "a2"\\)${uid ? ' UID' : ''}( |$)`));
          expect(modseq ? Number(modseq[1]) : null).toBe(highest(returned));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('THREAD is unchanged (§3.1.9: "THREAD responses are unchanged by the CONDSTORE extension")', () => {
    const { c } = condstore();
    const reply = lines(c.send('a1 THREAD ORDEREDSUBJECT UTF-8 MODSEQ 1'));
    expect(reply[0]).toMatch(/^\* THREAD \(/);
    expect(reply[0]).not.toContain('MODSEQ');
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
