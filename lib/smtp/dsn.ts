import { rfc5322Date } from '../mailstore/compose';
import type { ByteString } from '../wire/bytes';
import { headerSection } from './stamp';

/** One recipient the message could not be delivered to. */
export interface FailedRecipient {
  readonly address: string;
  /** RFC 3463 status, e.g. `5.2.2`. */
  readonly status: string;
  /** The SMTP reply a receiving server would have given, e.g. `552 5.2.2 Mailbox full`. */
  readonly diagnostic: string;
}

export interface DsnInput {
  readonly hostname: string;
  /** The envelope sender, who gets the report. */
  readonly to: string;
  readonly failed: readonly FailedRecipient[];
  /** The message as accepted: its header section is returned (text/rfc822-headers). */
  readonly original: ByteString;
  readonly arrival: number;
  readonly now: number;
  readonly uniqueId: string;
}

/**
 * A delivery status notification (RFC 3464) for recipients that failed after the message was
 * accepted: `multipart/report; report-type=delivery-status` (RFC 6522) with a human-readable
 * part, a `message/delivery-status` part (per-message fields, then one block per recipient,
 * §2.2, §2.3) and the original header. Sent from the null reverse-path, so that it can never
 * cause another (RFC 5321 §6.1: to a null reverse-path the receiver "MUST NOT send a notification"; §4.5.5); `Auto-Submitted: auto-replied` (RFC 3834 §5).
 */
export function deliveryStatusNotification(input: DsnInput): ByteString {
  const boundary = `=_dsn_${input.uniqueId}`;
  const who = input.failed.map((f) => `  <${f.address}>: ${f.diagnostic}`).join('\r\n');
  const perRecipient = input.failed
    .map(
      (f) =>
        `Final-Recipient: rfc822; ${f.address}\r\nAction: failed\r\nStatus: ${f.status}\r\n` +
        `Diagnostic-Code: smtp; ${f.diagnostic}\r\n`,
    )
    .join('\r\n');
  return [
    'Return-Path: <>',
    `From: Mail Delivery System <MAILER-DAEMON@${input.hostname}>`,
    `To: <${input.to}>`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${rfc5322Date(input.now)}`,
    `Message-ID: <${input.uniqueId}@${input.hostname}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    'This is a delivery status notification in MIME format (RFC 3464).',
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `The lab server ${input.hostname} accepted your message but could not deliver it to:`,
    '',
    who,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${input.hostname}`,
    `Arrival-Date: ${rfc5322Date(input.arrival)}`,
    '',
    perRecipient.replace(/\r\n$/, ''),
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    headerSection(input.original).replace(/\r\n$/, ''),
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
