import { SENDER_DEVICE } from './eavesdropper';
import { composeMessage, rfc5322Date } from '../lib/mailstore/compose';
import { addressLiteral, stampMessage } from '../lib/smtp/stamp';
import type { MailStore } from '../lib/mailstore/store';
import type { ConnectionSecurity, ServerContext } from '../lib/session/types';
import type { FrameRecorder } from './frame-recorder';
import { wireContent } from './frame-recorder';
import { deviceName } from './narration';
import { transferMs } from './network';
import type { InspectionHook } from './runner';
import { RUN_EPOCH, tell, type DeviceRuntime } from './runtime';
import { messageIdFrom, senderDomain } from './message-id';
import { bareAddress, forTransmission, narrateSmtp, runSmtp } from './smtp-link';
import type { Intent, Protocol } from './types';

/**
 * What the SMTP paths need of a run (runner.ts gives it): the store and server, the recorder,
 * the virtual clock (`t`, ms since {@link RUN_EPOCH}; `advance` moves it on) and the queue.
 */
export interface SmtpRunHost {
  readonly protocol: Protocol;
  readonly store: MailStore;
  readonly server: ServerContext;
  readonly recorder: FrameRecorder;
  readonly inspect?: InspectionHook;
  readonly intentIndex: number;
  readonly t: number;
  advance(ms: number): void;
  note(device: string | null, narration: string): void;
  enqueue(job: () => void): void;
  /** The connection's TLS layer as modelled for this story, or undefined (loopback). */
  connectionSecurity(): (ConnectionSecurity & { tlsActive: boolean }) | undefined;
  /** The mail apps' connection security is STARTTLS. */
  readonly startTls: boolean;
  /** The device's position in the story, for its address (`192.0.2.10` and on). */
  deviceIndex(device: DeviceRuntime): number;
  firstUser(): string;
  /**
   * The account to name on a frame as its server (`Frame.account`), or null when every account
   * lives on the one lab server.
   */
  serverAccount(user: string): string | null;
}

/** Mail arrives for an account: placed in the store, or delivered by the sender's server over SMTP. */
export function newMail(host: SmtpRunHost, intent: Extract<Intent, { type: 'newMail' }>): void {
  const user = intent.account ?? host.firstUser();
  const raw = composeMessage({
    from: intent.from,
    to: `${user}@popvsimap.lab`,
    subject: intent.subject,
    date: rfc5322Date(RUN_EPOCH + host.t),
    messageId: messageIdFrom(`new.${host.intentIndex}`, intent.from),
    text: `${intent.subject}\n\nThis message arrived while the story was running.`,
  });
  if (intent.via === 'smtp') {
    const to = `${user}@popvsimap.lab`;
    // The sender's server took the message from its author's mail app (submission, logged in,
    // inside TLS) and, as every SMTP server that receives a message must (RFC 5321 §4.4), put
    // its own Received: line on top; ours adds another above it on delivery.
    const relayed = stampMessage({
      content: forTransmission(raw),
      hostname: `mx.${domainOf(intent.from)}`,
      clientDomain: '[203.0.113.25]',
      clientAddress: { family: 'IPv4', address: '203.0.113.25' },
      protocol: 'ESMTPSA',
      queueId: `s${host.intentIndex}`,
      singleRecipient: to,
      now: RUN_EPOCH + host.t,
      uniqueId: `s${host.intentIndex}`,
    });
    return deliverOverSmtp(host, intent.from, to, relayed);
  }
  try {
    host.store.deliver(user, raw);
  } catch (error) {
    host.note(
      null,
      `The server refuses the new mail: ${(error as Error).message}. The refusal happens at delivery, over SMTP: the sending server gets an error and the sender a bounce; neither IMAP nor POP3 is involved.`,
    );
  }
}

/**
 * The sender's server connects to ours as to any MX (RFC 5321 §5.1) and delivers without
 * logging in; our server puts the message in the recipient's INBOX (IMAP sessions hear EXISTS
 * at once). A refusal (552 5.2.2 over quota) goes back to the sending server, which bounces.
 */
