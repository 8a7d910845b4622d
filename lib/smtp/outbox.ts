import type { MailStore } from '../mailstore/store';
import type { ByteString } from '../wire/bytes';

/** Entries the teaching outbox keeps per store; older ones are dropped first. */
export const OUTBOX_KEPT = 100;

/** One message the lab would relay to another domain, had it been a real server. */
export interface OutboxEntry {
  /** The queue id the `250` reply named. */
  readonly id: string;
  /** The envelope sender (RFC 5321 §4.1.1.2), '' for `<>`. */
  readonly from: string;
  /** Per destination domain: its recipients and how the next hop would be found. */
  readonly relays: readonly RelayPlan[];
  /** The message as it would leave, Received line included. */
  readonly raw: ByteString;
  readonly size: number;
  /** When it was accepted (ms since the epoch, the store's clock). */
  readonly queuedAt: number;
}

/** Where one domain's mail would go (RFC 5321 §5.1), described, not looked up. */
export interface RelayPlan {
  readonly domain: string;
  readonly recipients: readonly string[];
  /** The lookup a real MTA would make, in words. */
  readonly route: string;
}

const outboxes = new WeakMap<MailStore, OutboxEntry[]>();

/**
 * The store's teaching outbox: mail for outside addresses lands here, and nothing is sent.
 * Kept beside the store (one per store), newest last, at most {@link OUTBOX_KEPT}.
 */
export function outboxOf(store: MailStore): readonly OutboxEntry[] {
  return outboxes.get(store) ?? [];
}

/** Empties the store's outbox (the Live page's trainer reset). */
export function clearOutbox(store: MailStore): void {
  outboxes.delete(store);
}

/** Queues `entry` in the store's outbox, dropping the oldest beyond {@link OUTBOX_KEPT}. */
export function addToOutbox(store: MailStore, entry: OutboxEntry): void {
  let box = outboxes.get(store);
  if (!box) outboxes.set(store, (box = []));
  box.push(entry);
  if (box.length > OUTBOX_KEPT) box.splice(0, box.length - OUTBOX_KEPT);
}

/**
 * How a real MTA finds the next hop for `domain` (RFC 5321 §5.1): the MX records, lowest
 * preference first; with none, the domain's own address (the "implicit MX"); an address
 * literal names the host directly.
 */
export function describeRoute(domain: string): string {
  if (domain.startsWith('['))
    return `${domain} is an address literal: connect to that address on port 25 (RFC 5321 §5.1)`;
  return (
    `look up the MX records of ${domain} in DNS and try each host, lowest preference first, on ` +
    `port 25; if ${domain} has no MX record, use its A/AAAA address (the implicit MX); a "null MX" ` +
    `(RFC 7505) means it takes no mail (RFC 5321 §5.1). Not done here: the lab sends nothing.`
  );
}
