import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMutf7, encodeMutf7, isValidMutf7 } from '.';

describe('modified UTF-7 (RFC 3501 §5.1.3)', () => {
  it.each([
    // RFC 3501 §5.1.3's example: "~peter/mail/台北/日本語".
    ['~peter/mail/台北/日本語', '~peter/mail/&U,BTFw-/&ZeVnLIqe-'],
    ['Entwürfe', 'Entw&APw-rfe'],
    ['Tom & Jerry', 'Tom &- Jerry'],
    ['&', '&-'],
    ['INBOX', 'INBOX'],
    ['', ''],
    ['é&', '&AOk-&-'],
    ['Boîte d’envoi', 'Bo&AO4-te d&IBk-envoi'],
    ['📬 Post', '&2D3c7A- Post'],
  ])('%s is %s, both ways', (text, wire) => {
    expect(encodeMutf7(text)).toBe(wire);
    expect(decodeMutf7(wire)).toBe(text);
  });

  it.each([
    ['an 8-bit octet (raw UTF-8)', 'Entw\xc3\xbcrfe'],
    ['a control character', 'a\tb'],
    ['a & without its -', 'Entw&APw'],
    ['a character outside the BASE64 alphabet', '&AP/-'],
    ['BASE64 for a printable character, which must stand for itself', '&AGE-'],
    ['two encoded runs side by side (a null shift)', '&U,A-&U,A-'],
    ['two runs that should be one', '&U,BTFw-&ZeVnLIqe-'],
    ['leftover bits that are not zero', '&APx-'],
    ['an odd number of octets', '&AP-'],
    ['a lone high surrogate', '&2D0-'],
    ['a lone low surrogate', '&3Ow-'],
    ['a low surrogate before a high one', '&3OzYPQ-'],
    ['standard UTF-7 padding', '&APw=-'],
  ])('refuses %s', (_, wire) => {
    expect(decodeMutf7(wire)).toBeNull();
    expect(isValidMutf7(wire)).toBe(false);
  });

  it('fuzzed: every string of whole characters round-trips, in 7-bit printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const wire = encodeMutf7(s);
        expect(wire).toMatch(/^[\x20-\x7e]*$/);
        expect(decodeMutf7(wire)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('fuzzed: any bytes either decode to a name that encodes back to them, or are refused, never a throw', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'&-AZaz09+,/=é\x00 ~U'.split('')), maxLength: 20 }),
        (wire) => {
          const text = decodeMutf7(wire);
          if (text !== null) expect(encodeMutf7(text)).toBe(wire);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
