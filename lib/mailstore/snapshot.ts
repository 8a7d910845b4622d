import { parseAddressList } from '../mail/address';
import { headerValue, parseHeaderBlock } from '../mail/mime';
import { outboxOf, type OutboxEntry } from '../smtp/outbox';
import { bytesToDisplayText } from '../wire/bytes';
import { sortFlags } from './flags';
import type { StoredMessage } from './message';
import type { MailStore } from './store';

/** A plain-data picture of a store: what the UI draws and what tests compare. */
export interface StoreSnapshot {
  readonly accounts: readonly {
    readonly user: string;
    readonly quotaBytes: number | null;
    readonly usedBytes: number;
    readonly mailboxes: readonly {
      readonly name: string;
      readonly uidValidity: number;
      readonly uidNext: number;
      readonly messages: readonly {
        readonly uid: number;
        readonly size: number;
        readonly flags: readonly string[];
        readonly subject: string;
        /** The sender as a reader sees it: the From display name, else its address ('' if none). */
        readonly from: string;
      }[];
    }[];
  }[];
  /**
   * The SMTP teaching outbox (`lib/smtp/outbox.ts`): mail accepted for other domains, which
   * the lab never sends. Absent while it is empty.
   */
  readonly outbox?: readonly OutboxSnapshot[];
}

/** One message in the teaching outbox, as the UI shows it. */
export interface OutboxSnapshot {
  /** The queue id the `250` reply to the final dot named. */
  readonly id: string;
  /** The envelope sender (MAIL FROM), '' for `<>`. */
  readonly from: string;
  readonly subject: string;
  /** Octets, as it would leave (Received line included). */
  readonly size: number;
  /**
   * Per destination domain: the recipients, and the next-hop lookup a real MTA would make
   * (RFC 5321 §5.1), in words; the lab makes none.
   */
  readonly relays: readonly {
    readonly domain: string;
    readonly recipients: readonly string[];
    readonly route: string;
  }[];
}

/** A plain-data picture of the store, its accounts' mailboxes and the SMTP outbox. */
export function snapshotStore(store: MailStore): StoreSnapshot {
  return {
    accounts: [...store.accounts.values()].map((account) => ({
      user: account.user,
      quotaBytes: account.quotaBytes,
      usedBytes: account.usedBytes,
      mailboxes: [...account.mailboxes.values()]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((box) => ({
          name: box.name,
          uidValidity: box.uidValidity,
          uidNext: box.uidNext,
          messages: box.messages.map((m) => ({
            uid: m.uid,
            size: m.size,
            flags: sortFlags(m.flags),
            subject: subjectOf(m),
            from: senderOf(m),
          })),
        })),
    })),
    ...outboxPart(store),
  };
}

function outboxPart(store: MailStore): { outbox?: OutboxSnapshot[] } {
  const entries = outboxOf(store);
  return entries.length ? { outbox: entries.map(outboxCard) } : {};
}

/** Entries never change, so each is pictured once (frames then share the same objects). */
const outboxCards = new WeakMap<OutboxEntry, OutboxSnapshot>();

function outboxCard(entry: OutboxEntry): OutboxSnapshot {
  let card = outboxCards.get(entry);
  if (!card) {
    const { headers } = parseHeaderBlock(entry.raw, 0, entry.raw.length);
    card = {
      id: entry.id,
      from: entry.from,
      subject: bytesToDisplayText(headerValue(headers, 'subject') ?? '(no subject)'),
      size: entry.size,
      relays: entry.relays.map((r) => ({ domain: r.domain, recipients: [...r.recipients], route: r.route })),
    };
    outboxCards.set(entry, card);
  }
  return card;
}

/** Messages never change their bytes, so each subject is read once. */
const subjects = new WeakMap<StoredMessage, string>();

function subjectOf(message: StoredMessage): string {
  let subject = subjects.get(message);
  if (subject === undefined) {
    const { headers } = parseHeaderBlock(message.raw, 0, message.raw.length);
    subject = bytesToDisplayText(headerValue(headers, 'subject') ?? '(no subject)');
    subjects.set(message, subject);
  }
  return subject;
}

const senders = new WeakMap<StoredMessage, string>();

function senderOf(message: StoredMessage): string {
  let sender = senders.get(message);
  if (sender === undefined) {
    const { headers } = parseHeaderBlock(message.raw, 0, message.raw.length);
    const first = parseAddressList(headerValue(headers, 'from') ?? '').find((a) => a.mailbox !== null);
    const address = first?.host ? `${first.mailbox}@${first.host}` : (first?.mailbox ?? '');
    sender = bytesToDisplayText(first?.name || address);
    senders.set(message, sender);
  }
  return sender;
}
