import type { ByteString } from '../wire/bytes';
import { toCrlfLines } from '../wire/line-ends';
import { Mailbox, type SpecialUse } from './mailbox';
import type { StoredMessage } from './message';

/** The hierarchy delimiter of every account (RFC 9051 §5.1). */
export const DELIMITER = '/';

/** Why a mailbox operation was refused, in words a protocol reply can carry. */
export class MailStoreError extends Error {
  constructor(
    /** RFC 5530 / RFC 9051 §7.1 response code, e.g. NONEXISTENT, ALREADYEXISTS, OVERQUOTA, CANNOT. */
    readonly code: 'NONEXISTENT' | 'ALREADYEXISTS' | 'OVERQUOTA' | 'CANNOT' | 'INUSE' | 'HASCHILDREN',
    message: string,
  ) {
    super(message);
  }
}

/** INBOX is case-insensitive (RFC 9051 §5.1); every other name is taken as spelled. */
export function canonicalMailboxName(name: string): string {
  if (name.toUpperCase() === 'INBOX') return 'INBOX';
  if (name.toUpperCase().startsWith('INBOX' + DELIMITER)) return 'INBOX' + name.slice(5);
  return name;
}

/**
 * A change to an account's mailbox names or subscriptions, as sessions watching the account hear
 * of it (RFC 5465 §5.4 MailboxName, §5.5 SubscriptionChange). Names are canonical.
 */
export type AccountChange =
  | { readonly type: 'created' | 'deleted' | 'subscribed' | 'unsubscribed'; readonly name: string }
  | {
      readonly type: 'renamed';
      readonly from: string;
      readonly to: string;
      /**
       * The old names of the inferiors that moved with it (mailboxes and `\Noselect` names),
       * superiors first. They get no event of their own: RFC 5465 §5.4, "When a mailbox is
       * renamed, its children are renamed too. No additional MailboxName events are sent for
       * children in this case."
       */
      readonly inferiors: readonly string[];
    };

/** Told of each change with its origin (the session that made it, or null). */
export type AccountListener = (change: AccountChange, origin: unknown) => void;

export interface AccountOptions {
  /** Storage limit in octets over all mailboxes; null for none. */
  quotaBytes?: number | null;
  /** Limit on the number of messages over all mailboxes (RFC 9208 §5.2 MESSAGE); null for none. */
  quotaMessages?: number | null;
}

export class Account {
  /** The mailboxes that exist and can be selected, by canonical name. */
  readonly mailboxes = new Map<string, Mailbox>();
  /**
   * Names that exist only as superiors of other mailboxes and cannot be selected: LIST shows them
   * with `\Noselect` (RFC 3501 §6.3.4, §7.2.2). DELETE of a mailbox that has inferiors leaves
   * its name here; such a name stays until it is deleted itself (RFC 3501 §6.3.4's example), and
   * CREATE of it makes it a real mailbox again.
   */
  readonly noselect = new Set<string>();
  /**
   * The subscription list (RFC 3501 §6.3.6): canonical names, whether or not a mailbox of that
   * name exists. DELETE and RENAME leave it alone (a server "MUST NOT unilaterally remove an
   * existing mailbox name from the subscription list even if a mailbox by that name no longer
   * exists"). INBOX and provisioned special-use mailboxes start subscribed (what Dovecot's
   * `auto = subscribe` does); a mailbox a client creates does not.
   */
  readonly subscriptions = new Set<string>(['INBOX']);
  quotaBytes: number | null;
  /** Message count limit over all mailboxes; null for none. */
  quotaMessages: number | null;
  /**
   * The POP3 session that holds the maildrop lock (RFC 1939 §4), if any; one session at a time
   * is this server's policy.
   */
  pop3Lock: unknown = null;
  private readonly listeners = new Set<AccountListener>();

  constructor(
    readonly user: string,
    public password: string,
    private readonly nextUidValidity: () => number,
    options: AccountOptions = {},
  ) {
    this.quotaBytes = options.quotaBytes ?? null;
    this.quotaMessages = options.quotaMessages ?? null;
    this.mailboxes.set('INBOX', new Mailbox('INBOX', nextUidValidity()));
  }

  /** Hears of every mailbox created, deleted or renamed, and every subscription change. */
  watch(listener: AccountListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: AccountChange, origin: unknown): void {
    for (const listener of [...this.listeners]) listener(change, origin);
  }

  /** Adds a name to the subscription list (RFC 3501 §6.3.6); watchers hear of it if it was not. */
  subscribe(name: string, origin: unknown = null): void {
    const canonical = canonicalMailboxName(name);
    if (this.subscriptions.has(canonical)) return;
    this.subscriptions.add(canonical);
    this.emit({ type: 'subscribed', name: canonical }, origin);
  }

