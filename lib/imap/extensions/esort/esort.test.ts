import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { imapSession, lines } from '../../testing';
import { formatOrdered } from '../../search-return';

// The seed INBOX holds six messages, sent (and received) one a day in order, so DATE order is
// 1 2 3 4 5 6 and REVERSE DATE is 6 5 4 3 2 1; UIDs equal sequence numbers.

describe('ESORT (RFC 5267 §3)', () => {
  it('is advertised', () => {
    const { c } = imapSession();
    expect(c.send('a2 CAPABILITY')).toMatch(/^\* CAPABILITY .* SORT .*ESORT/);
  });

  it('MIN and MAX are the ends of the sort order, not the lowest and highest numbers', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 SORT RETURN (MIN MAX COUNT) (REVERSE DATE) UTF-8 ALL'))).toEqual([
      '* ESEARCH (TAG "a3") MIN 6 MAX 1 COUNT 6',
      'a3 OK SORT completed',
    ]);
  });

  it('ALL lists every match in the sort order, as a sequence set', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 SORT RETURN (ALL) (REVERSE DATE) UTF-8 ALL'))).toEqual([
      '* ESEARCH (TAG "a3") ALL 6,5,4,3,2,1',
      'a3 OK SORT completed',
    ]);
    // Ascending runs of the order may be written as ranges.
    expect(lines(c.send('a4 SORT RETURN (ALL) (DATE) UTF-8 ALL'))[0]).toBe('* ESEARCH (TAG "a4") ALL 1:6');
  });

  it('is the same result SORT gives, in ESEARCH form', () => {
    const { c } = imapSession({ select: true });
    const plain = lines(c.send('a3 UID SORT (SUBJECT) UTF-8 ALL'))[0]!.replace('* SORT ', '').split(' ');
    const extended = lines(c.send('a4 UID SORT RETURN (ALL) (SUBJECT) UTF-8 ALL'))[0]!;
    expect(extended).toBe(`* ESEARCH (TAG "a4") UID ALL ${formatOrdered(plain.map(Number))}`);
  });

  it('RETURN () means ALL, as for SEARCH (RFC 4731 §3.1); UID SORT says UID', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 UID SORT RETURN () (REVERSE ARRIVAL) UTF-8 ALL'))).toEqual([
      '* ESEARCH (TAG "a3") UID ALL 6,5,4,3,2,1',
      'a3 OK UID SORT completed',
    ]);
  });

  it('with no match: COUNT 0, and no MIN, MAX or ALL', () => {
    const { c } = imapSession({ select: true });
    expect(
      lines(c.send('a3 SORT RETURN (MIN MAX ALL COUNT) (DATE) UTF-8 SUBJECT "no such subject"')),
    ).toEqual(['* ESEARCH (TAG "a3") COUNT 0', 'a3 OK SORT completed']);
  });

  it('keeps the search criteria: only the matches are counted', () => {
    const { c } = imapSession({ select: true });
    c.send('a3 STORE 2,4 +FLAGS (\\Flagged)');
    expect(lines(c.send('a4 SORT RETURN (COUNT ALL) (REVERSE DATE) UTF-8 FLAGGED'))[0]).toBe(
      '* ESEARCH (TAG "a4") COUNT 2 ALL 4,2',
    );
  });

  it.each([
    ['an unknown option', 'a3 SORT RETURN (FIRST) (DATE) UTF-8 ALL', 'a3 BAD Unknown return option: FIRST'],
    [
      'SAVE (a SEARCH option)',
      'a3 SORT RETURN (SAVE) (DATE) UTF-8 ALL',
      'a3 BAD SORT does not take the return option SAVE',
    ],
    [
      'ALL twice (RFC 9394 §3.1)',
      'a3 SORT RETURN (ALL ALL) (DATE) UTF-8 ALL',
      'a3 BAD Return option ALL given twice',
    ],
    ['RETURN without a list', 'a3 SORT RETURN (DATE) UTF-8 ALL', 'a3 BAD Unknown return option: DATE'],
  ])('refuses %s with BAD and changes nothing', (_, command, answer) => {
    const { c, server } = imapSession({ select: true });
    const before = JSON.stringify(snapshotStore(server.store));
    expect(c.send(command)).toBe(answer + '\r\n');
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it('fuzzed: any RETURN list gets at most one ESEARCH and one tagged OK or BAD, and changes nothing', () => {
    const word = fc.constantFrom(
      'MIN',
      'MAX',
      'ALL',
      'COUNT',
      'SAVE',
      'PARTIAL',
      '1:2',
      '-1:-2',
      '0:1',
      'x',
      '()',
      '(',
      ')',
      '"a"',
      'UPDATE',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.boolean(), (options, uid) => {
        const { c, server } = imapSession({ select: true });
        const before = JSON.stringify(snapshotStore(server.store));
        const reply = c.send(`a9 ${uid ? 'UID ' : ''}SORT RETURN (${options.join(' ')}) (DATE) UTF-8 ALL`);
        expect(reply).toMatch(
          /^(\* ESEARCH \(TAG "a9"\)( UID)?( [A-Z]+ [^\r\n]+)*\r\n)?a9 (OK|BAD) (?!\[SERVERBUG)[^\r\n]*\r\n$/,
        );
        expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatOrdered', () => {
  it('keeps the order and shortens only ascending runs', () => {
    expect(formatOrdered([4, 5, 6, 2, 1, 3])).toBe('4:6,2,1,3');
    expect(formatOrdered([])).toBe('');
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 50 })), (ns) => {
        const back = formatOrdered(ns)
          .split(',')
          .filter(Boolean)
          .flatMap((p) => {
            const [a, b] = p.split(':').map(Number);
            return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
          });
        expect(back).toEqual(ns);
      }),
    );
  });
});
