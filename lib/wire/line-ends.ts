import type { ByteString } from './bytes';

/** Any line end that is not CRLF: a bare LF, or a bare CR. */
const NON_CRLF = /\r(?!\n)|(?<!\r)\n/;
const ANY_LINE_END = /\r\n|\r|\n/g;

/**
 * A message as CRLF lines, the form both protocols send it in (RFC 1939 §3, RFC 9051 §2.2;
 * RFC 5322 §2.3: "CR and LF MUST only occur together as CRLF"): every bare LF and every bare CR
 * becomes CRLF, and a message that does not end with a line end gets a final CRLF. An empty
 * message stays empty. Already-normal input is returned as it is, so the call is cheap on the
 * common path and idempotent.
 *
 * The store applies this when a message comes in (delivery, APPEND, COPY), as real servers do in
 * effect, so that the octets POP3 LIST and IMAP RFC822.SIZE report are the octets RETR and
 * `FETCH BODY[]` send.
 */
export function toCrlfLines(raw: ByteString): ByteString {
  let out = NON_CRLF.test(raw) ? raw.replace(ANY_LINE_END, '\r\n') : raw;
  if (out !== '' && !out.endsWith('\r\n')) out += '\r\n';
  return out;
}
