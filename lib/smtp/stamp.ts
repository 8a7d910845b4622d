import { rfc5322Date } from '../mailstore/compose';
import type { ByteString } from '../wire/bytes';

/** The header section of a message: everything before the first empty line (RFC 5322 §2.1). */
export function headerSection(message: ByteString): ByteString {
  const end = message.indexOf('\r\n\r\n');
  return end < 0 ? message : message.slice(0, end + 2);
}

/** True if the header section has a field of that name (case-insensitive, RFC 5322 §1.2.2). */
export function hasField(message: ByteString, name: string): boolean {
  const header = headerSection(message);
  const lower = header.toLowerCase();
  const field = name.toLowerCase() + ':';
  return lower.startsWith(field) || lower.includes('\r\n' + field);
}

export interface StampInput {
  /** The submitted text, CRLF lines. */
  readonly content: ByteString;
  readonly hostname: string;
  /** What the client said in EHLO/HELO. */
  readonly clientDomain: string;
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
 * The message as the server passes it on: a `Received:` line on top (RFC 5321 §4.4, which
 * says a server MUST add one), and, for a submission that lacks them, `Date:` and
 * `Message-ID:` at the end of the header (RFC 6409 §8.2, §8.3). Nothing else is touched.
 */
export function stampMessage(input: StampInput): ByteString {
  const date = rfc5322Date(input.now);
  const received =
    `Received: from ${input.clientDomain}\r\n\tby ${input.hostname} with ${input.protocol} id ${input.queueId}` +
    `${input.singleRecipient ? `\r\n\tfor <${input.singleRecipient}>` : ''}; ${date}\r\n`;
  const added: string[] = [];
  if (!hasField(input.content, 'Date')) added.push(`Date: ${date}\r\n`);
  if (!hasField(input.content, 'Message-ID'))
    added.push(`Message-ID: <${input.uniqueId}@${input.hostname}>\r\n`);
  if (!added.length) return received + input.content;
  const end = input.content.indexOf('\r\n\r\n');
  // No empty line: the whole text is header (or the text is empty); the added fields go last.
  if (end < 0) return received + input.content + added.join('');
  return received + input.content.slice(0, end + 2) + added.join('') + input.content.slice(end + 2);
}
