/**
 * Node only. How the Live page shows one wire unit: passwords masked whatever the line looks
 * like, and at most 4 KiB of it, so that a stranger's 10 MiB line is neither kept nor sent to
 * every open page.
 */
import type { SessionEvent } from '../session/types';
import { bytesToDisplayText, type ByteString } from '../wire/bytes';

/** Octets of one wire unit the hub keeps and streams; the rest is counted, not kept. */
export const MAX_SHOWN_BYTES = 4096;

const MASK = '********';

/**
 * A client line that carries credentials, masked from the first secret on — whether or not the
 * line parses (a TAB for a space, run-together arguments such as `LOGIN "student"secret`, a
 * literal): IMAP LOGIN and AUTHENTICATE (RFC 9051 §6.2.2, §6.2.3), POP3 PASS and AUTH
 * (RFC 1939 §7, RFC 5034), SMTP AUTH (RFC 4954 §4; its later SASL lines come masked by the
 * session). Only a user name or mechanism that is a plain atom followed by one
 * space stays visible. Null for any other line.
 */
export function maskCredentials(protocol: 'pop3' | 'imap' | 'smtp', raw: ByteString): ByteString | null {
  const line = raw.replace(/\r?\n$/, '').replace(/\r$/, '');
  const pattern =
    protocol === 'imap'
      ? /^([^\s]+[ \t]+(?:LOGIN|AUTHENTICATE))(?=[^A-Za-z0-9]|$)([\s\S]*)$/i
      : /^(PASS|AUTH)(?=[^A-Za-z0-9]|$)([\s\S]*)$/i;
  const match = pattern.exec(line);
  if (!match) return null;
  const [, head, rest = ''] = match;
  // A mechanism name alone (AUTHENTICATE PLAIN, AUTH PLAIN) carries no secret yet.
  const mechanismOnly = /(AUTHENTICATE|AUTH)$/i.test(head!) && /^ [A-Za-z0-9_-]{1,64}$/.test(rest);
  if (rest === '' || mechanismOnly) return raw;
  // PASS takes the whole rest (RFC 1939 §7: a password may contain spaces).
  const keep = /^PASS$/i.test(head!) ? null : /^ ([A-Za-z0-9._@+-]{1,64}) (?=\S)/.exec(rest);
  return `${head}${keep ? ` ${keep[1]}` : ''} ${MASK}\r\n`;
}

/** The display text of a wire unit: masked, cut to MAX_SHOWN_BYTES with "… n more bytes". */
export function displayLine(
  protocol: 'pop3' | 'imap' | 'smtp',
  event: SessionEvent,
): { text: string; masked: boolean } {
  const credential = event.direction === 'c2s' ? maskCredentials(protocol, event.raw) : null;
  const shown = credential ?? event.masked ?? event.raw;
  const masked = (credential !== null && credential !== event.raw) || event.masked !== undefined;
  if (shown.length <= MAX_SHOWN_BYTES) return { text: bytesToDisplayText(shown), masked };
  const more = shown.length - MAX_SHOWN_BYTES;
  return {
    text: `${bytesToDisplayText(shown.slice(0, MAX_SHOWN_BYTES))}… ${more} more bytes\r\n`,
    masked,
  };
}
