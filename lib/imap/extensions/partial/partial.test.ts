import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { imapSession, lines } from '../../testing';
import { pagePositions, parsePartialRange } from './range';

// The seed INBOX holds six messages, UIDs 1 to 6, received one a day in that order.

describe('PARTIAL ranges (RFC 9394 §4)', () => {
  it.each([
    ['1:100', { fromEnd: false, low: 1, high: 100 }],
    ['500:400', { fromEnd: false, low: 400, high: 500 }],
    ['-1:-100', { fromEnd: true, low: 1, high: 100 }],
    ['-500:-400', { fromEnd: true, low: 400, high: 500 }],
    ['4294967295:1', { fromEnd: false, low: 1, high: 4294967295 }],
  ])('reads %s', (text, want) => {
    expect(parsePartialRange(text)).toEqual({ text, ...want });
  });

  it.each([
    '0:5',
    '1:*',
    '*:1',
    '-1:5',
    '1:-5',
    '5',
    '-5',
    '01:5',
    '1:4294967296',
    '1:2:3',
    '',
    'a:b',
    '--1:-2',
  ])('refuses %s', (text) => {
    expect(() => parsePartialRange(text)).toThrow(/Invalid PARTIAL range/);
  });

  it('picks positions from the start, from the end, and only those that exist', () => {
    expect(pagePositions(parsePartialRange('1:3'), 6)).toEqual([0, 1, 2]);
    expect(pagePositions(parsePartialRange('-1:-3'), 6)).toEqual([3, 4, 5]);
    expect(pagePositions(parsePartialRange('5:10'), 6)).toEqual([4, 5]);
    expect(pagePositions(parsePartialRange('-5:-10'), 6)).toEqual([0, 1]);
    expect(pagePositions(parsePartialRange('7:9'), 6)).toEqual([]);
    expect(pagePositions(parsePartialRange('-7:-9'), 6)).toEqual([]);
  });

  it('fuzzed: a page is a run of existing positions, and -a:-b mirrors a:b', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(30),
        (a, b, count) => {
          const first = pagePositions(parsePartialRange(`${a}:${b}`), count);
          const last = pagePositions(parsePartialRange(`-${a}:-${b}`), count);
          for (const p of [...first, ...last]) expect(p >= 0 && p < count).toBe(true);
          expect(first.length).toBe(Math.max(0, Math.min(Math.max(a, b), count) - Math.min(a, b) + 1));
          expect(last.map((p) => count - 1 - p).reverse()).toEqual(first);
        },
      ),
    );
  });
});