function deliverOverSmtp(host: SmtpRunHost, from: string, to: string, raw: string): void {
  const sender = bareAddress(from);
  const domain = domainOf(from);
  const link = { latencyMs: 40, bytesPerMs: 1000 };
  let last: 'c2s' | 's2c' | null = null;
  const result = runSmtp(
    host.server,
    { clientName: `mx.${domain}`, from: sender, to: [to], message: raw },
    {
      role: 'delivery',
      // The sender's MX, at an address of the documentation range TEST-NET-2 (RFC 5737).
      peerAddress: { family: 'IPv4', address: '198.51.100.25' },
      id: 'sender.smtp',
      inspect: host.inspect,
      onEvent: (e) => {
        host.advance(transferMs(link, e.bytes, last !== e.direction));
        const greeting = last === null;
        last = e.direction;
        host.recorder.record(
          // Delivered to the recipient's server: its account is the address's local part.
          wireContent(
            SENDER_DEVICE,
            e,
            narrateSmtp("The sender's server", e, greeting),
            false,
            host.serverAccount(to.split('@')[0]!),
          ),
          host.intentIndex,
          host.t,
        );
      },
    },
  );
  if (!result.delivered)
    host.note(
      null,
      `The lab's server refused the message (${result.lastError ?? 'no reply'}), so nothing reached the mailbox. The sender's server now owes ${sender} a bounce: a delivery status notification (RFC 3464) saying the mailbox is full. Refusing for good (552) rather than asking the sender to retry later (452 4.2.2, as RFC 3463 §3.3 suggests for a full mailbox) is this lab's policy. Neither IMAP nor POP3 is involved.`,
    );
}

/**
 * A device sends a message: SMTP submission as its account (RFC 6409), the same in both
 * columns. SMTP keeps no copy for the sender, so an IMAP client APPENDs one to Sent on the
 * server; a POP3 client can only keep it on the device.
 */
export function send(
  host: SmtpRunHost,
  device: DeviceRuntime,
  intent: Extract<Intent, { type: 'send' }>,
): void {
  const id = device.spec.id;
  if (!device.actor.getSnapshot().matches({ network: 'online' })) {
    host.note(id, `${deviceName(id)} is offline: the message waits in its Outbox until the network is back.`);
    return;
  }
  const user = device.spec.accounts?.[0] ?? host.firstUser();
  const from = `${user}@popvsimap.lab`;
  const raw = forTransmission(
    composeMessage({
      from,
      to: intent.to,
      cc: intent.cc,
      subject: intent.subject,
      // The mail app dates and names its message itself, as Thunderbird does (RFC 5322 §3.6).
      date: rfc5322Date(RUN_EPOCH + host.t),
      messageId: `sent.${host.intentIndex}@popvsimap.lab`,
      text: intent.text ?? `${intent.subject}\n\nSent from the ${device.spec.kind}.`,
    }),
  );
  device.lastDirection = null;
  const security = host.connectionSecurity();
  const senderInbox = host.store.getAccount(user)!.inbox;
  const firstNewUid = senderInbox.uidNext;
  // The device's pictures show its SMTP connection open from the greeting's frame (set after
  // recording it: the frame before shows the app before it connects) to the session's end (the
  // last reply's frame is pictured after runSmtp returns, closed, as a POP3/IMAP client's frame
  // of the reply to QUIT is).
  // A mail app names itself by its address (as Thunderbird does); the devices are on a Wi-Fi of
  // the documentation range TEST-NET-1 (RFC 5737).
  const address = { family: 'IPv4', address: `192.0.2.${10 + host.deviceIndex(device)}` } as const;
  const result = runSmtp(
    host.server,
    {
      clientName: addressLiteral(address),
      auth: { user, password: host.store.getAccount(user)!.password },
      startTls: host.startTls,
      from,
      to: [bareAddress(intent.to), ...(intent.cc ? [bareAddress(intent.cc)] : [])],
      message: raw,
    },
    {
      role: 'submission',
      id: `${id}.smtp`,
      peerAddress: address,
      inspect: host.inspect,
      security,
      onEvent: (e) => {
        const greeting = device.lastDirection === null;
        host.advance(
          transferMs(device.network.getSnapshot().context, e.bytes, device.lastDirection !== e.direction),
        );
        device.lastDirection = e.direction;
        host.recorder.count(e);
        host.recorder.record(
          wireContent(
            id,
            e,
            narrateSmtp(deviceName(id), e, greeting),
            security?.tlsActive === true,
            host.serverAccount(user),
          ),
          host.intentIndex,
          host.t,
        );
        device.smtp = true;
      },
    },
  );
  device.smtp = false;
  if (!result.delivered) {
    host.note(
      id,
      `The submission server refused the message (${result.lastError ?? 'no reply'}); it stays in the Outbox.`,
    );
    return;
  }
  const reports = senderInbox.messages.filter(
    (m) => m.uid >= firstNewUid && /report-type=delivery-status/i.test(m.raw),
  );
  const client = device.clients.find((c) => c.account === user);
  if (host.protocol === 'imap' && client) {
    host.note(
      id,
      `The submission server accepted the message (250). SMTP itself files no copy for the sender (some providers' servers do: server policy), so ${deviceName(id).replace(/^The /, 'the ')}'s IMAP client, set to keep a copy, saves one in Sent on the server (APPEND), where every other device sees it.`,
    );
    host.enqueue(() =>
      tell(client, { type: 'ACT', action: { kind: 'append', mailbox: 'Sent', message: raw } }),
    );
  } else
    host.note(
      id,
      `The submission server accepted the message (250). SMTP itself files no copy for the sender (some providers' servers do: server policy), and a POP3 client reaches one maildrop, which servers map to the INBOX, so the sent copy stays in ${deviceName(id).replace(/^The /, 'the ')}'s own Sent folder, unless the client is set to Bcc the sender's own address (a client setting).`,
    );
  // The report is in the sender's INBOX already; a client lists it when it next looks.
  if (reports.length)
    host.note(
      id,
      reportNote(
        user,
        reports.map((m) => m.raw),
      ),
    );
}

