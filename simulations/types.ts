import type { StoreSnapshot } from '../lib/mailstore/snapshot';

export type Protocol = 'pop3' | 'imap';
export type DeviceKind = 'laptop' | 'phone' | 'webmail';

/** What a user does, or what happens to them. Messages are named by their server UID (1 = the first seed message). */
export type Intent =
  | { readonly type: 'openApp'; readonly device: string }
  | { readonly type: 'checkMail'; readonly device: string }
  | { readonly type: 'closeApp'; readonly device: string }
  | { readonly type: 'openMessage'; readonly device: string; readonly message: number }
  | { readonly type: 'markRead'; readonly device: string; readonly message: number }
  | { readonly type: 'markUnread'; readonly device: string; readonly message: number }
  | { readonly type: 'flag'; readonly device: string; readonly message: number }
  | { readonly type: 'delete'; readonly device: string; readonly message: number }
  /** IMAP: remove the messages marked \Deleted (EXPUNGE, RFC 9051 §6.4.3); a mail app's "Empty deleted" / "Compact". */
  | { readonly type: 'expunge'; readonly device: string }
  /**
   * The user opens another folder (e.g. Sent). IMAP lists and selects it on the server (RFC 9051
   * §6.3.9, §6.3.2); POP3 gives access to one maildrop (RFC 1939 §1), which servers map to the INBOX, so its folders are the device's own.
   */
  | { readonly type: 'openFolder'; readonly device: string; readonly mailbox: string }
  | { readonly type: 'goOffline'; readonly device: string }
  | { readonly type: 'goOnline'; readonly device: string }
  /**
   * The connection breaks: at once, or after the device's next `afterCommands` commands (given
   * per protocol, since the two speak different numbers of commands; a protocol not named is not affected).
   */
  | {
      readonly type: 'dropConnection';
      readonly device: string;
      readonly afterCommands?: Partial<Record<Protocol, number>>;
    }
  /**
   * The device's link changes speed from here on (a train leaves the station, the café's Wi-Fi
   * gets crowded): a field not given keeps its value. Units already on their way are not slowed.
   */
  | {
      readonly type: 'setLink';
      readonly device: string;
      /** One-way latency, virtual ms. */
      readonly latencyMs?: number;
      /** Bandwidth, octets per virtual ms. */
      readonly bytesPerMs?: number;
    }
  | { readonly type: 'wait'; readonly ms: number }
  /**
   * Mail for an account arrives. With `via: 'smtp'` the sender's server delivers it over SMTP
   * (an MX session, RFC 5321), shown on the wire; without, it is placed in the store unseen.
   */
  | {
      readonly type: 'newMail';
      readonly subject: string;
      readonly from: string;
      readonly account?: string;
      readonly via?: 'smtp';
    }
  /**
   * The server restarts (shut down and started again): it closes every open POP3/IMAP
   * connection, IMAP with an untagged BYE first (RFC 9051 §7.1.5), POP3 without a word (RFC 1939
   * has no shutdown response, and a session cut before QUIT commits no DELE, §6). The mail
   * store persists; clients reconnect at their next action, as after a dropped connection.
   */
  | { readonly type: 'restartServer' }
  /**
   * The account's mailbox reaches its storage quota (RFC 9208 reports it): the provider sets the
   * limit to what the mailbox holds now, so this server refuses the next delivery (552 5.2.2,
   * RFC 5321 §4.2.3; refusing, and with a permanent code, is its policy: RFC 3463 §3.3 suggests
   * 452 4.2.2, and other servers accept and bounce). Default account: the first.
   */
  | { readonly type: 'fillQuota'; readonly account?: string }
  /**
   * The device's mail app sends a message: SMTP submission (RFC 6409) as the device's account,
   * then, in IMAP, a copy APPENDed to Sent; a POP3 user's copy stays on the device.
   */
  | {
      readonly type: 'send';
      readonly device: string;
      readonly to: string;
      /** A second recipient, on the Cc line (and a second RCPT TO). */
      readonly cc?: string;
      readonly subject: string;
      readonly text?: string;
    };

export type IntentType = Intent['type'];