  /** Removes a name from the subscription list; watchers hear of it if it was there. */
  unsubscribe(name: string, origin: unknown = null): void {
    const canonical = canonicalMailboxName(name);
    if (!this.subscriptions.delete(canonical)) return;
    this.emit({ type: 'unsubscribed', name: canonical }, origin);
  }

  get inbox(): Mailbox {
    return this.mailboxes.get('INBOX')!;
  }

  /** Octets stored over all mailboxes, what the quota limits. */
  get usedBytes(): number {
    let total = 0;
    for (const box of this.mailboxes.values()) total += box.size;
    return total;
  }

  /** Messages stored over all mailboxes, what the message quota limits. */
  get messageCount(): number {
    let total = 0;
    for (const box of this.mailboxes.values()) total += box.messages.length;
    return total;
  }

  /** The selectable mailbox of that name (a `\Noselect` name has none). */
  getMailbox(name: string): Mailbox | undefined {
    return this.mailboxes.get(canonicalMailboxName(name));
  }

  requireMailbox(name: string): Mailbox {
    const box = this.getMailbox(name);
    if (!box) throw new MailStoreError('NONEXISTENT', `Mailbox doesn't exist: ${name}`);
    return box;
  }

  /** True if some mailbox or `\Noselect` name lies below `name` in the hierarchy. */
  hasInferiors(name: string): boolean {
    const prefix = name + DELIMITER;
    for (const key of this.mailboxes.keys()) if (key.startsWith(prefix)) return true;
    for (const key of this.noselect) if (key.startsWith(prefix)) return true;
    return false;
  }

  /**
   * Creates a mailbox and any missing superiors (RFC 3501 §6.3.3). A `\Noselect` name is not
   * an extant mailbox, so creating it succeeds and makes it selectable. A special-use mailbox is
   * provisioned by the server, and starts subscribed. Errors: ALREADYEXISTS, CANNOT (empty
   * name or an empty level such as `a//b`).
   */
  createMailbox(name: string, specialUse: SpecialUse | null = null, origin: unknown = null): Mailbox {
    const canonical = canonicalMailboxName(name.endsWith(DELIMITER) ? name.slice(0, -1) : name);
    if (canonical === '' || canonical.split(DELIMITER).some((part) => part === '')) {
      throw new MailStoreError('CANNOT', 'Invalid mailbox name');
    }
    if (this.mailboxes.has(canonical)) throw new MailStoreError('ALREADYEXISTS', 'Mailbox already exists');
    const box = this.addMailbox(canonical, specialUse, origin);
    this.emit({ type: 'created', name: canonical }, origin);
    return box;
  }

  /** Makes a checked, canonical name a mailbox (and its missing superiors); no event for it. */
  private addMailbox(canonical: string, specialUse: SpecialUse | null, origin: unknown): Mailbox {
    this.createSuperiors(canonical, origin);
    this.noselect.delete(canonical);
    const box = new Mailbox(canonical, this.nextUidValidity(), specialUse);
    this.mailboxes.set(canonical, box);
    if (specialUse) this.subscriptions.add(canonical);
    return box;
  }

  /**
   * RFC 3501 §6.3.4: deletes a mailbox and its messages. If it has inferiors, its name stays as
   * `\Noselect`; deleting a `\Noselect` name that still has inferiors is refused
   * (HASCHILDREN, RFC 9051 §7.1), one without is removed. INBOX cannot be deleted (CANNOT).
   */
  deleteMailbox(name: string, origin: unknown = null): void {
    const canonical = canonicalMailboxName(name);
    if (canonical === 'INBOX') throw new MailStoreError('CANNOT', 'INBOX cannot be deleted');
    const box = this.mailboxes.get(canonical);
    if (box) {
      box.expunge([...box.messages], origin);
      this.mailboxes.delete(canonical);
      if (this.hasInferiors(canonical)) this.noselect.add(canonical);
      this.emit({ type: 'deleted', name: canonical }, origin);
      return;
    }
    if (!this.noselect.has(canonical))
      throw new MailStoreError('NONEXISTENT', `Mailbox doesn't exist: ${name}`);
    if (this.hasInferiors(canonical))
      throw new MailStoreError('HASCHILDREN', `Name "${name}" has inferior hierarchical names`);
    this.noselect.delete(canonical);
    this.emit({ type: 'deleted', name: canonical }, origin);
  }

