import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddressList } from './address';
import {
  bytesToText,
  decodeBase64,
  decodeHeaderValue,
  decodePartBody,
  decodeQuotedPrintable,
  foldCase,
} from './decode';
import { parseMime } from './mime';

describe('decoding for SEARCH', () => {
  it.each([
    ['=XX octets', 'caf=C3=A9', 'caf\xc3\xa9'],
    ['lower-case hex', 'caf=c3=a9', 'caf\xc3\xa9'],
    ['a soft line break (CRLF)', 'long=\r\nword', 'longword'],
    ['a soft line break (bare LF)', 'long=\nword', 'longword'],
    ['transport white space at line ends', 'a  \r\nb\t\r\n', 'a\r\nb\r\n'],
    ['a lone "=" is kept', 'a=b =Z1', 'a=b =Z1'],
  ])('quoted-printable (RFC 2045 §6.7): %s', (_, input, expected) => {
    expect(decodeQuotedPrintable(input)).toBe(expected);
  });

  it.each([
    ['with line breaks', 'Y2Fm\r\nw6k=\r\n', 'caf\xc3\xa9'],
    ['without padding', 'Y2Fmw6k', 'caf\xc3\xa9'],
    ['characters outside the alphabet ignored', 'Y2F*m w6k=', 'caf\xc3\xa9'],
    ['a lone last character (no whole byte)', 'Y2FmY', 'caf'],
    ['data after the padding ignored', 'YQ==YWJj', 'a'],
  ])('base64 (RFC 2045 §6.8): %s', (_, input, expected) => {
    expect(decodeBase64(input)).toBe(expected);
  });

  it.each([
    ['UTF-8', 'caf\xc3\xa9', 'utf-8', 'café'],
    ['ISO-8859-1', 'caf\xe9', 'ISO-8859-1', 'café'],
    ['8-bit labelled us-ascii, valid UTF-8', 'caf\xc3\xa9', 'us-ascii', 'café'],
    ['8-bit labelled UTF-8 but not UTF-8', 'caf\xe9', 'utf-8', 'café'],
    ['an unknown charset', 'caf\xc3\xa9', 'x-unknown', 'café'],
  ])('bytes to text: %s', (_, bytes, charset, expected) => {
    expect(bytesToText(bytes, charset)).toBe(expected);
  });

  it('header values: encoded words (RFC 2047) and raw UTF-8 (RFC 6532)', () => {
    expect(decodeHeaderValue('=?UTF-8?Q?Caf=C3=A9?= and =?ISO-8859-1?B?R3L832U=?=')).toBe('Café and Grüße');
    expect(decodeHeaderValue('Zo\xc3\xab')).toBe('Zoë');
  });

  it('folding: case, composition and ß', () => {
    expect(foldCase('Café')).toBe(foldCase('CAFE\u0301'));
    expect(foldCase('Grüße')).toBe(foldCase('GRÜSSE'));
    expect(foldCase('Cafe')).not.toBe(foldCase('Café'));
  });

  it('never throws, whatever the bytes (mail is client input)', () => {
    // Octets, biased towards the characters these decoders care about.
    const octets = fc
      .array(
        fc.oneof(
          fc.integer({ min: 0, max: 255 }).map((n) => String.fromCharCode(n)),
          fc.constantFrom(
            '=?',
            '?=',
            '?Q?',
            '?B?',
            'utf-8',
            '=',
            '<',
            '>',
            '"',
            '(',
            ')',
            ',',
            ':',
            ';',
            '@',
            '\\',
            '\r\n',
          ),
        ),
        { maxLength: 80 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(octets, octets, (header, body) => {
        decodeHeaderValue(header);
        parseAddressList(header);
        decodeBase64(body);
        bytesToText(body, header);
        const raw = `Content-Type: text/plain; charset=${header}\r\nContent-Transfer-Encoding: ${body.length % 2 ? 'base64' : 'quoted-printable'}\r\n\r\n${body}`;
        decodePartBody(raw, parseMime(raw));
      }),
      { numRuns: 2000 },
    );
  });
});
