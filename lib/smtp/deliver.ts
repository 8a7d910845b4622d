import type { Account } from '../mailstore/account';
import { MailStoreError } from '../mailstore/account';
import type { ByteString } from '../wire/bytes';
import { deliveryStatusNotification, type FailedRecipient } from './dsn';
import { addToOutbox, describeRoute, type RelayPlan } from './outbox';
import type { Envelope, MailPath } from './path';
import { sameDomain } from './path';
import { reply } from './reply';
import { stampMessage } from './stamp';
import { SmtpError, type SmtpContext, type SmtpReply } from './types';

/** The domains whose mail is the lab's own: the server's host name and `localhost`. */
export function isLocalDomain(ctx: Pick<SmtpContext, 'server'>, domain: string): boolean {
  return sameDomain(domain, ctx.server.hostname) || sameDomain(domain, 'localhost');
}

/**
 * The lab account a path names, or null if it is not a lab address. A local part matches an
 * account name as spelled, else case-insensitively (RFC 5321 §2.4 leaves case to the server).
 * `<postmaster>` without a domain (RFC 5321 §4.1.1.3) is the account named postmaster, if any.
 * Throws `550 5.1.1` for a lab domain with no such account.
 */
export function localAccount(ctx: Pick<SmtpContext, 'server'>, path: MailPath): Account | null {
  if (path.domain !== '' && !isLocalDomain(ctx, path.domain)) return null;
  const { store } = ctx.server;
  const exact = store.getAccount(path.local);
  if (exact) return exact;
  const lower = path.local.toLowerCase();
  for (const account of store.accounts.values()) if (account.user.toLowerCase() === lower) return account;
  throw new SmtpError(550, '5.1.1', `<${path.address}>: Recipient address rejected: no such user here`);
}

/** The sender's lab account, if the reverse-path is a lab address with an account. */
function senderAccount(ctx: SmtpContext, from: MailPath): Account | null {
  if (from.address === '') return null;
  try {
    return localAccount(ctx, from);
  } catch {
    return null;
  }
}

/** RFC 3848 and RFC 6531 §3.7.3: the `with` keyword of the Received line. */
function protocolName(ctx: SmtpContext, envelope: Envelope): string {
  const base = envelope.smtputf8 ? 'UTF8SMTP' : ctx.extended ? 'ESMTP' : 'SMTP';
  const tls = ctx.io.security?.tlsActive ? 'S' : '';
  const auth = ctx.account ? 'A' : '';
  return base + tls + auth;
}

/**
 * The end of DATA (RFC 5321 §4.1.1.4): stamps the message, puts it in each lab recipient's
 * INBOX through the store (IMAP sessions hear of it at once; POP3 sees it at its next login)
 * with a `Return-Path:` (§4.4, final delivery), and records outside recipients in the outbox.
 * If no recipient can take it (quota), `552 5.2.2` and nothing is stored: the client still
 * holds the message and reports it. If only some fail, the server has taken responsibility
 * (§6.1), so it answers `250` and sends the sender a delivery status notification (RFC 3464):
 * into a lab sender's INBOX, or into the outbox for a sender elsewhere.
 */
export function deliverMessage(
  ctx: SmtpContext,
  envelope: Envelope,
  content: ByteString,
  queueId: string,
): SmtpReply {
  const now = ctx.server.store.clock.now();
  const recipients = dedupe(envelope.recipients);
  const stamped = stampMessage({
    content,
    hostname: ctx.server.hostname,
    clientDomain: ctx.clientDomain ?? 'unknown',
    clientAddress: ctx.io.peerAddress,
    protocol: protocolName(ctx, envelope),
    queueId,
    singleRecipient: recipients.length === 1 ? recipients[0]!.address : null,
    now,
    uniqueId: `${now}.${queueId}`,
  });
  const delivered = `Return-Path: <${envelope.from.address}>\r\n` + stamped;

  const local: { path: MailPath; account: Account }[] = [];
  const outside = new Map<string, string[]>();
  for (const path of recipients) {
    const account = localAccount(ctx, path);
    if (account) {
      if (!local.some((l) => l.account === account)) local.push({ path, account });
    } else {
      const key = path.domain.toLowerCase();
      outside.set(key, [...(outside.get(key) ?? []), path.address]);
    }
  }
  const fits = (account: Account) => {
    try {
      account.checkQuota(delivered.length);
      return true;
    } catch {
      return false;
    }
  };
  if (outside.size === 0 && local.every((l) => !fits(l.account)))
    throw new SmtpError(
      552,
      '5.2.2',
      'Mailbox full: the message would pass the quota, nothing was delivered',
    );

  const failed: FailedRecipient[] = [];
  for (const { path, account } of local) {
    try {
      ctx.server.store.deliver(account.user, delivered, now);
    } catch (error) {
      if (!(error instanceof MailStoreError)) throw error;
      failed.push({ address: path.address, status: '5.2.2', diagnostic: '552 5.2.2 Mailbox full' });
    }
  }
  if (outside.size) {
    const relays: RelayPlan[] = [...outside].map(([domain, to]) => ({
      domain,
      recipients: to,
      route: describeRoute(domain),
    }));
    addToOutbox(ctx.server.store, {
      id: queueId,
      from: envelope.from.address,
      relays,
      raw: stamped,
      size: stamped.length,
      queuedAt: now,
    });
  }
  // A null reverse-path gets no report (RFC 5321 §6.1, §4.5.5): it may itself be one.
  if (failed.length && envelope.from.address !== '')
    reportFailures(ctx, envelope.from, failed, stamped, queueId, now);
  return reply(250, '2.0.0', `Ok: queued as ${queueId}`);
}

/**
 * RFC 5321 §6.1: mail accepted with `250` must not be lost silently, so each failure is reported
 * to the reverse-path: into the sender's INBOX for a lab account, else into the outbox, from `<>`,
 * as a real server would relay it to the sender's domain.
 */
function reportFailures(
  ctx: SmtpContext,
  from: MailPath,
  failed: readonly FailedRecipient[],
  stamped: ByteString,
  queueId: string,
  now: number,
): void {
  const dsn = deliveryStatusNotification({
    hostname: ctx.server.hostname,
    to: from.address,
    failed,
    original: stamped,
    arrival: now,
    now,
    uniqueId: `${now}.${queueId}.dsn`,
  });
  const sender = senderAccount(ctx, from);
  if (sender) {
    try {
      ctx.server.store.deliver(sender.user, dsn, now);
    } catch {
      // The sender's own mailbox is full too: a bounce of a bounce is never sent (RFC 5321 §6.1, §4.5.5).
    }
    return;
  }
  if (from.domain === '' || isLocalDomain(ctx, from.domain)) return;
  const domain = from.domain.toLowerCase();
  addToOutbox(ctx.server.store, {
    id: `${queueId}.dsn`,
    from: '',
    relays: [{ domain, recipients: [from.address], route: describeRoute(domain) }],
    raw: dsn,
    size: dsn.length,
    queuedAt: now,
  });
}

/** Each address once (compared as sent, domain case-insensitively). */
function dedupe(paths: readonly MailPath[]): MailPath[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = `${p.local}@${p.domain.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
