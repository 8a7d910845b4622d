import { decode as decodeQuotedPrintable } from 'quoted-printable';
import { headerValue, type MimePart } from '../../../mail/mime';
import type { ByteString } from '../../../wire/bytes';

/**
 * The part's Content-Transfer-Encoding, lower-cased (RFC 2045 §6.1: the value is not
 * case-sensitive, and a part without the field is `7bit`).
 */
export function transferEncoding(part: MimePart): string {
  const value = headerValue(part.headers, 'content-transfer-encoding');
  // A comment in parentheses may follow the mechanism (RFC 2045 §1: these fields may hold RFC 822 comments).
  return value
    ? value
        .replace(/\([^)]*\)/g, '')
        .trim()
        .toLowerCase()
    : '7bit';
}

/** The encodings this server can undo (RFC 2045 §6.1); any other is `[UNKNOWN-CTE]`. */
const KNOWN = new Set(['7bit', '8bit', 'binary', 'base64', 'quoted-printable']);

/** True when the server knows how to decode the encoding (RFC 3516 §4.3). */
export function isKnownEncoding(cte: string): boolean {
  return KNOWN.has(cte);
}

/**
 * Undoes a Content-Transfer-Encoding (RFC 2045 §6): base64 and quoted-printable are decoded,
 * 7bit, 8bit and binary are identities (§6.2). Returns the octets as a byte string, or null for
 * an encoding this server does not know.
 */
export function decodeBody(body: ByteString, cte: string): ByteString | null {
  if (cte === 'base64') return decodeBase64(body);
  // The library decodes `=XX`, drops soft line breaks and trailing blanks (RFC 2045 §6.7).
  if (cte === 'quoted-printable') return decodeQuotedPrintable(body);
  return KNOWN.has(cte) ? body : null;
}

/**
 * RFC 2045 §6.8: characters outside the base64 alphabet are ignored, and decoding stops at
 * the padding. `atob` (a web platform function, in browsers and Node alike) does the decoding;
 * a last group of a single character carries no whole octet and is dropped, as decoders do.
 */
function decodeBase64(body: ByteString): ByteString {
  let text = body.replace(/[^A-Za-z0-9+/=]/g, '');
  const pad = text.indexOf('=');
  if (pad >= 0) text = text.slice(0, pad);
  if (text.length % 4 === 1) text = text.slice(0, -1);
  return atob(text + '='.repeat((4 - (text.length % 4)) % 4));
}
