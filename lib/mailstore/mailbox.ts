import type { ByteString } from '../wire/bytes';
import { toCrlfLines } from '../wire/line-ends';
import { asUid, type Uid } from './ids';
import type { StoredMessage } from './message';

/** What changed in a mailbox; every session watching it hears of it. */
export type MailboxChange =
  | { readonly type: 'append'; readonly message: StoredMessage }
  | { readonly type: 'flags'; readonly message: StoredMessage }
  | { readonly type: 'expunge'; readonly messages: readonly StoredMessage[] };

/**
 * A listener is told of each change with its origin (the session that made it, if any), so that
 * a session does not hear of its own change twice: it reports those in its own responses.
 */
export type MailboxListener = (change: MailboxChange, origin: unknown) => void;

/** Special-use attributes (RFC 6154, part of RFC 9051's LIST). */
export type SpecialUse = '\\Sent' | '\\Trash' | '\\Drafts' | '\\Junk' | '\\Archive';

export class Mailbox {
  /** Messages in ascending UID order: index + 1 is the sequence number for a fresh session. */
  readonly messages: StoredMessage[] = [];
  uidNext: Uid = asUid(1);
  /** Highest UID already announced as \Recent to some session (IMAP4rev1 §2.3.2). */
  recentCutoff: Uid = asUid(0);
  /**
   * The mailbox's mod-sequence counter (RFC 7162 §3.1.1, HIGHESTMODSEQ): every append, flag
   * change and expunge increments it and stamps what changed. Starts at 1, so a client's 0 is
   * older than anything.
   */
  highestModseq = 1;
  /**
   * What expunges left behind (RFC 7162 §3.2.5.1: VANISHED (EARLIER) names UIDs expunged since a
   * mod-sequence): their UIDs, and the mod-sequence of each expunge, ascending. Two numbers each.
   */
  private readonly expungedUids: Uid[] = [];
  private readonly expungedModseqs: number[] = [];
  private readonly listeners = new Set<MailboxListener>();

  constructor(
    public name: string,
    readonly uidValidity: number,
    readonly specialUse: SpecialUse | null = null,
  ) {}

  /** Total octets of the messages in this mailbox. */
  get size(): number {
    let total = 0;
    for (const m of this.messages) total += m.size;
    return total;
  }

  watch(listener: MailboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get watcherCount(): number {
    return this.listeners.size;
  }

  /**
   * Adds a message with the next UID, its line ends made CRLF (see {@link toCrlfLines}), so its
   * size is what POP3 and IMAP send. Quota is the account's business: see Account.append.
   */
  append(
    bytes: ByteString,
    flags: Iterable<string>,
    internalDate: number,
    origin: unknown = null,
  ): StoredMessage {
    const raw = toCrlfLines(bytes);
    const message: StoredMessage = {
      uid: this.uidNext,
      raw,
      size: raw.length,
      internalDate,
      flags: new Set(flags),
      expunged: false,
      modseq: ++this.highestModseq,
    };
    this.uidNext = asUid(this.uidNext + 1);
    this.messages.push(message);
    this.emit({ type: 'append', message }, origin);
    return message;
  }

  /** Replaces a message's flags; listeners hear of it only if they changed. */
  setFlags(message: StoredMessage, flags: Iterable<string>, origin: unknown = null): boolean {
    const next = new Set(flags);
    if (next.size === message.flags.size && [...next].every((f) => message.flags.has(f))) return false;
    message.flags.clear();
    for (const f of next) message.flags.add(f);
    if (!message.expunged) {
      message.modseq = ++this.highestModseq;
      this.emit({ type: 'flags', message }, origin);
    }
    return true;
  }

  /** Removes the given messages (those still here) and tells every watcher. */
  expunge(messages: Iterable<StoredMessage>, origin: unknown = null): StoredMessage[] {
    const doomed = new Set([...messages].filter((m) => !m.expunged));
    if (doomed.size === 0) return [];
    const removed: StoredMessage[] = [];
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i]!;
      if (doomed.has(m)) {
        this.messages.splice(i, 1);
        m.expunged = true;
        removed.unshift(m);
      }
    }
    const modseq = ++this.highestModseq;
    for (const m of removed) {
      this.expungedUids.push(m.uid);
      this.expungedModseqs.push(modseq);
    }
    this.emit({ type: 'expunge', messages: removed }, origin);
    return removed;
  }

  /**
   * UIDs expunged after mod-sequence `modseq` (RFC 7162 §3.2.5.1, §3.2.6), in the order they
   * went; empty when `modseq` is the current HIGHESTMODSEQ or later.
   */
  expungedSince(modseq: number): Uid[] {
    const mods = this.expungedModseqs;
    let lo = 0;
    let hi = mods.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mods[mid]! <= modseq) lo = mid + 1;
      else hi = mid;
    }
    return this.expungedUids.slice(lo);
  }

  findByUid(uid: Uid): StoredMessage | undefined {
    // Messages are in ascending UID order: binary search.
    let lo = 0;
    let hi = this.messages.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.messages[mid]!;
      if (m.uid === uid) return m;
      if (m.uid < uid) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  private emit(change: MailboxChange, origin: unknown): void {
    for (const listener of [...this.listeners]) listener(change, origin);
  }
}