  /**
   * Renames a mailbox (or a `\Noselect` name) and its inferiors (RFC 3501 §6.3.5). Renaming INBOX
   * moves its messages to the new name and leaves INBOX empty, its inferiors unaffected. The
   * target may be a `\Noselect` name (it is not an extant mailbox); subscriptions keep their
   * names. Errors: NONEXISTENT, ALREADYEXISTS, CANNOT (into INBOX or below itself).
   */
  renameMailbox(from: string, to: string, origin: unknown = null): void {
    const sourceName = canonicalMailboxName(from);
    const source = this.mailboxes.get(sourceName);
    if (!source && !this.noselect.has(sourceName))
      throw new MailStoreError('NONEXISTENT', `Mailbox doesn't exist: ${from}`);
    const target = canonicalMailboxName(to.endsWith(DELIMITER) ? to.slice(0, -1) : to);
    if (target === '' || target.split(DELIMITER).some((part) => part === ''))
      throw new MailStoreError('CANNOT', 'Invalid mailbox name');
    if (this.mailboxes.has(target))
      throw new MailStoreError('ALREADYEXISTS', 'Target mailbox already exists');
    if (sourceName === 'INBOX') {
      // INBOX stays, emptied (RFC 3501 §6.3.5). Watchers hear of a rename to the new name, and of
      // nothing for INBOX (RFC 5465 §5.4: "When INBOX is renamed, a new INBOX is assumed to be
      // created. No MailboxName event is sent for INBOX in this case."), then of its expunge.
      const box = this.addMailbox(target, null, origin);
      for (const m of [...this.inbox.messages]) box.append(m.raw, m.flags, m.internalDate, origin);
      this.emit({ type: 'renamed', from: 'INBOX', to: target, inferiors: [] }, origin);
      this.inbox.expunge([...this.inbox.messages], origin);
      return;
    }
    if (target === 'INBOX' || target.startsWith(sourceName + DELIMITER)) {
      throw new MailStoreError('CANNOT', 'Cannot rename a mailbox to that name');
    }
    const moved = (key: string) => key === sourceName || key.startsWith(sourceName + DELIMITER);
    const renamed = (key: string) => target + key.slice(sourceName.length);
    for (const key of this.mailboxes.keys()) {
      if (moved(key) && key !== sourceName && this.mailboxes.has(renamed(key)))
        throw new MailStoreError('ALREADYEXISTS', `Mailbox already exists: ${renamed(key)}`);
    }
    const boxes = [...this.mailboxes].filter(([key]) => moved(key));
    const names = [...this.noselect].filter(moved);
    for (const [key] of boxes) this.mailboxes.delete(key);
    for (const key of names) this.noselect.delete(key);
    for (const [key, box] of boxes) {
      box.name = renamed(key);
      this.noselect.delete(box.name);
      this.mailboxes.set(box.name, box);
    }
    for (const key of names) if (!this.mailboxes.has(renamed(key))) this.noselect.add(renamed(key));
    this.createSuperiors(target, origin);
    // One event, for the mailbox named in the RENAME: RFC 5465 §5.4, "When a mailbox is renamed,
    // its children are renamed too. No additional MailboxName events are sent for children in
    // this case."
    const inferiors = sortedMoved(
      boxes.map(([key]) => key),
      names,
    ).filter((key) => key !== sourceName);
    this.emit({ type: 'renamed', from: sourceName, to: target, inferiors }, origin);
  }

  /** Superiors of a name that do not exist yet become mailboxes (RFC 3501 §6.3.3 SHOULD). */
  private createSuperiors(name: string, origin: unknown = null): void {
    const parts = name.split(DELIMITER);
    for (let i = 1; i < parts.length; i++) {
      const superior = parts.slice(0, i).join(DELIMITER);
      if (!this.mailboxes.has(superior) && !this.noselect.has(superior)) {
        this.mailboxes.set(superior, new Mailbox(superior, this.nextUidValidity()));
        this.emit({ type: 'created', name: superior }, origin);
      }
    }
  }

  /** Throws OVERQUOTA if adding `messages` messages of `bytes` octets would pass a limit. */
  checkQuota(bytes: number, messages = 1): void {
    if (this.quotaBytes !== null && this.usedBytes + bytes > this.quotaBytes) {
      throw new MailStoreError('OVERQUOTA', 'Quota exceeded (mailbox for user is full)');
    }
    if (this.quotaMessages !== null && this.messageCount + messages > this.quotaMessages) {
      throw new MailStoreError('OVERQUOTA', 'Quota exceeded (too many messages)');
    }
  }

  /** Appends within the quota, counting the message as stored (CRLF lines, see Mailbox.append). */
  append(
    box: Mailbox,
    bytes: ByteString,
    flags: Iterable<string>,
    internalDate: number,
    origin: unknown = null,
  ): StoredMessage {
    const raw = toCrlfLines(bytes);
    this.checkQuota(raw.length);
    return box.append(raw, flags, internalDate, origin);
  }
}

/** The names a rename moved (mailboxes and `\Noselect` names), each once, superiors first. */
function sortedMoved(boxes: readonly string[], names: readonly string[]): string[] {
  return [...new Set([...boxes, ...names])].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
}
