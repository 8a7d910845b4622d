/**
 * # Modified UTF-7 mailbox names (RFC 3501 §5.1.3)
 *
 * IMAP4rev1 writes international mailbox names in 7-bit ASCII: printable US-ASCII characters
 * (0x20–0x7e) stand for themselves, except `&`, which is written `&-`; any run of other Unicode
 * characters is written `&`, their UTF-16 code units in modified BASE64 (`,` instead of `/`, no
 * `=` padding), `-`. So `Entwürfe` is `Entw&APw-rfe` and `台北` is `&U,BTFw-`.
 *
 * The form is canonical: one string has exactly one encoding. `decodeMutf7` refuses (returns
 * null) anything else a client might send: an octet outside 0x20–0x7e, a `&` without its `-`,
 * a character outside the BASE64 alphabet, BASE64 for a printable character that must stand for
 * itself, two encoded runs side by side (the "null shift" `-&` of §5.1.3), leftover bits that
 * are not zero, or a UTF-16 surrogate without its pair. A server answers such a name with BAD.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

const printable = (code: number) => code >= 0x20 && code <= 0x7e;

/** A (JavaScript, UTF-16) string in modified UTF-7: always 7-bit, always valid. */
export function encodeMutf7(name: string): string {
  let out = '';
  let run: number[] = [];
  const flush = () => {
    if (!run.length) return;
    const bytes = run.flatMap((u) => [u >> 8, u & 0xff]);
    let bits = 0;
    let value = 0;
    out += '&';
    for (const b of bytes) {
      value = (value << 8) | b;
      bits += 8;
      while (bits >= 6) {
        bits -= 6;
        out += ALPHABET[(value >> bits) & 0x3f];
      }
      value &= (1 << bits) - 1;
    }
    if (bits > 0) out += ALPHABET[(value << (6 - bits)) & 0x3f];
    out += '-';
    run = [];
  };
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (printable(code)) {
      flush();
      out += code === 0x26 ? '&-' : name[i];
    } else run.push(code);
  }
  flush();
  return out;
}

/** Decodes one `&…-` run's BASE64 into UTF-16 code units; null if the bits do not fit. */
function decodeRun(b64: string): number[] | null {
  let value = 0;
  let bits = 0;
  const bytes: number[] = [];
  for (const c of b64) {
    const v = VALUE.get(c);
    if (v === undefined) return null;
    value = ((value << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  if (bytes.length % 2 !== 0) return null;
  const units: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) units.push((bytes[i]! << 8) | bytes[i + 1]!);
  return units;
}

/** True for a string of whole UTF-16 characters: every surrogate in its pair. */
function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (u >= 0xdc00 && u <= 0xdfff) return false;
  }
  return true;
}

/**
 * A mailbox name as an IMAP4rev1 client wrote it (a byte string) decoded to a JavaScript
 * string; null when it is not valid modified UTF-7 (see the module comment for each case).
 */
export function decodeMutf7(wire: string): string | null {
  let out = '';
  for (let i = 0; i < wire.length;) {
    const c = wire[i]!;
    if (!printable(c.charCodeAt(0))) return null;
    if (c !== '&') {
      out += c;
      i++;
      continue;
    }
    const end = wire.indexOf('-', i + 1);
    if (end < 0) return null;
    if (end === i + 1) {
      out += '&';
    } else {
      const units = decodeRun(wire.slice(i + 1, end));
      if (!units) return null;
      out += String.fromCharCode(...units);
    }
    i = end + 1;
  }
  // One string, one encoding: anything that does not re-encode to itself is not canonical.
  if (!wellFormed(out) || encodeMutf7(out) !== wire) return null;
  return out;
}

/** True when the name is valid modified UTF-7 (RFC 3501 §5.1.3). */
export function isValidMutf7(wire: string): boolean {
  return decodeMutf7(wire) !== null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A mailbox name as a client sent it (a byte string, one char per octet) to the Unicode name
 * the store keeps. `utf8` is true once the session speaks UTF-8 names (IMAP4rev2, RFC 9051
 * §5.1): the octets must then be well-formed UTF-8; otherwise (IMAP4rev1) the name is modified
 * UTF-7 (RFC 3501 §5.1.3). Null when the name is not valid in that form (the caller answers BAD).
 */
export function mailboxFromWire(wire: string, utf8: boolean): string | null {
  if (!utf8) return decodeMutf7(wire);
  if (/^[\x00-\x7f]*$/.test(wire)) return wire;
  const bytes = new Uint8Array(wire.length);
  for (let i = 0; i < wire.length; i++) {
    const code = wire.charCodeAt(i);
    if (code > 0xff) return null;
    bytes[i] = code;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A stored (Unicode) mailbox name as the session writes it: UTF-8 octets once the session speaks
 * UTF-8 names (RFC 9051 §5.1), modified UTF-7 otherwise (RFC 3501 §5.1.3). A byte string.
 */
export function mailboxToWire(name: string, utf8: boolean): string {
  if (!utf8) return encodeMutf7(name);
  if (/^[\x00-\x7f]*$/.test(name)) return name;
  let out = '';
  for (const b of new TextEncoder().encode(name)) out += String.fromCharCode(b);
  return out;
}

/**
 * True when a session with these ENABLEd capabilities reads and writes mailbox names in UTF-8:
 * after `ENABLE IMAP4rev2` (RFC 9051 §5.1) or `ENABLE UTF8=ACCEPT` (RFC 9755 §3). Otherwise
 * names travel in modified UTF-7.
 */
export function namesInUtf8(enabled: ReadonlySet<string>): boolean {
  return enabled.has('IMAP4REV2') || enabled.has('UTF8=ACCEPT');
}