/** One message as a device shows it. */
export interface LocalMessage {
  /** The server UID the copy came from. */
  readonly uid: number;
  readonly subject: string;
  readonly from: string;
  readonly size: number;
  readonly seen: boolean;
  readonly flagged: boolean;
  /** False for an IMAP envelope-only entry (UID FETCH … ENVELOPE): the body was never downloaded. */
  readonly hasBody: boolean;
  /** Which account it came from (two-accounts scenario). */
  readonly account: string;
  /** Octets this entry takes on the device: the whole message, or just what was fetched of it. */
  readonly storedBytes: number;
  /** IMAP: the message carries \Deleted (marked, not yet expunged). */
  readonly deleted?: boolean;
  /** IMAP: only part of the body was downloaded (the text part, not the attachments). */
  readonly partial?: boolean;
}

export interface DeviceSnapshot {
  readonly id: string;
  readonly kind: DeviceKind;
  /** What the device's client speaks in this run ('server' for webmail: it reads the server directly). */
  readonly client: Protocol | 'server';
  readonly online: boolean;
  /** The mail client's POP3/IMAP connection is open (not an SMTP one: see `smtp`). */
  readonly connected: boolean;
  /**
   * The mail app is sending: its SMTP submission connection (RFC 6409) is open, from the
   * server's greeting until the reply to QUIT. Absent when not (and in older timelines).
   */
  readonly smtp?: true;
  /** The client's state name, e.g. `retrieving` or `idling`. */
  readonly clientState: string;
  readonly messages: readonly LocalMessage[];
  /** Octets stored on the device. */
  readonly localBytes: number;
  /** The mail client's settings in words, e.g. "leave a copy on the server: off; remembers UIDLs". */
  readonly settings: string;
  /** IMAP: the other folder the user last opened, as the client fetched it (envelopes only). */
  readonly folder?: { readonly name: string; readonly messages: readonly LocalMessage[] };
}

export interface Metrics {
  readonly bytesDown: number;
  readonly bytesUp: number;
  /** Commands sent (each waits for its reply). */
  readonly roundTrips: number;
  /** Messages in the server's INBOX (every account's): Sent, Trash and other folders not counted. */
  readonly serverMessages: number;
  /** Octets stored on the server, every mailbox of every account. */
  readonly serverBytes: number;
}

/** One step of a run: an intent, a wire unit, or a note (direction `none`). */
export interface Frame {
  /** Index in its protocol's track. */
  readonly step: number;
  /** Index of the intent this frame belongs to (-1: the initial frame). */
  readonly intent: number;
  /** Virtual milliseconds since the start. */
  readonly t: number;
  /** The column (track) this frame belongs to. */
  readonly protocol: Protocol;
  /**
   * What is on the wire when it is not the column's protocol: `smtp` for sending (submission)
   * and for delivery from another server, which happen the same way in both columns.
   */
  readonly wire?: 'smtp';
  /**
   * The unit travelled inside TLS (after STARTTLS/STLS, or on an implicit-TLS port): an
   * eavesdropper sees only TLS records of about its size (see eavesdropper.ts).
   */
  readonly encrypted?: true;
  readonly device: string | null;
  /**
   * The account whose server the unit went to or came from: the POP3/IMAP session's user, the
   * submitting account (SMTP submission), or the recipient (delivery from another server). A
   * device with two accounts talks to two servers; absent on notes and in older timelines.
   */
  readonly account?: string;
  readonly direction: 'c2s' | 's2c' | 'none';
  /** The exact wire text (byte string) or null. */
  readonly raw: string | null;
  /** `raw` with the password masked, for display. */
  readonly display: string | null;
  readonly bytes: number;
  readonly command: string | null;
  readonly outcome: string | null;
  readonly stateBefore: string | null;
  readonly stateAfter: string | null;
  readonly explanation: string | null;
  readonly rfc: string | null;
  readonly narration: string;
  readonly server: StoreSnapshot;
  readonly devices: readonly DeviceSnapshot[];
  readonly metrics: Metrics;
}

export interface DeviceSpec {
  readonly id: string;
  readonly kind: DeviceKind;
  /** Network: one-way latency and bandwidth. */
  readonly latencyMs?: number;
  readonly bytesPerMs?: number;
  /** Accounts this device's client fetches (default: the scenario's first). */
  readonly accounts?: readonly string[];
  /** This device's POP3 client settings, over the scenario's. */
  readonly pop3?: Partial<Pop3Settings>;
  /** This device's IMAP client settings, over the scenario's. */
  readonly imap?: Partial<ImapSettings>;
}

