import { describe, expect, it } from 'vitest';
import { toCrlfLines } from './line-ends';

describe('toCrlfLines (RFC 5322 §2.3: CR and LF only together, as CRLF)', () => {
  it.each([
    ['bare LF', 'a\n.\nb\n', 'a\r\n.\r\nb\r\n'],
    ['bare CR', 'a\r.\rb\r', 'a\r\n.\r\nb\r\n'],
    ['mixed', 'a\r\nb\nc\rd\r\n', 'a\r\nb\r\nc\r\nd\r\n'],
    ['CR LF LF is two line ends', 'a\r\n\nb\r\n', 'a\r\n\r\nb\r\n'],
    ['LF CR is two line ends', 'a\n\rb\r\n', 'a\r\n\r\nb\r\n'],
    ['no final line end', 'a\r\nb', 'a\r\nb\r\n'],
    ['no final line end, bare LF inside', 'a\nb', 'a\r\nb\r\n'],
    ['already CRLF', 'a\r\n\r\nb\r\n', 'a\r\n\r\nb\r\n'],
    ['empty stays empty', '', ''],
  ])('%s', (_name, input, output) => {
    expect(toCrlfLines(input)).toBe(output);
    expect(toCrlfLines(output)).toBe(output);
  });
});
