import { describe, expect, it } from 'vitest';
import { explainWire, type WireUnit } from '.';

const imapS = (raw: string, command?: string): WireUnit => ({
  protocol: 'imap',
  direction: 's2c',
  raw,
  command,
});
const token = (unit: WireUnit, text: string) => explainWire(unit).tokens.find((t) => t.text === text);

describe('ESORT and PARTIAL lines (RFC 5267, RFC 9394)', () => {
  it('an ESEARCH answering SORT reads MIN and MAX as the ends of the sort order (RFC 5267 §3.1)', () => {
    const u = imapS('* ESEARCH (TAG "a3") MIN 6 MAX 1 COUNT 6\r\n', 'SORT');
    expect(explainWire(u).rfc).toBe('RFC 5267 §3.1');
    expect(token(u, 'MIN 6')!.explanation).toBe('MIN 6: the first message of the sort order.');
    expect(token(u, 'MAX 1')!.explanation).toBe('MAX 1: the last message of the sort order.');
    // The same line answering SEARCH keeps RFC 4731's meaning.
    // RFC 7162 §3.1.10: MODSEQ n after a sort or search with the MODSEQ key.
    const m = imapS('* ESEARCH (TAG "a3") MIN 6 MODSEQ 8\r\n', 'SORT');
    expect(token(m, 'MODSEQ 8')!.rfc).toBe('RFC 7162 §3.1.10');
    expect(token(m, 'MODSEQ 8')!.explanation).toMatch(/highest mod-sequence/);
    const s = imapS('* ESEARCH (TAG "a3") MIN 1 MAX 6\r\n', 'SEARCH');
    expect(token(s, 'MIN 1')!.explanation).toBe('MIN 1: the lowest match.');
  });

  it('PARTIAL return data: the page asked for and what is in it, or NIL (RFC 9394 §3.1)', () => {
    const u = imapS('* ESEARCH (TAG "a4") UID PARTIAL (-1:-3 4:6)\r\n', 'UID SEARCH');
    const t = token(u, 'PARTIAL (-1:-3 4:6)')!;
    expect(t.explanation).toBe(
      'PARTIAL (-1:-3 4:6): one page of the result, positions -1:-3 (counting back from the last match): 4:6.',
    );
    expect(t.rfc).toBe('RFC 9394 §3.1');
    const none = imapS('* ESEARCH (TAG "a5") PARTIAL (7:10 NIL)\r\n', 'SEARCH');
    expect(token(none, 'PARTIAL (7:10 NIL)')!.explanation).toMatch(
      /counting from the first match\): no message is in that page\.$/,
    );
  });

  it('the capabilities have meanings', () => {
    const u = imapS('* CAPABILITY IMAP4rev1 SORT ESORT PARTIAL\r\n');
    expect(token(u, 'ESORT')!.rfc).toBe('RFC 5267 §3.1');
    expect(token(u, 'PARTIAL')!.rfc).toBe('RFC 9394 §3');
  });
});

describe('CONTEXT=SEARCH/SORT lines (RFC 5267 §4)', () => {
  it('ADDTO and REMOVEFROM say what joins or leaves a live search', () => {
    const u = imapS('* ESEARCH (TAG "b1") UID ADDTO (0 7:8)\r\n');
    expect(token(u, 'ADDTO (0 7:8)')!.explanation).toBe(
      'ADDTO (0 7:8): messages that now match the search, to add to its result: 7:8 (in mailbox order).',
    );
    expect(token(u, 'ADDTO (0 7:8)')!.rfc).toBe('RFC 5267 §4.3.3');
    const r = imapS('* ESEARCH (TAG "b2") REMOVEFROM (3 4)\r\n');
    expect(token(r, 'REMOVEFROM (3 4)')!.explanation).toMatch(/no longer match .*: 4 from position 3\.$/);
    expect(token(r, 'REMOVEFROM (3 4)')!.rfc).toBe('RFC 5267 §4.3.4');
  });

  it('NOUPDATE and the capabilities have meanings', () => {
    const x = explainWire(imapS('* NO [NOUPDATE "b7"] Too many searches with updates\r\n'));
    expect(x.explanation).toMatch(/will not keep the search "?b7"? up to date/);
    const u = imapS('* CAPABILITY IMAP4rev1 CONTEXT=SEARCH CONTEXT=SORT\r\n');
    expect(token(u, 'CONTEXT=SEARCH')!.rfc).toBe('RFC 5267 §4.1');
    expect(token(u, 'CONTEXT=SORT')!.rfc).toBe('RFC 5267 §4.1');
  });
});