describe('SEARCH RETURN (PARTIAL …) (RFC 9394 §3.1)', () => {
  it('is advertised', () => {
    const { c } = imapSession();
    expect(c.send('a2 CAPABILITY')).toMatch(/^\* CAPABILITY .* PARTIAL[ \r]/);
  });

  it('answers the first page, echoing the range asked for', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 UID SEARCH RETURN (PARTIAL 1:4) ALL'))).toEqual([
      '* ESEARCH (TAG "a3") UID PARTIAL (1:4 1:4)',
      'a3 OK UID SEARCH completed',
    ]);
  });

  it('-1:-100 counts back from the last match (the newest messages)', () => {
    const { c } = imapSession({ select: true });
    c.send('a3 STORE 2 +FLAGS (\\Deleted)');
    expect(lines(c.send('a4 UID SEARCH RETURN (PARTIAL -1:-3) UNDELETED'))[0]).toBe(
      '* ESEARCH (TAG "a4") UID PARTIAL (-1:-3 4:6)',
    );
    expect(lines(c.send('a5 UID SEARCH RETURN (PARTIAL -4:-5) UNDELETED'))[0]).toBe(
      '* ESEARCH (TAG "a5") UID PARTIAL (-4:-5 1,3)',
    );
  });

  it('a range past the end gives what exists, or NIL when nothing does', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 SEARCH RETURN (PARTIAL 5:10) ALL'))[0]).toBe(
      '* ESEARCH (TAG "a3") PARTIAL (5:10 5:6)',
    );
    expect(lines(c.send('a4 SEARCH RETURN (PARTIAL 7:10) ALL'))[0]).toBe(
      '* ESEARCH (TAG "a4") PARTIAL (7:10 NIL)',
    );
  });

  it('MIN, MAX and COUNT describe the whole result, not the page (§3.2)', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 SEARCH RETURN (MIN MAX COUNT PARTIAL 2:3) ALL'))[0]).toBe(
      '* ESEARCH (TAG "a3") MIN 1 MAX 6 COUNT 6 PARTIAL (2:3 2:3)',
    );
  });

  it('with SAVE, $ holds the page; with COUNT too, everything found (§3.2)', () => {
    const { c } = imapSession({ select: true });
    c.send('a3 SEARCH RETURN (SAVE PARTIAL -1:-2) ALL');
    expect(lines(c.send('a4 UID SEARCH UID $'))[0]).toBe('* SEARCH 5 6');
    c.send('a5 SEARCH RETURN (SAVE MIN PARTIAL -1:-2) ALL');
    expect(lines(c.send('a6 UID SEARCH UID $'))[0]).toBe('* SEARCH 1 5 6');
    c.send('a7 SEARCH RETURN (SAVE COUNT PARTIAL -1:-2) ALL');
    expect(lines(c.send('a8 UID SEARCH UID $'))[0]).toBe('* SEARCH 1 2 3 4 5 6');
    c.send('a9 SEARCH RETURN (SAVE PARTIAL 9:10) ALL');
    expect(lines(c.send('b1 UID SEARCH UID $'))[0]).toBe('* SEARCH');
  });

  it('with ESORT, the page is counted and listed in the sort order', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 SORT RETURN (PARTIAL 1:2) (REVERSE DATE) UTF-8 ALL'))).toEqual([
      '* ESEARCH (TAG "a3") PARTIAL (1:2 6,5)',
      'a3 OK SORT completed',
    ]);
    expect(lines(c.send('a4 UID SORT RETURN (COUNT PARTIAL -1:-2) (REVERSE DATE) UTF-8 ALL'))[0]).toBe(
      '* ESEARCH (TAG "a4") UID COUNT 6 PARTIAL (-1:-2 2,1)',
    );
  });

  it.each([
    [
      'PARTIAL with ALL',
      'a3 SEARCH RETURN (PARTIAL 1:5 ALL) ALL',
      'a3 BAD Return options PARTIAL and ALL cannot be combined',
    ],
    [
      'two PARTIALs',
      'a3 SEARCH RETURN (PARTIAL 1:5 PARTIAL 6:9) ALL',
      'a3 BAD Return option PARTIAL given twice',
    ],
    ['no range', 'a3 SEARCH RETURN (PARTIAL) ALL', 'a3 BAD Missing PARTIAL range'],
    ['0', 'a3 SEARCH RETURN (PARTIAL 0:5) ALL', 'a3 BAD Invalid PARTIAL range (1:100 or -1:-100): 0:5'],
    ['*', 'a3 UID SEARCH RETURN (PARTIAL 1:*) ALL', 'a3 BAD Invalid PARTIAL range (1:100 or -1:-100): 1:*'],
    [
      'mixed signs',
      'a3 SEARCH RETURN (PARTIAL -1:5) ALL',
      'a3 BAD Invalid PARTIAL range (1:100 or -1:-100): -1:5',
    ],
    [
      'SAVE with PARTIAL and ALL',
      'a3 SEARCH RETURN (SAVE ALL PARTIAL 1:2) ALL',
      'a3 BAD Return options PARTIAL and ALL cannot be combined',
    ],
  ])('refuses %s with BAD and changes nothing', (_, command, answer) => {
    const { c, server } = imapSession({ select: true });
    c.send('a2 SEARCH RETURN (SAVE) 2');
    const before = JSON.stringify(snapshotStore(server.store));
    expect(c.send(command)).toBe(answer + '\r\n');
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
    // A SEARCH that fails with BAD leaves "$" as it was (RFC 5182 §2.1).
    expect(lines(c.send('a4 UID SEARCH UID $'))[0]).toBe('* SEARCH 2');
  });
});

