import type { ByteString } from '../wire/bytes';
import { mailboxToWire, namesInUtf8 } from './extensions/mutf7';

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

/**
 * A stored (Unicode) mailbox name as LIST, LSUB and STATUS write it to this session: in UTF-8
 * once it enabled IMAP4rev2 (RFC 9051 §5.1), else in modified UTF-7 (RFC 3501 §5.1.3), as an
 * astring. `session` is the command's context (only its ENABLEd capabilities are read).
 */
export function mailboxName(name: string, session: { readonly enabled: ReadonlySet<string> }): ByteString {
  if (name.toUpperCase() === 'INBOX') return 'INBOX';
  return astring(mailboxToWire(name, namesInUtf8(session.enabled)));
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

/**
 * Parses an APPEND `date-time` (RFC 9051 §9): `dd-Mon-yyyy hh:mm:ss +zzzz`, the day two digits
 * or a space and a digit, the month case-insensitive. Null when it is malformed or names no
 * real moment (31-Feb, 24:00:00, a zone past ±23:59).
 */
export function parseDateTime(text: string): number | null {
  const m = /^([ \d]\d)-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$/.exec(text);
  if (!m) return null;
  const day = calendarDay(m[1]!.trim(), m[2]!, m[3]!);
  const [hh, mm, ss, zh, zm] = [m[4], m[5], m[6], m[8], m[9]].map(Number);
  if (day === null || hh! > 23 || mm! > 59 || ss! > 60 || zh! > 23 || zm! > 59) return null;
  const offset = (m[7] === '-' ? -1 : 1) * (zh! * 60 + zm!) * 60_000;
  return day + ((hh! * 60 + mm!) * 60 + ss!) * 1000 - offset;
}

/** Parses a SEARCH `date` (RFC 9051 §9): `d-Mon-yyyy`, one or two day digits, as a UTC day start. */
export function parseSearchDate(text: string): number | null {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(text);
  return m ? calendarDay(m[1]!, m[2]!, m[3]!) : null;
}

/** The UTC start of a day, or null when the month is unknown or the day is not in it. */
function calendarDay(day: string, month: string, year: string): number | null {
  const index = MONTHS.findIndex((x) => x.toLowerCase() === month.toLowerCase());
  const d = Number(day);
  if (index < 0 || d < 1) return null;
  // setUTCFullYear takes years below 100 as written (Date.UTC would add 1900), and rolls
  // 31-Feb over into March: a day that moved is not in the month.
  const date = new Date(0);
  const ms = date.setUTCFullYear(Number(year), index, d);
  return date.getUTCDate() === d ? ms : null;
}
