/**
 * The engine speaks in *byte strings*: one JS char per octet (code units 0–255, i.e. Latin-1).
 * That keeps octet counts exact (`s.length` is the byte count RFC 1939 LIST and IMAP literals
 * need) and keeps the engine free of Node's Buffer. The edges convert:
 * the TCP wrapper with `Buffer.from(s, 'latin1')`, the UI with {@link bytesToDisplayText}.
 */
export type ByteString = string;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
const ASCII = /^[\x00-\x7f]*$/;

/** Encodes human text (UTF-8) as a byte string. */
export function textToBytes(text: string): ByteString {
  // ASCII is its own UTF-8: the common case needs no encoding (and no buffer).
  if (ASCII.test(text)) return text;
  const bytes = encoder.encode(text);
  let out = '';
  // Chunked to stay clear of argument-count limits on large messages.
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

/** Decodes a byte string for display, reading it as UTF-8 (invalid sequences become U+FFFD). */
export function bytesToDisplayText(bytes: ByteString): string {
  // ASCII octets are their own UTF-8: the common case needs no decoding (and no buffer).
  if (ASCII.test(bytes)) return bytes;
  const arr = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) arr[i] = bytes.charCodeAt(i) & 0xff;
  return decoder.decode(arr);
}

export const CRLF = '\r\n';
