import { describe, expect, it } from 'vitest';
import { compareOctets, unicodeCasemap } from './unicode-casemap';

const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).toUpperCase());

describe('i;unicode-casemap (RFC 5051 §2)', () => {
  it.each([
    // Case is ignored in every cased script, not only a-z.
    ['élan', 'Élan'],
    ['ωμέγα', 'ΩΜΈΓΑ'],
    ['привет', 'ПРИВЕТ'],
    // A precomposed letter and the same letter typed with a combining mark.
    ['\u00E9', 'e\u0301'],
    // Compatibility decompositions: the ligature is its letters, the Roman numeral its letters.
    ['\uFB01le', 'FILE'],
    ['Ⅻ', 'xii'],
    // The digraph's three case forms titlecase to one (Dž), which decomposes.
    ['\u01C4', '\u01C6'],
    ['\u01C5ungla', 'd\u017Eungla'],
    // Greek with ypogegrammeni: the small and the capital letter.
    ['\u1F80', '\u1F88'],
    // Dotless and long forms titlecase to I and S.
    ['\u0131', 'I'],
    ['\u017F', 's'],
  ])('%j and %j are equal', (a, b) => {
    expect(unicodeCasemap(a)).toBe(unicodeCasemap(b));
  });

  it.each([
    // ß has no one-letter titlecase (SS is two): it stays, unlike JavaScript's toUpperCase.
    ['straße', 'STRASSE'],
    // A Hangul syllable has no decomposition in UnicodeData.txt (NFKD would split it into jamo).
    ['\uD55C', '\u1112\u1161\u11AB'],
    // Georgian Mkhedruli's titlecase is itself, not the Mtavruli capital.
    ['\u10D0', '\u1C90'],
  ])('%j and %j stay apart', (a, b) => {
    expect(unicodeCasemap(a)).not.toBe(unicodeCasemap(b));
  });

  it('writes a letter with a diacritic as the titlecased letter, then the combining mark', () => {
    expect(codePoints(unicodeCasemap('élan'))).toEqual(['45', '301', '4C', '41', '4E']);
    expect(unicodeCasemap('a-z 09 @')).toBe('A-Z 09 @');
  });

  it('orders forms by UTF-8 octets, which is code point order, not UTF-16 code units', () => {
    const sorted = ['Zulu', 'élan', 'Fable', 'eland', 'ELAN'].sort((a, b) =>
      compareOctets(unicodeCasemap(a), unicodeCasemap(b)),
    );
    // Accented E among the E's, after every E followed by an ASCII letter.
    expect(sorted).toEqual(['ELAN', 'eland', 'élan', 'Fable', 'Zulu']);
    // U+1F600 is above U+FFFD in UTF-8, though its first UTF-16 unit (0xD83D) is below.
    expect(compareOctets('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFFFD').toBe(true);
    expect(compareOctets('ab', 'abc')).toBeLessThan(0);
    expect(compareOctets('abc', 'abc')).toBe(0);
  });
});
