import { rfc5322Date } from '../mailstore/compose';
import type { PeerAddress } from '../session/types';
import type { ByteString } from '../wire/bytes';

/**
 * Where the header section of a message ends (RFC 5322 §2.1, §2.2): at the first empty line,
 * or at the first line that is neither a header field (`name:`) nor a folded continuation.
 * `end` is the offset of that line; `blank` tells whether it is the empty separator line.
 */
export function headerEnd(message: ByteString): { end: number; blank: boolean } {
  let at = 0;
  while (at < message.length) {
    const eol = message.indexOf('\r\n', at);
    const line = message.slice(at, eol < 0 ? message.length : eol);
    if (line === '') return { end: at, blank: true };
    if (!/^[\x21-\x39\x3b-\x7e]+:/.test(line) && !(at > 0 && /^[ \t]/.test(line)))
      return { end: at, blank: false };
    if (eol < 0) return { end: message.length, blank: false };
    at = eol + 2;
  }
  return { end: message.length, blank: false };
}

/** The header section of a message, each field with its CRLF. */
export function headerSection(message: ByteString): ByteString {
  return message.slice(0, headerEnd(message).end);
}

/** True if the header section has a field of that name (case-insensitive, RFC 5322 §1.2.2). */
export function hasField(message: ByteString, name: string): boolean {
  const lower = headerSection(message).toLowerCase();
  const field = name.toLowerCase() + ':';
  return lower.startsWith(field) || lower.includes('\r\n' + field);
}

export interface StampInput {
  /** The submitted text, CRLF lines. */
  readonly content: ByteString;
  readonly hostname: string;
  /** What the client said in EHLO/HELO. */
  readonly clientDomain: string;
  /** The client's IP address from the connection (`SessionIO.peerAddress`), if known. */
  readonly clientAddress?: PeerAddress;
  /** RFC 3848 / RFC 6531 §3.7.3 protocol name: ESMTP, ESMTPA, ESMTPSA, UTF8SMTPA… */
  readonly protocol: string;
  readonly queueId: string;
  /** The one recipient for the `for` clause; none when there are several (RFC 5321 §7.2). */
  readonly singleRecipient: string | null;
  /** Now, in ms (the store's clock). */
  readonly now: number;
  /** A unique left part for a Message-ID the server makes. */
  readonly uniqueId: string;
}

/**
 * An IP address as an SMTP address literal (RFC 5321 §4.1.3): `[192.0.2.7]`, `[IPv6:2001:db8::1]`.
 */
export function addressLiteral(peer: PeerAddress): string {
  return peer.family === 'IPv4' ? `[${peer.address}]` : `[IPv6:${peer.address}]`;
}

/**
 * The message as the server passes it on: a `Received:` line on top (RFC 5321 §4.4, which
 * says a server MUST add one, its FROM clause naming the client as it said in EHLO and, as that
 * section asks, the address its connection came from), and, for a submission that lacks them, `Date:` and
 * `Message-ID:` at the end of the header (RFC 6409 §8.2, §8.3). Nothing else is touched.
 */
export function stampMessage(input: StampInput): ByteString {
  const date = rfc5322Date(input.now);
  const tcpInfo = input.clientAddress ? ` (${addressLiteral(input.clientAddress)})` : '';
  const received =
    `Received: from ${input.clientDomain}${tcpInfo}\r\n\tby ${input.hostname} with ${input.protocol} id ${input.queueId}` +
    `${input.singleRecipient ? `\r\n\tfor <${input.singleRecipient}>` : ''}; ${date}\r\n`;
  const added: string[] = [];
  if (!hasField(input.content, 'Date')) added.push(`Date: ${date}\r\n`);
  if (!hasField(input.content, 'Message-ID'))
    added.push(`Message-ID: <${input.uniqueId}@${input.hostname}>\r\n`);
  if (!added.length) return received + input.content;
  const { end, blank } = headerEnd(input.content);
  // A text that does not start with a header gets the fields, then the empty line, before it.
  const separator = blank || end === input.content.length ? '' : '\r\n';
  return received + input.content.slice(0, end) + added.join('') + separator + input.content.slice(end);
}
