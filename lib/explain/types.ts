import type { Direction, Protocol } from '../session/types';

/**
 * One wire unit to explain: what travelled, in which direction, and the little context a
 * reader of the transcript also has (which command it answers, whether IMAP4rev2 is on).
 */
export interface WireUnit {
  readonly protocol: Protocol;
  readonly direction: Direction;
  /** The bytes as shown (a byte string, CRLFs included; passwords may be masked). */
  readonly raw: string;
  /**
   * The command this unit belongs to or answers, e.g. `RETR`, `UID FETCH`, `IDLE`. For an
   * untagged IMAP response: the command in progress, if any (none for the greeting).
   */
  readonly command?: string;
  /**
   * IMAP: the client's line of that command (`a9 SELECT INBOX (QRESYNC (1700000000 41))`), so an
   * untagged response can be read against what the client asked for.
   */
  readonly commandLine?: string;
  /**
   * IMAP: for a response to a SELECT or EXAMINE, the UIDNEXT this device last learned for that
   * mailbox in an earlier session (the highest of the UIDNEXT codes and the UIDs + 1 it was
   * sent), when the transcript shows one: a UID at or above it is a message it never saw.
   */
  readonly knownUidNext?: number;
  /** Protocol state before the unit, e.g. `AUTHORIZATION`, `Selected`. */
  readonly state?: string;
  /** IMAP: the client sent `ENABLE IMAP4rev2` and the server confirmed it (RFC 9051 Appendix A). */
  readonly rev2?: boolean;
  /**
   * IMAP: the client's last NOTIFY was a NOTIFY SET (RFC 5465 §3.1), so a STATUS or LIST with no
   * command in progress is news the client asked for, not an answer.
   */
  readonly notifying?: boolean;
  /** The command record's explanation and RFC section, for client lines that have them. */
  readonly commandExplanation?: string;
  readonly commandRfc?: string;
}

/** One part of a line, by octet offsets into `raw` (`end` exclusive). */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Plain English, one or two sentences. */
  readonly explanation: string;
  /** Where the token's meaning is specified, e.g. `RFC 9051 §7.4.1`. */
  readonly rfc?: string;
}

/** What a line means, as a whole and token by token. Tokens are in order and do not overlap. */
export interface Explanation {
  readonly explanation: string;
  readonly rfc: string;
  readonly tokens: readonly Token[];
}
