import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { connectImap, imapSession, lines } from '../../testing';
import { MAX_LIVE_SEARCHES } from '.';

// The seed INBOX: six unseen messages, UIDs 1 to 6, sent one a day in that order.

/** A session with INBOX selected, and a second one (another device) on the same mailbox. */
function twoDevices() {
  const { c, server } = imapSession({ select: true });
  const other = connectImap(server);
  other.send('o1 LOGIN student secret');
  other.send('o2 SELECT INBOX');
  return { c, other, server };
}

const deliver = (server: ReturnType<typeof twoDevices>['server'], subject: string) =>
  server.store.deliver('student', `From: someone@example.com\r\nSubject: ${subject}\r\n\r\nHello\r\n`);

describe('CONTEXT=SEARCH and CONTEXT=SORT (RFC 5267 §4)', () => {
  it('are advertised', () => {
    const { c } = imapSession();
    expect(c.send('a2 CAPABILITY')).toMatch(/^\* CAPABILITY .* CONTEXT=SEARCH CONTEXT=SORT /);
  });

  it('UPDATE does not change the answer itself (§4.3: no interaction with other options)', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('b1 UID SEARCH RETURN (UPDATE COUNT) UNSEEN'))).toEqual([
      '* ESEARCH (TAG "b1") UID COUNT 6',
      'b1 OK UID SEARCH completed',
    ]);
    expect(lines(c.send('b2 SEARCH RETURN (CONTEXT MIN) UNSEEN'))[0]).toBe('* ESEARCH (TAG "b2") MIN 1');
  });

  it('a message that stops matching: REMOVEFROM (0 uid) for a SEARCH context (§4.3.4)', () => {
    const { c, other } = twoDevices();
    c.send('b1 UID SEARCH RETURN (UPDATE COUNT) UNSEEN');
    other.send('o3 STORE 3 +FLAGS (\\Seen)');
    expect(lines(c.send('b2 NOOP'))).toEqual([
      '* ESEARCH (TAG "b1") UID REMOVEFROM (0 3)',
      '* 3 FETCH (FLAGS (\\Seen \\Recent))',
      'b2 OK NOOP completed',
    ]);
    // This session's own change counts too.
    expect(lines(c.send('b3 STORE 5 +FLAGS.SILENT (\\Seen)'))).toEqual([
      '* ESEARCH (TAG "b1") UID REMOVEFROM (0 5)',
      'b3 OK STORE completed',
    ]);
  });

  it('REMOVEFROM comes before the EXPUNGE it is about, while the number is valid (§4.3.4)', () => {
    const { c, other } = twoDevices();
    c.send('b1 SEARCH RETURN (UPDATE) ALL');
    other.send('o3 STORE 4 +FLAGS (\\Deleted)');
    other.send('o4 EXPUNGE');
    const reply = lines(c.send('b2 NOOP'));
    expect(reply.indexOf('* ESEARCH (TAG "b1") REMOVEFROM (0 4)')).toBeLessThan(reply.indexOf('* 4 EXPUNGE'));
    expect(reply.indexOf('* ESEARCH (TAG "b1") REMOVEFROM (0 4)')).toBeGreaterThanOrEqual(0);
  });

  it('ADDTO comes after the EXISTS that brings the message, also while idling (§4.3.3)', () => {
    const { c, server } = twoDevices();
    c.send('b1 UID SEARCH RETURN (UPDATE) UNSEEN');
    expect(c.send('b2 IDLE')).toBe('+ idling\r\n');
    deliver(server, 'New');
    expect(lines(c.send('DONE'))).toEqual([
      '* 7 EXISTS',
      '* 7 RECENT',
      '* ESEARCH (TAG "b1") UID ADDTO (0 7)',
      'b2 OK IDLE terminated',
    ]);
  });

  it('a SORT context names positions in the sorted list (§4.3.2)', () => {
    const { c, other, server } = twoDevices();
    expect(lines(c.send('b1 UID SORT RETURN (UPDATE ALL) (REVERSE DATE) UTF-8 UNSEEN'))[0]).toBe(
      '* ESEARCH (TAG "b1") UID ALL 6,5,4,3,2,1',
    );
    other.send('o3 STORE 2,5 +FLAGS (\\Seen)');
    // 5 is at position 2, 2 at position 5: removed from the last position back.
    expect(lines(c.send('b2 NOOP'))[0]).toBe('* ESEARCH (TAG "b1") UID REMOVEFROM (5 2 2 5)');
    other.send('o4 STORE 2,5 -FLAGS (\\Seen)');
    expect(lines(c.send('b3 NOOP'))[0]).toBe('* ESEARCH (TAG "b1") UID ADDTO (2 5 5 2)');
    deliver(server, 'Newest');
    // The newest message sorts first in REVERSE DATE.
    expect(lines(c.send('b4 NOOP'))).toContain('* ESEARCH (TAG "b1") UID ADDTO (1 7)');
  });

  it('sequence-number contexts follow the numbers the client knows', () => {
    const { c, other } = twoDevices();
    c.send('b1 SEARCH RETURN (UPDATE) UNSEEN');
    other.send('o3 STORE 2 +FLAGS (\\Deleted)');
    other.send('o4 EXPUNGE');
    c.send('b2 NOOP');
    other.send('o5 UID STORE 5 +FLAGS (\\Seen)');
    // UID 5 was message 5 and is message 4 since 2 went: REMOVEFROM names 4.
    expect(lines(c.send('b3 NOOP'))[0]).toBe('* ESEARCH (TAG "b1") REMOVEFROM (0 4)');
  });

  it('CANCELUPDATE stops the updates; a new SELECT ends them too (§4.3.5, §4.3)', () => {
    const { c, other } = twoDevices();
    c.send('b1 UID SEARCH RETURN (UPDATE) UNSEEN');
    c.send('b2 UID SEARCH RETURN (UPDATE) FLAGGED');
    expect(c.send('b3 CANCELUPDATE "b1"')).toBe('b3 OK CANCELUPDATE completed\r\n');
    other.send('o3 STORE 1 +FLAGS (\\Seen \\Flagged)');
    expect(lines(c.send('b4 NOOP'))).toEqual([
      '* ESEARCH (TAG "b2") UID ADDTO (0 1)',
      '* 1 FETCH (FLAGS (\\Seen \\Flagged \\Recent))',
      'b4 OK NOOP completed',
    ]);
    c.send('b5 SELECT INBOX');
    other.send('o4 STORE 1 -FLAGS (\\Flagged)');
    expect(c.send('b6 NOOP')).not.toContain('ESEARCH');
    expect(c.send('b7 CANCELUPDATE "b2"')).toBe('b7 NO No search with updates is tagged "b2"\r\n');
  });

  it('a tag already naming a live search is BAD for a new UPDATE (§4.3)', () => {
    const { c } = imapSession({ select: true });
    c.send('b1 SEARCH RETURN (UPDATE) ALL');
    expect(c.send('b1 SEARCH RETURN (UPDATE COUNT) ALL')).toBe(
      'b1 BAD Tag reuse: "b1" already names a search with updates\r\n',
    );
    // Without UPDATE the tag may be used again.
    expect(c.send('b1 SEARCH RETURN (COUNT) ALL')).toMatch(/^\* ESEARCH \(TAG "b1"\) COUNT 6\r\nb1 OK/);
  });

  it(`past ${MAX_LIVE_SEARCHES} live searches: * NO [NOUPDATE "tag"], and the search still answers (§4.3.1)`, () => {
    const { c } = imapSession({ select: true });
    for (let i = 0; i < MAX_LIVE_SEARCHES; i++) c.send(`s${i} SEARCH RETURN (UPDATE) ALL`);
    expect(lines(c.send('b9 SEARCH RETURN (UPDATE COUNT) ALL'))).toEqual([
      '* ESEARCH (TAG "b9") COUNT 6',
      '* NO [NOUPDATE "b9"] Too many searches with updates; CANCELUPDATE one first',
      'b9 OK SEARCH completed',
    ]);
  });

  it.each([
    ['CANCELUPDATE without a tag', 'b2 CANCELUPDATE', 'b2 BAD CANCELUPDATE needs the tag of a search'],
    ['CANCELUPDATE with an atom', 'b2 CANCELUPDATE b1', 'b2 BAD CANCELUPDATE takes tags as quoted strings'],
    ['UPDATE with an argument', 'b2 SEARCH RETURN (UPDATE 1) ALL', 'b2 BAD Unknown return option: 1'],
    ['UPDATE twice', 'b2 SEARCH RETURN (UPDATE UPDATE) ALL', 'b2 BAD Return option UPDATE given twice'],
  ])('refuses %s with BAD and changes nothing', (_, command, answer) => {
    const { c, server } = imapSession({ select: true });
    c.send('b1 SEARCH RETURN (UPDATE) ALL');
    const before = JSON.stringify(snapshotStore(server.store));
    expect(c.send(command)).toBe(answer + '\r\n');
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it('fuzzed: the updates keep a client copy of every live result equal to a fresh search', () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant('flag' as const), n: fc.integer({ min: 1, max: 8 }), on: fc.boolean() }),
      fc.record({ kind: fc.constant('expunge' as const), n: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('deliver' as const) }),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), fc.boolean(), (changes, sorted) => {
        const { c, other, server } = twoDevices();
        const ask = sorted
          ? 'UID SORT RETURN (UPDATE ALL) (REVERSE ARRIVAL) UTF-8 UNSEEN'
          : 'UID SEARCH RETURN (UPDATE ALL) UNSEEN';
        const first = lines(c.send(`b1 ${ask}`))[0]!;
        let copy = expand(/ ALL (\S+)$/.exec(first)?.[1] ?? '');
        let i = 2;
        for (const step of changes) {
          if (step.kind === 'flag')
            other.send(`o${i} UID STORE ${step.n} ${step.on ? '+' : '-'}FLAGS (\\Seen)`);
          else if (step.kind === 'expunge') {
            other.send(`o${i} UID STORE ${step.n} +FLAGS (\\Deleted)`);
            other.send(`o${i}x EXPUNGE`);
          } else deliver(server, `n${i}`);
          for (const line of lines(c.send(`b${i++} NOOP`))) copy = apply(copy, line, sorted);
        }
        const fresh = lines(c.send(`z1 ${ask.replace('UPDATE ', '')}`))[0]!;
        const want = expand(/ ALL (\S+)$/.exec(fresh)?.[1] ?? '');
        expect(sorted ? copy : [...copy].sort((a, b) => a - b)).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });
});