describe('UID FETCH … (PARTIAL …) (RFC 9394 §3.3)', () => {
  it('answers only the page of the messages the UID set names', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 UID FETCH 1:* (FLAGS) (PARTIAL -1:-2)'))).toEqual([
      '* 5 FETCH (UID 5 FLAGS (\\Recent))',
      '* 6 FETCH (UID 6 FLAGS (\\Recent))',
      'a3 OK UID FETCH completed',
    ]);
    expect(lines(c.send('a4 UID FETCH 2:5 (UID) (PARTIAL 2:3)'))).toEqual([
      '* 3 FETCH (UID 3)',
      '* 4 FETCH (UID 4)',
      'a4 OK UID FETCH completed',
    ]);
    expect(lines(c.send('a5 UID FETCH 1:* (UID) (PARTIAL 10:20)'))).toEqual(['a5 OK UID FETCH completed']);
  });

  // RFC 9394 §3.4: the example "causes the server to first select the last 30 messages and then
  // only return flag changes for a subset of those messages that have MODSEQ higher than 98305",
  // and "the order of PARTIAL and CHANGEDSINCE FETCH modifiers in the UID FETCH command is not
  // important". The seed's six messages carry mod-sequences 2–7.
  it.each([
    ['PARTIAL first', 'PARTIAL -1:-2 CHANGEDSINCE 7'],
    ['CHANGEDSINCE first', 'CHANGEDSINCE 7 PARTIAL -1:-2'],
  ])('with CHANGEDSINCE, picks the page first, then its changed messages (§3.4; %s)', (_, modifiers) => {
    const { c } = imapSession();
    c.send('a1 SELECT INBOX (CONDSTORE)');
    c.send('a2 STORE 1:2 +FLAGS.SILENT (\\Flagged)'); // UIDs 1 and 2: mod-sequences 8 and 9
    // The last two messages (UIDs 5 and 6) did not change: nothing to answer.
    expect(c.send(`a3 UID FETCH 1:* (FLAGS) (${modifiers})`)).toBe('a3 OK UID FETCH completed\r\n');
    // Once the last one changes, it alone of the page is answered, with its MODSEQ (RFC 7162 §3.1.4.1).
    c.send('a4 STORE 6 +FLAGS.SILENT (\\Flagged)'); // mod-sequence 10
    expect(lines(c.send(`a5 UID FETCH 1:* (FLAGS) (${modifiers})`))).toEqual([
      '* 6 FETCH (UID 6 FLAGS (\\Flagged \\Recent) MODSEQ (10))',
      'a5 OK UID FETCH completed',
    ]);
    // From the start: the first two messages both changed.
    expect(lines(c.send('a6 UID FETCH 1:* (UID) (PARTIAL 1:2 CHANGEDSINCE 7)'))).toEqual([
      '* 1 FETCH (UID 1 MODSEQ (8))',
      '* 2 FETCH (UID 2 MODSEQ (9))',
      'a6 OK UID FETCH completed',
    ]);
    // The page is counted in the UID set given: of UIDs 2:5 the last two are 4 and 5, unchanged.
    expect(c.send('a7 UID FETCH 2:5 (UID) (PARTIAL -1:-2 CHANGEDSINCE 7)')).toBe(
      'a7 OK UID FETCH completed\r\n',
    );
  });

  it('refuses PARTIAL on FETCH (it extends UID FETCH) and malformed ranges, changing nothing', () => {
    const { c, server } = imapSession({ select: true });
    const before = JSON.stringify(snapshotStore(server.store));
    expect(c.send('a3 FETCH 1:* (BODY[]) (PARTIAL 1:2)')).toBe(
      'a3 BAD PARTIAL is a UID FETCH modifier (RFC 9394 §3.3)\r\n',
    );
    expect(c.send('a4 UID FETCH 1:* (BODY[]) (PARTIAL 1)')).toMatch(/^a4 BAD Invalid PARTIAL range/);
    expect(c.send('a5 UID FETCH 1:* (FLAGS) (PARTIAL 1:2 PARTIAL 3:4)')).toMatch(/^a5 BAD .*given twice/);
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });
});

describe('fuzzed PARTIAL grammar', () => {
  const word = fc.constantFrom(
    'PARTIAL',
    '1:2',
    '-1:-2',
    '2:1',
    '0:1',
    '1:*',
    '-1:2',
    '5',
    'MIN',
    'MAX',
    'COUNT',
    'ALL',
    'SAVE',
    '(',
    ')',
    '"1:2"',
    'x',
  );

  it('SEARCH and SORT: one ESEARCH at most and a tagged OK or BAD; nothing changes', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.boolean(), (options, sort) => {
        const { c, server } = imapSession({ select: true });
        const before = JSON.stringify(snapshotStore(server.store));
        const command = sort ? 'SORT' : 'SEARCH';
        const reply = c.send(
          `a9 UID ${command} RETURN (${options.join(' ')}) ${sort ? '(DATE) UTF-8 ' : ''}ALL`,
        );
        expect(reply).toMatch(
          /^(\* ESEARCH \(TAG "a9"\) UID[^\r\n]*\r\n)?a9 (OK|BAD) (?!\[SERVERBUG)[^\r\n]*\r\n$/,
        );
        expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('UID FETCH modifiers: FETCH lines or none, then a tagged OK or BAD; nothing changes', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), (modifiers) => {
        const { c, server } = imapSession({ select: true });
        const before = JSON.stringify(snapshotStore(server.store));
        const reply = c.send(`a9 UID FETCH 1:* (UID) (${modifiers.join(' ')})`);
        expect(reply).toMatch(/^(\* \d+ FETCH \(UID \d+\)\r\n)*a9 (OK|BAD) (?!\[SERVERBUG)[^\r\n]*\r\n$/);
        expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