/**
 * A delivery status notification landed in the sender's own INBOX (lib/smtp/dsn.ts): what in it
 * is protocol (RFC 5321 §6.1, RFC 3464) and what is this server's policy.
 */
export function reportNote(user: string, reports: readonly string[]): string {
  const failed = [
    ...new Set(
      reports.flatMap((raw) => [...raw.matchAll(/^Final-Recipient: rfc822; (\S+)\r$/gm)].map((m) => m[1]!)),
    ),
  ];
  return (
    `Not every recipient could take it: the mailbox of ${failed.join(', ')} has no room for it: the message would take it over its quota. ` +
    `SMTP gives one reply to the final dot for all the recipients, and the server answered 250: the others could ` +
    `have the message, so it took responsibility for it. For the recipient that failed it must then not lose the ` +
    `message silently: it mails the sender a report (RFC 5321 §4.4, §6.1), from the null sender <> ` +
    `so that no report is ever sent about a failed report (RFC 5321 §6.1, §4.5.5). That delivery status notification now lies in ` +
    `${user}'s own INBOX. Its form is the standard one, which RFC 5321 §3.6.3 says SHOULD be used if possible (a MUST ` +
    `only with the DSN extension, RFC 3461, which this server does not offer): a multipart/report (RFC 3464) whose message/delivery-status part ` +
    `names the Reporting-MTA (§2.2.2), then for each failed recipient the Final-Recipient, "Action: failed", ` +
    `"Status: 5.2.2" (mailbox full) and the Diagnostic-Code, the mail system's own error, here SMTP's 552 (§2.3). ` +
    `Server policy: the quota itself, and the report's wording. The client declared no message size on MAIL ` +
    `(SIZE, RFC 1870), so at RCPT the server could not yet tell that the message would not fit.`
  );
}

/** The domain of a From value's address (`example.net` when it names none). */
function domainOf(from: string): string {
  return senderDomain(from) ?? 'example.net';
}
