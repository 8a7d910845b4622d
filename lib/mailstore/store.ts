import type { ByteString } from '../wire/bytes';
import { Account, type AccountOptions, MailStoreError } from './account';
import type { StoredMessage } from './message';

/** Injected time, so that runs are reproducible (the simulator uses a virtual clock). */
export interface Clock {
  now(): number;
}

export interface MailStoreOptions {
  clock?: Clock;
  /** First UIDVALIDITY handed out; each new mailbox takes the next. Fixed, for reproducible runs. */
  uidValidityBase?: number;
}

/**
 * The one in-memory store every POP3 and IMAP session of a server shares: POP3 and IMAP see the
 * same INBOX, as on a real server (Dovecot does this).
 */
export class MailStore {
  readonly accounts = new Map<string, Account>();
  readonly clock: Clock;
  private uidValidity: number;

  constructor(options: MailStoreOptions = {}) {
    this.clock = options.clock ?? { now: () => Date.now() };
    this.uidValidity = options.uidValidityBase ?? 1_700_000_000;
  }

  addAccount(user: string, password: string, options: AccountOptions = {}): Account {
    if (this.accounts.has(user)) throw new MailStoreError('ALREADYEXISTS', `Account exists: ${user}`);
    const account = new Account(user, password, () => this.uidValidity++, options);
    this.accounts.set(user, account);
    return account;
  }

  getAccount(user: string): Account | undefined {
    return this.accounts.get(user);
  }

  /** The account if the password matches, else null (same answer for unknown users). */
  authenticate(user: string, password: string): Account | null {
    const account = this.accounts.get(user);
    return account && account.password === password ? account : null;
  }

  /** New mail arrives: an MTA delivers it to the user's INBOX (within the quota). */
  deliver(user: string, raw: ByteString, internalDate = this.clock.now()): StoredMessage {
    const account = this.accounts.get(user);
    if (!account) throw new MailStoreError('NONEXISTENT', `No such user: ${user}`);
    return account.append(account.inbox, raw, [], internalDate);
  }
}
