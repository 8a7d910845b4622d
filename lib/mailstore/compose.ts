import { textToBytes, type ByteString } from '../wire/bytes';

export interface MessageSpec {
  from: string;
  to: string;
  cc?: string;
  subject: string;
  /** RFC 5322 date, e.g. `Mon, 02 Mar 2026 09:15:00 +0000`. */
  date: string;
  messageId: string;
  inReplyTo?: string;
  /** The whole thread, oldest first, ending with the parent (RFC 5322 §3.6.4); default: the parent alone. */
  references?: readonly string[];
  /** Either a plain-text body or a full MIME body with its own Content-Type header. */
  text?: string;
  mime?: { contentType: string; body: string };
}

/** Builds an RFC 5322 message with CRLF line endings, as an MTA would store it. */
export function composeMessage(spec: MessageSpec): ByteString {
  const headers = [
    `Return-Path: <${addressOf(spec.from)}>`,
    `From: ${spec.from}`,
    `To: ${spec.to}`,
    ...(spec.cc ? [`Cc: ${spec.cc}`] : []),
    `Subject: ${spec.subject}`,
    `Date: ${spec.date}`,
    `Message-ID: <${spec.messageId}>`,
    ...(spec.inReplyTo
      ? [
          `In-Reply-To: <${spec.inReplyTo}>`,
          `References: ${(spec.references ?? [spec.inReplyTo]).map((id) => `<${id}>`).join(' ')}`,
        ]
      : []),
    'MIME-Version: 1.0',
    ...(spec.mime
      ? [`Content-Type: ${spec.mime.contentType}`]
      : ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 7bit']),
  ];
  const body = spec.mime ? spec.mime.body : (spec.text ?? '');
  return textToBytes(toCrlf(headers.join('\n') + '\n\n' + body.replace(/\n?$/, '\n')));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An RFC 5322 §3.3 date-time in UTC, e.g. `Mon, 02 Mar 2026 09:00:00 +0000`, with the day name
 * that date really has. `ms`: milliseconds since the epoch.
 */
export function rfc5322Date(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** Normalises any line endings to CRLF. */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

function addressOf(mailbox: string): string {
  const m = /<([^>]+)>/.exec(mailbox);
  return m ? m[1]! : mailbox;
}
