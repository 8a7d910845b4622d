import type { Account } from '../mailstore/account';
import { asPop3MsgNum, type Pop3MsgNum } from '../mailstore/ids';
import type { StoredMessage } from '../mailstore/message';
import { Pop3Error } from './types';

/**
 * The INBOX as one POP3 session sees it: a snapshot taken when the session enters TRANSACTION,
 * numbered 1..n for the whole session (RFC 1939 §4), with deletion marks that only QUIT commits.
 */
export class Maildrop {
  readonly messages: readonly StoredMessage[];
  private readonly deleted = new Set<Pop3MsgNum>();
  private readonly retrieved = new Set<Pop3MsgNum>();

  constructor(readonly account: Account) {
    this.messages = [...account.inbox.messages];
  }

  /** Parses a message-number argument and returns the message it names, if not deleted. */
  get(arg: string): { num: Pop3MsgNum; message: StoredMessage } {
    const num = parseMessageNumber(arg);
    const message = this.messages[num - 1];
    if (!message) throw new Pop3Error(`No such message, only ${this.messages.length} messages in maildrop`);
    if (this.deleted.has(num)) throw new Pop3Error(`Message ${num} already deleted`);
    return { num, message };
  }

  /**
   * One line per message not marked deleted, `n text` (LIST and UIDL's listings, RFC 1939
   * §5, §7), CRLF between lines.
   */
  listing(text: (message: StoredMessage) => string | number): string {
    let out = '';
    for (let i = 0; i < this.messages.length; i++) {
      const num = asPop3MsgNum(i + 1);
      if (this.deleted.has(num)) continue;
      out += (out === '' ? '' : '\r\n') + num + ' ' + text(this.messages[i]!);
    }
    return out;
  }

  /** Count and octets of the messages not marked deleted (STAT, RSET). */
  totals(): { count: number; octets: number } {
    let count = 0;
    let octets = 0;
    for (let i = 0; i < this.messages.length; i++) {
      if (this.deleted.has(asPop3MsgNum(i + 1))) continue;
      count++;
      octets += this.messages[i]!.size;
    }
    return { count, octets };
  }

  markDeleted(num: Pop3MsgNum): void {
    this.deleted.add(num);
  }

  markRetrieved(num: Pop3MsgNum): void {
    this.retrieved.add(num);
  }

  /** RSET: unmark every deletion. */
  reset(): void {
    this.deleted.clear();
  }

  /**
   * The UPDATE state (RFC 1939 §6): remove the marked messages from the INBOX. Retrieved
   * messages that stay are flagged \Seen, as Dovecot does, so IMAP clients show them read.
   */
  commit(origin: unknown): { removed: number; left: number } {
    const inbox = this.account.inbox;
    for (const num of this.retrieved) {
      const message = this.messages[num - 1]!;
      if (!this.deleted.has(num) && !message.flags.has('\\Seen')) {
        inbox.setFlags(message, [...message.flags, '\\Seen'], origin);
      }
    }
    const doomed = [...this.deleted].map((num) => this.messages[num - 1]!);
    const removed = inbox.expunge(doomed, origin).length;
    return { removed, left: inbox.messages.length };
  }
}

/** RFC 1939 message numbers are positive decimal integers. */
export function parseMessageNumber(arg: string): Pop3MsgNum {
  if (!/^[1-9][0-9]{0,8}$/.test(arg)) throw new Pop3Error(`Invalid message number: ${arg.slice(0, 40)}`);
  return asPop3MsgNum(Number(arg));
}

/**
 * The UIDL unique-id of a message: UID and UIDVALIDITY in hex, Dovecot's default format
 * (%08Xu%08Xv), so it never changes between sessions and is shared with IMAP's UID.
 */
export function uniqueId(message: StoredMessage, uidValidity: number): string {
  return hex8(message.uid) + hex8(uidValidity);
}

function hex8(n: number): string {
  return n.toString(16).toUpperCase().padStart(8, '0');
}
