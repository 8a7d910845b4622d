import type { ByteString } from '../wire/bytes';
import type { Uid } from './ids';

/** One message in one mailbox. Raw bytes are immutable; flags change. */
export interface StoredMessage {
  readonly uid: Uid;
  /** The RFC 5322 message as delivered, its line ends made CRLF (lib/wire/line-ends.ts). */
  readonly raw: ByteString;
  /** Octets: what POP3 LIST and IMAP RFC822.SIZE report. */
  readonly size: number;
  /** When the server received it (ms since the epoch), IMAP INTERNALDATE. */
  readonly internalDate: number;
  /** Canonical flag spellings (see flags.ts). */
  readonly flags: Set<string>;
  /** Set once the message has left its mailbox; sessions that still show it can still read it. */
  expunged: boolean;
  /**
   * The mod-sequence of the message's last change (RFC 7162 §3.1.1): its mailbox's counter when
   * it arrived or its flags last changed. A plain number, one per message.
   */
  modseq: number;
}
