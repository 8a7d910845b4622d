import type { ByteString } from '../wire/bytes';

/**
 * An IMAP string (RFC 9051 §4.3): quoted when it is short, 7-bit and on one line; a literal
 * `{n}\r\n…` otherwise, so any byte can travel.
 */
export function imapString(value: ByteString): ByteString {
  if (value.length < 1024 && /^[\x01-\x09\x0b\x0c\x0e-\x7f]*$/.test(value)) {
    return '"' + value.replace(/[\\"]/g, (c) => '\\' + c) + '"';
  }
  return `{${value.length}}\r\n${value}`;
}

/** `nstring`: NIL for null. */
export function nstring(value: ByteString | null | undefined): ByteString {
  return value === null || value === undefined ? 'NIL' : imapString(value);
}

/** `astring`: an atom when it is one, else a string. Mailbox names and user names use this. */
export function astring(value: ByteString): ByteString {
  return /^[^\x00-\x20\x7f-\xff(){%*"\\]+$/.test(value) ? value : imapString(value);
}

/** A mailbox name as LIST and STATUS write it. */
export function mailboxName(name: string): ByteString {
  return name.toUpperCase() === 'INBOX' ? 'INBOX' : astring(name);
}

export function flagList(flags: Iterable<string>): string {
  return '(' + [...flags].join(' ') + ')';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** INTERNALDATE as `"02-Mar-2026 09:00:00 +0000"` (RFC 9051 §9 date-time), in UTC. */
export function dateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `"${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000"`
  );
}

/** Parses an APPEND date-time, `dd-Mon-yyyy hh:mm:ss +zzzz` (day may be space-padded). */
export function parseDateTime(text: string): number | null {
  const m = /^([ \d]\d)-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$/.exec(text);
  if (!m) return null;
  const month = MONTHS.findIndex((x) => x.toLowerCase() === m[2]!.toLowerCase());
  if (month < 0) return null;
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60_000;
  const utc = Date.UTC(Number(m[3]), month, Number(m[1]!.trim()), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(utc) ? null : utc - offset;
}

/** Parses a SEARCH date, `d-Mon-yyyy` (RFC 9051 §9 date), as a UTC day start. */
export function parseSearchDate(text: string): number | null {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(text);
  if (!m) return null;
  const month = MONTHS.findIndex((x) => x.toLowerCase() === m[2]!.toLowerCase());
  if (month < 0) return null;
  return Date.UTC(Number(m[3]), month, Number(m[1]));
}