/**
 * A POP3 client's settings. None of this is protocol: RFC 1939 gives the client DELE and UIDL,
 * and each client decides when to use them.
 */
export interface Pop3Settings {
  /** "Leave a copy of messages on the server". Off: the client sends DELE for each message it has downloaded. */
  readonly leaveCopy: boolean;
  /** With leaveCopy: DELE a message this many days after downloading it. */
  readonly deleteAfterDays?: number;
  /** With leaveCopy: "until I delete them": a message deleted on the device is DELEd at the next session. */
  readonly deleteWhenDeletedHere?: boolean;
  /**
   * Remember the UIDLs already downloaded and skip them (RFC 1939 §7, the reason UIDL exists).
   * False: a naive client that downloads every message listed, again. Default true.
   */
  readonly rememberUidls?: boolean;
}

/** An IMAP client's settings: client choices, not protocol. */
export interface ImapSettings {
  /** Wait in IDLE while the app is open (RFC 2177), so changes arrive at once; else check on demand. */
  readonly idle: boolean;
  /** Offline copies: 'opened' keeps the bodies of messages opened; 'all' downloads every body at sync. */
  readonly offline: 'opened' | 'all';
  /**
   * How a message is downloaded when opened: 'whole' (`BODY[]`, attachments included) or 'text'
   * (`BODYSTRUCTURE`, then only the text part with `BODY.PEEK[n]` and `\Seen` set by STORE).
   */
  readonly bodies: 'whole' | 'text';
  /** Delete: 'move' to Trash (MOVE, RFC 6851), or 'mark' \Deleted and expunge later (RFC 9051 §6.4.3). */
  readonly deleteBy: 'move' | 'mark';
  /**
   * Show a storage bar: after each sync, ask the server how full the account is with
   * `GETQUOTAROOT INBOX` (RFC 9208 §4.1.2), as clients with a quota display do. Default off.
   */
  readonly quota?: boolean;
  /**
   * How the client catches up when it opens the mailbox again: 'full' (the default) fetches the
   * flags of every cached message (`UID FETCH 1:n (UID FLAGS)`) and drops the UIDs missing from
   * the answer; 'qresync' sends `ENABLE QRESYNC` and one `SELECT INBOX (QRESYNC (uidvalidity
   * modseq))`, and the server answers with only what changed (RFC 7162 §3.2.5).
   */
  readonly resync?: 'full' | 'qresync';
}

/** A message a story lists in an account's INBOX at the start (plain 7bit text). */
export interface ListedMessage {
  /** The From: header, e.g. `Chris Classmate <chris@students.example>`. */
  readonly from: string;
  readonly subject: string;
  /** The body (default: the subject). */
  readonly text?: string;
  /** Read before the story starts (`\Seen`). */
  readonly seen?: boolean;
  /** Flagged before the story starts (`\Flagged`). */
  readonly flagged?: boolean;
}

export interface ScenarioSetup {
  /** Accounts on the server; default one account, student, with the seed INBOX. */
  readonly accounts?: readonly {
    readonly user: string;
    readonly password: string;
    /** The seed INBOX, `n` generated newsletters, or the messages listed (UID 1 first). */
    readonly messages: 'seed' | number | readonly ListedMessage[];
    readonly quotaBytes?: number;
  }[];
  readonly devices: readonly DeviceSpec[];
  /** Every device's POP3 settings (a device's own override these). Default: no copy left, UIDLs remembered. */
  readonly pop3?: Pop3Settings;
  /** IMAP clients use IDLE while the app is open (default true). */
  readonly imapIdle?: boolean;
  /** Every device's IMAP settings (a device's own override these). */
  readonly imap?: Partial<ImapSettings>;
  /**
   * The mail apps' "connection security" (a client setting; RFC 8314): 'none' (the default:
   * the in-process loopback, no TLS, as every other scenario), 'starttls' (STARTTLS/STLS on the
   * plain port, then TLS; the server refuses a password before it, as from any other network),
   * or 'implicit' (TLS from the first octet, ports 993/995/465).
   */
  readonly security?: 'none' | 'starttls' | 'implicit';
}
