import { describe, expect, it } from 'vitest';
import { bytesToDisplayText, textToBytes } from './bytes';

describe('textToBytes', () => {
  it.each([
    ['plain ASCII, kept as it is', 'Hello\r\n', 'Hello\r\n'],
    ['the empty string', '', ''],
    ['é as its two UTF-8 octets', 'Café', 'Caf\xc3\xa9'],
    ['€ as three octets', '5 €', '5 \xe2\x82\xac'],
    ['an emoji (a surrogate pair) as four octets', '😀', '\xf0\x9f\x98\x80'],
    ['DEL, the last ASCII character', '\x7f', '\x7f'],
  ])('%s', (_, text, bytes) => {
    expect(textToBytes(text)).toBe(bytes);
    expect(bytesToDisplayText(textToBytes(text))).toBe(text);
  });

  it('encodes text longer than one conversion chunk (8,192 octets) whole', () => {
    const text = 'é'.repeat(10_000);
    const bytes = textToBytes(text);
    expect(bytes.length).toBe(20_000);
    expect(bytes.slice(0, 4)).toBe('\xc3\xa9\xc3\xa9');
    expect(bytesToDisplayText(bytes)).toBe(text);
  });
});
