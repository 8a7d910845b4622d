import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { imapSession, lines } from '../../testing';
import { isReplyOrForward, msgIds } from './references';

/** THREAD=REFERENCES (RFC 5256 §3) through the session, on the seed INBOX and added messages. */
function withMessages(
  ...messages: { id?: string; refs?: string; irt?: string; subject: string; day: number }[]
) {
  const session = imapSession({ select: true });
  for (const m of messages) {
    const text =
      (m.id ? `Message-ID: ${m.id}\r\n` : '') +
      (m.refs ? `References: ${m.refs}\r\n` : '') +
      (m.irt ? `In-Reply-To: ${m.irt}\r\n` : '') +
      `Subject: ${m.subject}\r\nDate: ${m.day} Apr 2026 10:00 +0000\r\n\r\nx`;
    expect(session.c.send(`a2 APPEND INBOX {${text.length}+}\r\n${text}`)).toMatch(/a2 OK/);
  }
  session.c.send('a2 NOOP');
  return session;
}
const thread = (c: ReturnType<typeof imapSession>['c'], criteria: string) =>
  lines(c.send(`t1 THREAD REFERENCES UTF-8 ${criteria}`))[0];

describe('THREAD=REFERENCES (RFC 5256 §3)', () => {
  it('is advertised beside ORDEREDSUBJECT', () => {
    const { c } = imapSession();
    expect(c.send('a3 CAPABILITY')).toMatch(/ THREAD=ORDEREDSUBJECT THREAD=REFERENCES[ \r]/);
  });

  it('follows the seed conversation by In-Reply-To and References: a chain of single replies', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 THREAD REFERENCES UTF-8 ALL'))).toEqual([
      '* THREAD (1)(2)(3)(4 5 6)',
      'a3 OK THREAD completed',
    ]);
    expect(lines(c.send('a4 UID THREAD references US-ASCII ALL'))[0]).toBe('* THREAD (1)(2)(3)(4 5 6)');
    // Without the middle message, the last still hangs under the first through References.
    expect(thread(c, 'NOT 5')).toBe('* THREAD (1)(2)(3)(4 6)');
  });

  it('keeps two replies to a missing message together under a dummy (step 4)', () => {
    const { c } = withMessages(
      { id: '<b@x>', refs: '<a@x>', subject: 'Re: Lost', day: 2 },
      { id: '<c@x>', refs: '<a@x>', subject: 'Re: Lost', day: 3 },
    );
    expect(thread(c, 'SUBJECT Lost')).toBe('* THREAD ((7)(8))');
  });

  it('makes a reply without references a child of the thread with its base subject (step 6)', () => {
    const { c } = withMessages({ subject: 'Party', day: 2 }, { subject: 'Re: Party', day: 3 });
    expect(thread(c, 'SUBJECT Party')).toBe('* THREAD (7 8)');
  });

  it('puts two unrelated messages with one subject under a new dummy (step 6)', () => {
    const { c } = withMessages({ subject: 'Party', day: 3 }, { subject: 'Party', day: 2 });
    // Siblings in sent-date order: message 8 was written first.
    expect(thread(c, 'SUBJECT Party')).toBe('* THREAD ((8)(7))');
  });

  it('survives a loop, a duplicate Message-ID and a missing one', () => {
    const { c } = withMessages(
      { id: '<self@x>', refs: '<self@x>', subject: 'Loop', day: 2 },
      { id: '<dup@x>', subject: 'First', day: 3 },
      { id: '<dup@x>', subject: 'Second', day: 4 },
      { subject: 'No id', day: 5 },
    );
    expect(thread(c, '7:*')).toBe('* THREAD (7)(8)(9)(10)');
  });

  it('reads In-Reply-To when References is missing, and orders children by sent date', () => {
    const { c } = withMessages(
      { id: '<p@x>', subject: 'Plan', day: 2 },
      { id: '<r2@x>', irt: '<p@x>', subject: 'Re: Plan', day: 5 },
      { id: '<r1@x>', irt: '<p@x>', subject: 'Re: Plan', day: 4 },
    );
    expect(thread(c, 'SUBJECT Plan')).toBe('* THREAD (7 (9)(8))');
  });

  it('normalizes msg-ids, so a quoted left part is the same Message ID (RFC 5256 §3)', () => {
    // The RFC's own example: the two forms MUST be the same Message ID.
    expect(msgIds('<"01KF8JCEOCBS0045PS"@xxx.yyy.com>')).toEqual(['<01KF8JCEOCBS0045PS@xxx.yyy.com>']);
    expect(msgIds('<"a\\"b"@x> <c@x>')).toEqual(['<a"b@x>', '<c@x>']);
    // Case-sensitive (§3): not folded.
    expect(msgIds('<Ab@X>')).toEqual(['<Ab@X>']);
    expect(msgIds(null)).toEqual([]);
    const { c } = withMessages(
      { id: '<"p1"@x>', subject: 'Plan', day: 1 },
      { id: '<r1@x>', refs: '<p1@x>', subject: 'Sure', day: 2 },
    );
    expect(thread(c, 'OR SUBJECT Plan SUBJECT Sure')).toBe('* THREAD (7 8)');
  });

  it('tells replies and forwards by the markers base-subject extraction removes (RFC 5256 §3)', () => {
    expect(['Re: a', 'FWD: a', 'fw: a', '[list] Re: a', 'a (fwd)', '[fwd: a]'].map(isReplyOrForward)).toEqual(
      [true, true, true, true, true, true],
    );
    expect(['a', 'Read me', '[list] a', 'Regarding: a'].map(isReplyOrForward)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('fuzz: any References graph threads every hit exactly once, in thread-list grammar, changing nothing', () => {
    const id = fc.constantFrom('<a@x>', '<b@x>', '<c@x>', '<d@x>');
    const message = fc.record({
      id: fc.option(id, { nil: undefined }),
      refs: fc.option(
        fc.array(id, { maxLength: 3 }).map((r) => r.join(' ')),
        { nil: undefined },
      ),
      irt: fc.option(id, { nil: undefined }),
      subject: fc.constantFrom('x', 'Re: x', 'y', ''),
      day: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 6 }), (messages) => {
        const { c, server } = withMessages(...messages.map((m) => ({ ...m, refs: m.refs || undefined })));
        const before = JSON.stringify(snapshotStore(server.store));
        const line = thread(c, '7:*')!;
        expect(line).toMatch(/^\* THREAD( |$)/);
        const numbers = (line.match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b);
        expect(numbers).toEqual(messages.map((_, i) => 7 + i));
        // thread-list: balanced parentheses, a number or "(" after each "(".
        let depth = 0;
        for (const ch of line.slice(8)) {
          depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
          expect(depth).toBeGreaterThanOrEqual(0);
        }
        expect(depth).toBe(0);
        expect(line).not.toMatch(/\(\)|\(\(\d+\)\)/);
        expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