/** A sequence set as its numbers, in the order written (ranges ascending, RFC 5267 §3.2). */
function expand(set: string): number[] {
  return set
    .split(',')
    .filter(Boolean)
    .flatMap((p) => {
      const [a, b] = p.split(':').map(Number);
      if (b === undefined) return [a!];
      const [lo, hi] = [Math.min(a!, b), Math.max(a!, b)];
      return Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
    });
}

/** Applies an ADDTO/REMOVEFROM line to a client's copy, as RFC 5267 §4.3.3 and §4.3.4 say. */
function apply(copy: number[], line: string, sorted: boolean): number[] {
  const m = /^\* ESEARCH \(TAG "b1"\) UID (ADDTO|REMOVEFROM) \((.*)\)$/.exec(line);
  if (!m) return copy;
  const out = [...copy];
  const parts = m[2]!.split(' ');
  for (let p = 0; p + 1 < parts.length; p += 2) {
    const position = Number(parts[p]);
    const numbers = expand(parts[p + 1]!);
    if (m[1] === 'ADDTO') {
      if (position === 0) out.push(...numbers);
      else out.splice(position - 1, 0, ...numbers);
    } else if (position === 0) {
      for (const n of numbers) out.splice(out.indexOf(n), 1);
    } else {
      expect(out.slice(position - 1, position - 1 + numbers.length)).toEqual(numbers);
      out.splice(position - 1, numbers.length);
    }
  }
  if (!sorted) out.sort((a, b) => a - b);
  return out;
}
