import { decodeWords } from 'postal-mime';
import type { ByteString } from '../wire/bytes';
import { headerValue, type HeaderField, type MimePart } from './mime';

/**
 * Turning stored bytes into the text a person reads, for SEARCH (RFC 9051 §6.4.4): encoded
 * words (RFC 2047, by postal-mime), content transfer encodings (RFC 2045 §6.7–6.8) and
 * charsets (the platform's TextDecoder, which knows the WHATWG encodings). Browser-safe: no
 * Buffer. Nothing here throws on malformed input; what cannot be decoded is kept as it is.
 *
 * postal-mime decodes whole bodies only asynchronously (through Blob), and the engine answers
 * synchronously, so bodies are decoded here with `atob` and a quoted-printable decoder.
 */

/** Bytes (one char per octet) as text in `charset`; unknown labels and bad bytes degrade, never throw. */
export function bytesToText(bytes: ByteString, charset = 'utf-8'): string {
  // Pure ASCII reads the same in every charset we could be given.
  if (!/[^\x00-\x7f]/.test(bytes)) return bytes;
  const data = Uint8Array.from(bytes, (c) => c.charCodeAt(0));
  const label = charset.trim().toLowerCase();
  if (label === 'utf-8' || label === 'utf8' || label === 'us-ascii' || label === 'ascii') {
    // 8-bit octets labelled ASCII (or not labelled) are read as UTF-8, which RFC 6532 §3.2 makes
    // 8-bit header text and which most such mail is; if they are not valid UTF-8, as
    // windows-1252, as mail readers do.
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return new TextDecoder('windows-1252').decode(data);
    }
  }
  try {
    return new TextDecoder(label).decode(data);
  } catch {
    return new TextDecoder('utf-8').decode(data);
  }
}

/** A header field value as text: raw 8-bit octets read as UTF-8, then encoded words decoded. */
export function decodeHeaderValue(value: ByteString): string {
  return decodeWords(bytesToText(value));
}

/** Every field of a header block as `Name: decoded value` lines, for SEARCH TEXT. */
export function decodeHeaderBlock(headers: readonly HeaderField[]): string {
  return headers.map((h) => `${h.name}: ${decodeHeaderValue(h.value)}`).join('\n');
}

/**
 * The body of a leaf part as text: its Content-Transfer-Encoding undone (base64,
 * quoted-printable; 7bit, 8bit and binary as they are), then read in its charset.
 */
export function decodePartBody(raw: ByteString, part: MimePart): string {
  const body = raw.slice(part.bodyStart, part.end);
  const encoding = (headerValue(part.headers, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  const octets =
    encoding === 'base64'
      ? decodeBase64(body)
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  const charset = part.params.find(([k]) => k === 'charset')?.[1] ?? 'utf-8';
  return bytesToText(octets, charset);
}

/**
 * RFC 2045 §6.8: characters outside the base64 alphabet are ignored; decoding stops at `=`.
 * A truncated last group keeps the whole bytes it holds.
 */
export function decodeBase64(text: ByteString): ByteString {
  let clean = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const pad = clean.indexOf('=');
  if (pad >= 0) clean = clean.slice(0, pad);
  if (clean.length % 4 === 1) clean = clean.slice(0, -1);
  return atob(clean);
}

/**
 * RFC 2045 §6.7: `=XX` is an octet, `=` at the end of a line is a soft line break, and white
 * space at the end of a line was added in transport. A lone `=` not followed by two hex digits
 * is kept, as rule (1) of §6.7 suggests for robustness.
 */
export function decodeQuotedPrintable(text: ByteString): ByteString {
  return text
    .replace(/[ \t]+(?=\r?\n|$)/g, '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Text folded for SEARCH's case-insensitive matching: composed (NFC), then upper-cased, so `é`
 * typed composed or decomposed, `É` and `é`, and `ß` and `SS` compare equal. RFC 9051 §6.4.4
 * asks only for ASCII to match case-insensitively and points to IMAP-I18N (RFC 5255) for more;
 * this folding is the server's choice, close to that RFC's i;unicode-casemap (RFC 5051) but not
 * it: SORT and THREAD use that (`imap/extensions/sort/unicode-casemap.ts`), where `é` is E and a
 * combining accent and `ß` stays `ß`.
 */
export function foldCase(text: string): string {
  return text.normalize('NFC').toUpperCase().normalize('NFC');
}
