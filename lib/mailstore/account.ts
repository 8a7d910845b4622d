import type { ByteString } from '../wire/bytes';
import { Mailbox, type SpecialUse } from './mailbox';
import type { StoredMessage } from './message';

/** The hierarchy delimiter of every account (RFC 9051 §5.1). */
export const DELIMITER = '/';

/** Why a mailbox operation was refused, in words a protocol reply can carry. */
export class MailStoreError extends Error {
  constructor(
    /** RFC 5530 response code, e.g. NONEXISTENT, ALREADYEXISTS, OVERQUOTA, CANNOT. */
    readonly code: 'NONEXISTENT' | 'ALREADYEXISTS' | 'OVERQUOTA' | 'CANNOT' | 'INUSE',
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

export interface AccountOptions {
  /** Storage limit in octets over all mailboxes; null for none. */
  quotaBytes?: number | null;
}

export class Account {
  readonly mailboxes = new Map<string, Mailbox>();
  quotaBytes: number | null;
  /** The POP3 session that holds the maildrop lock (RFC 1939 §8), if any. */
  pop3Lock: unknown = null;

  constructor(
    readonly user: string,
    public password: string,
    private readonly nextUidValidity: () => number,
    options: AccountOptions = {},
  ) {
    this.quotaBytes = options.quotaBytes ?? null;
    this.mailboxes.set('INBOX', new Mailbox('INBOX', nextUidValidity()));
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

  getMailbox(name: string): Mailbox | undefined {
    return this.mailboxes.get(canonicalMailboxName(name));
  }

  requireMailbox(name: string): Mailbox {
    const box = this.getMailbox(name);
    if (!box) throw new MailStoreError('NONEXISTENT', `Mailbox doesn't exist: ${name}`);
    return box;
  }

  /** Creates a mailbox and any missing superiors (RFC 9051 §6.3.4). */
  createMailbox(name: string, specialUse: SpecialUse | null = null): Mailbox {
    const canonical = canonicalMailboxName(name.endsWith(DELIMITER) ? name.slice(0, -1) : name);
    if (canonical === '' || canonical.split(DELIMITER).some((part) => part === '')) {
      throw new MailStoreError('CANNOT', 'Invalid mailbox name');
    }
    if (this.mailboxes.has(canonical)) throw new MailStoreError('ALREADYEXISTS', 'Mailbox already exists');
    const parts = canonical.split(DELIMITER);
    for (let i = 1; i < parts.length; i++) {
      const superior = parts.slice(0, i).join(DELIMITER);
      if (!this.mailboxes.has(superior))
        this.mailboxes.set(superior, new Mailbox(superior, this.nextUidValidity()));
    }
    const box = new Mailbox(canonical, this.nextUidValidity(), specialUse);
    this.mailboxes.set(canonical, box);
    return box;
  }

  /** Deletes a mailbox and its messages; inferior mailboxes stay (RFC 9051 §6.3.5). */
  deleteMailbox(name: string): void {
    const box = this.requireMailbox(name);
    if (box.name === 'INBOX') throw new MailStoreError('CANNOT', 'INBOX cannot be deleted');
    box.expunge([...box.messages]);
    this.mailboxes.delete(box.name);
  }

  /**
   * Renames a mailbox and its inferiors. Renaming INBOX moves its messages to the new name and
   * leaves INBOX empty (RFC 9051 §6.3.6).
   */
  renameMailbox(from: string, to: string): void {
    const source = this.requireMailbox(from);
    const target = canonicalMailboxName(to);
    if (this.mailboxes.has(target))
      throw new MailStoreError('ALREADYEXISTS', 'Target mailbox already exists');
    if (source.name === 'INBOX') {
      const box = this.createMailbox(target);
      for (const m of [...source.messages]) box.append(m.raw, m.flags, m.internalDate);
      source.expunge([...source.messages]);
      return;
    }
    if (target === 'INBOX' || target.startsWith(source.name + DELIMITER)) {
      throw new MailStoreError('CANNOT', 'Cannot rename a mailbox to that name');
    }
    const prefix = source.name + DELIMITER;
    for (const [key, box] of [...this.mailboxes]) {
      if (key !== source.name && !key.startsWith(prefix)) continue;
      const renamed = target + key.slice(source.name.length);
      if (this.mailboxes.has(renamed) && box !== source) {
        throw new MailStoreError('ALREADYEXISTS', `Mailbox already exists: ${renamed}`);
      }
    }
    for (const [key, box] of [...this.mailboxes]) {
      if (key !== source.name && !key.startsWith(prefix)) continue;
      this.mailboxes.delete(key);
      box.name = target + key.slice(source.name.length);
      this.mailboxes.set(box.name, box);
    }
    // Superiors of the new name exist too.
    const parts = target.split(DELIMITER);
    for (let i = 1; i < parts.length; i++) {
      const superior = parts.slice(0, i).join(DELIMITER);
      if (!this.mailboxes.has(superior))
        this.mailboxes.set(superior, new Mailbox(superior, this.nextUidValidity()));
    }
  }

  /** Throws OVERQUOTA if adding `bytes` would pass the account's limit. */
  checkQuota(bytes: number): void {
    if (this.quotaBytes !== null && this.usedBytes + bytes > this.quotaBytes) {
      throw new MailStoreError('OVERQUOTA', 'Quota exceeded (mailbox for user is full)');
    }
  }

  /** Appends within the quota. */
  append(
    box: Mailbox,
    raw: ByteString,
    flags: Iterable<string>,
    internalDate: number,
    origin: unknown = null,
  ): StoredMessage {
    this.checkQuota(raw.length);
    return box.append(raw, flags, internalDate, origin);
  }
}
